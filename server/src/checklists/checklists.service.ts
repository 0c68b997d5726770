import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Principal } from '../../../shared/policy';
import type {
  Checklist,
  ChecklistItem,
  ChecklistItemInput,
  ChecklistQuery,
  ChecklistSummary,
  CopyChecklistBody,
  CreateChecklistBody,
  UpdateChecklistBody,
} from '../../../shared/schemas/checklists';
import { AppError } from '../common/app-error';
import { isUniqueViolation } from '../database/db-errors';
import { CooperativeEntity } from '../org/cooperative.entity';
import { ScopeService } from '../org/scope.service';
import { ChecklistEntity, ChecklistItemEntity } from './checklist.entity';
import { CHECKLIST_LIBRARY, type LibraryTemplate } from './library';

type ItemRow = Omit<ChecklistItemEntity, 'id' | 'checklistId'>;

function libraryRows(t: LibraryTemplate): ItemRow[] {
  return t.items.map((i, sort) => ({
    code: i.code,
    sort,
    section: i.section,
    category: i.category,
    text: i.text,
    answerType: i.answerType ?? 'pass_fail',
    unit: i.unit ?? null,
    photoRequiredOnFail: !!i.photo,
    weight: i.weight,
    legalBasis: i.basis ?? null,
  }));
}

function inputRows(items: ChecklistItemInput[]): ItemRow[] {
  // A new item gets a code no other item of this list has: comparable across members only when kept.
  const taken = new Set(items.map((i) => i.code).filter(Boolean));
  let n = 0;
  const fresh = (): string => {
    let c: string;
    do c = `C${String(++n).padStart(3, '0')}`;
    while (taken.has(c));
    taken.add(c);
    return c;
  };
  return items.map((i, sort) => ({
    code: i.code ?? fresh(),
    sort,
    section: i.section,
    category: i.category,
    text: i.text,
    answerType: i.answerType,
    unit: i.unit ?? null,
    photoRequiredOnFail: i.photoRequiredOnFail,
    weight: i.weight,
    legalBasis: i.legalBasis || null,
  }));
}

export function toItemDto(i: ChecklistItemEntity): ChecklistItem {
  return {
    id: i.id,
    code: i.code,
    section: i.section,
    category: i.category,
    text: i.text,
    answerType: i.answerType,
    unit: i.unit,
    photoRequiredOnFail: !!i.photoRequiredOnFail,
    weight: i.weight,
    legalBasis: i.legalBasis,
  };
}

/**
 * The checklist library: platform templates seeded on every start, cooperatives' copies, versions.
 * An edit never changes a version in place: it inserts the next one, so inspections keep theirs.
 */
@Injectable()
export class ChecklistsService implements OnModuleInit {
  private readonly logger = new Logger('Checklists');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
  ) {}

  /** Seeds (or adds a new version of) each platform template whose content changed; idempotent. */
  async onModuleInit(): Promise<void> {
    for (const t of CHECKLIST_LIBRARY) await this.seedTemplate(t);
  }

  private async seedTemplate(t: LibraryTemplate): Promise<void> {
    const rows = libraryRows(t);
    const hash = createHash('sha256').update(JSON.stringify([t.name, t.industry, rows])).digest('hex');
    const repo = this.db.getRepository(ChecklistEntity);
    const latest = await repo.findOne({ where: { familyId: t.familyId }, order: { version: 'DESC' } });
    if (latest?.seedHash === hash) return;
    try {
      await this.db.transaction((em) =>
        this.insertVersion(em, { familyId: t.familyId, version: (latest?.version ?? 0) + 1, name: t.name, industry: t.industry, cooperativeId: null, copiedFromId: null, seedHash: hash, createdById: null }, rows),
      );
      this.logger.log(`checklist template ${t.familyId} seeded`);
    } catch (err) {
      // Another instance starting at the same moment seeded it first.
      if (!isUniqueViolation(err)) throw err;
    }
  }

  private async insertVersion(em: EntityManager, head: Omit<ChecklistEntity, 'id' | 'latest' | 'createdAt'>, rows: ItemRow[]): Promise<ChecklistEntity> {
    await em.getRepository(ChecklistEntity).update({ familyId: head.familyId, latest: true }, { latest: false });
    const saved = await em.getRepository(ChecklistEntity).save(em.getRepository(ChecklistEntity).create({ ...head, latest: true }));
    const items = em.getRepository(ChecklistItemEntity);
    await items.insert(rows.map((r) => items.create({ ...r, checklistId: saved.id })));
    return saved;
  }

  async list(actor: Principal, q: ChecklistQuery): Promise<ChecklistSummary[]> {
    const scope = await this.scope.of(actor);
    const qb = this.db.getRepository(ChecklistEntity).createQueryBuilder('k').leftJoin(CooperativeEntity, 'c', 'c.id = k.cooperativeId');
    const [readable, params] = this.scope.cooperativeReadable(scope, 'c');
    qb.where(`(k.cooperativeId IS NULL OR ${readable})`, params);
    if (q.cooperativeId) qb.andWhere('(k.cooperativeId IS NULL OR k.cooperativeId = :coop)', { coop: q.cooperativeId });
    if (q.allVersions !== 'true') qb.andWhere('k.latest = :latest', { latest: true });
    const rows = await qb.orderBy('k.cooperativeId', 'ASC').addOrderBy('k.name', 'ASC').addOrderBy('k.version', 'DESC').getMany();
    const counts = await this.itemCounts(rows.map((r) => r.id));
    return rows.map((r) => this.summary(r, counts.get(r.id) ?? 0, this.canEdit(scope, r)));
  }

  async get(actor: Principal, id: string): Promise<Checklist> {
    const { row, canEdit } = await this.readable(actor, id);
    const items = await this.items(id);
    return { ...this.summary(row, items.length, canEdit), items: items.map(toItemDto) };
  }

  async items(checklistId: string): Promise<ChecklistItemEntity[]> {
    return this.db.getRepository(ChecklistItemEntity).find({ where: { checklistId }, order: { sort: 'ASC' } });
  }

  async create(actor: Principal, body: CreateChecklistBody): Promise<Checklist> {
    await this.mustManage(actor, body.cooperativeId);
    const row = await this.db.transaction((em) =>
      this.insertVersion(em, { familyId: randomUUID(), version: 1, name: body.name, industry: body.industry ?? '', cooperativeId: body.cooperativeId, copiedFromId: null, seedHash: null, createdById: actor.userId }, inputRows(body.items)),
    );
    return this.get(actor, row.id);
  }

  async copy(actor: Principal, id: string, body: CopyChecklistBody): Promise<Checklist> {
    const { row } = await this.readable(actor, id);
    await this.mustManage(actor, body.cooperativeId);
    const items = await this.items(id);
    const rows: ItemRow[] = items.map(({ id: _id, checklistId: _c, ...rest }) => rest);
    const copy = await this.db.transaction((em) =>
      this.insertVersion(em, { familyId: randomUUID(), version: 1, name: body.name ?? row.name, industry: row.industry, cooperativeId: body.cooperativeId, copiedFromId: row.id, seedHash: null, createdById: actor.userId }, rows),
    );
    return this.get(actor, copy.id);
  }

  /** An edit of the newest version: saved as the next version (409 if someone saved one meanwhile). */
  async update(actor: Principal, id: string, body: UpdateChecklistBody): Promise<Checklist> {
    const { row, canEdit } = await this.readable(actor, id);
    if (!canEdit) throw AppError.forbidden();
    if (!row.latest) throw AppError.conflict('CHECKLIST_CHANGED');
    try {
      const next = await this.db.transaction((em) =>
        this.insertVersion(em, { familyId: row.familyId, version: row.version + 1, name: body.name ?? row.name, industry: body.industry ?? row.industry, cooperativeId: row.cooperativeId, copiedFromId: row.copiedFromId, seedHash: null, createdById: actor.userId }, inputRows(body.items)),
      );
      return await this.get(actor, next.id);
    } catch (err) {
      if (isUniqueViolation(err)) throw AppError.conflict('CHECKLIST_CHANGED');
      throw err;
    }
  }

  /** A checklist version the caller may read: platform ones for everyone, a cooperative's for its readers. */
  async readable(actor: Principal, id: string): Promise<{ row: ChecklistEntity; canEdit: boolean }> {
    const row = await this.db.getRepository(ChecklistEntity).findOneBy({ id });
    if (!row) throw AppError.notFound();
    const scope = await this.scope.of(actor);
    if (row.cooperativeId) {
      const qb = this.db.getRepository(CooperativeEntity).createQueryBuilder('c').where('c.id = :id', { id: row.cooperativeId });
      this.scope.where(qb, this.scope.cooperativeReadable(scope, 'c'));
      if ((await qb.getCount()) === 0) throw AppError.notFound();
    }
    return { row, canEdit: this.canEdit(scope, row) };
  }

  private canEdit(scope: Awaited<ReturnType<ScopeService['of']>>, row: ChecklistEntity): boolean {
    if (scope.all) return true;
    return !!row.cooperativeId && scope.managedCooperativeIds.includes(row.cooperativeId);
  }

  private async mustManage(actor: Principal, cooperativeId: string): Promise<void> {
    const scope = await this.scope.of(actor);
    if (scope.all || scope.managedCooperativeIds.includes(cooperativeId)) {
      if (!(await this.db.getRepository(CooperativeEntity).existsBy({ id: cooperativeId }))) {
        throw AppError.validation({ cooperativeId: '合作社不存在' });
      }
      return;
    }
    throw AppError.forbidden();
  }

  private async itemCounts(ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; n: string | number }[] = await this.db
      .getRepository(ChecklistItemEntity)
      .createQueryBuilder('i')
      .select('i.checklistId', 'id')
      .addSelect('COUNT(*)', 'n')
      .where({ checklistId: In(ids) })
      .groupBy('i.checklistId')
      .getRawMany();
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  }

  private summary(r: ChecklistEntity, itemCount: number, canEdit: boolean): ChecklistSummary {
    return {
      id: r.id,
      familyId: r.familyId,
      version: r.version,
      latest: !!r.latest,
      name: r.name,
      industry: r.industry,
      cooperativeId: r.cooperativeId,
      copiedFromId: r.copiedFromId,
      itemCount,
      canEdit,
      createdAt: r.createdAt.toISOString(),
    };
  }
}
