import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, Repository } from 'typeorm';
import { shanghaiDate } from '../../../shared/dates';
import { phoneFor } from '../../../shared/phone';
import { type Principal, canManageCooperative } from '../../../shared/policy';
import type { Page } from '../../../shared/schemas/common';
import type {
  CreateEnterpriseBody,
  DirectoryEntry,
  Enterprise,
  EnterpriseInput,
  EnterpriseListQuery,
  UpdateEnterpriseBody,
} from '../../../shared/schemas/org';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { likePattern, offsetOf, pageResult } from '../common/pagination';
import { CooperativeEntity } from './cooperative.entity';
import { CooperativesService } from './cooperatives.service';
import { EnterpriseEntity } from './enterprise.entity';
import { MembershipEntity } from './membership.entity';
import { ScopeService } from './scope.service';

interface DirectoryRow {
  id: string;
  name: string;
  industry: string;
  address: string;
  creditCode: string;
  headcount: number | string;
  contactName: string;
  contactPhone: string;
  cooperativeId: string;
  since: string | Date;
  leadEnterpriseId: string | null;
  /** 1 when the caller may see the private fields (an SQL CASE; a string on some drivers). */
  full: number | string;
}

const creditCodeTaken = (): AppError =>
  new AppError('CREDIT_CODE_TAKEN', HttpStatus.CONFLICT, { creditCode: '该统一社会信用代码已登记' });

@Injectable()
export class EnterprisesService {
  constructor(
    @InjectRepository(EnterpriseEntity) private readonly enterprises: Repository<EnterpriseEntity>,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly coops: CooperativesService,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
  ) {}

  /** The member directory: active memberships of the cooperatives the caller may read. */
  async list(actor: Principal, q: EnterpriseListQuery): Promise<Page<DirectoryEntry>> {
    const scope = await this.scope.of(actor);
    const qb = this.memberships
      .createQueryBuilder('m')
      .innerJoin(EnterpriseEntity, 'e', 'e.id = m.enterpriseId')
      .innerJoin(CooperativeEntity, 'c', 'c.id = m.cooperativeId')
      .where('m.until IS NULL');
    this.scope.where(qb, this.scope.cooperativeReadable(scope, 'c'));
    if (q.cooperativeId) qb.andWhere('m.cooperativeId = :cooperativeId', { cooperativeId: q.cooperativeId });
    if (q.q) qb.andWhere("e.name LIKE :q ESCAPE '!'", { q: likePattern(q.q) });
    const total = await qb.getCount();
    // A named cooperative the caller may not read is a 404, not an empty page. The scope is already in the
    // query, so the separate check is needed only when nothing came back (one query fewer per page).
    if (total === 0 && q.cooperativeId) await this.coops.readable(actor, q.cooperativeId);
    if (total <= offsetOf(q)) return pageResult([], total, q);
    const [fullSql, fullParams] = this.scope.directoryFull(scope, 'e', 'c');
    const rows = await qb
      .select([
        'e.id AS id',
        'e.name AS name',
        'e.industry AS industry',
        'e.address AS address',
        'e.creditCode AS creditCode',
        'e.headcount AS headcount',
        'e.contactName AS contactName',
        'e.contactPhone AS contactPhone',
        'm.cooperativeId AS cooperativeId',
        'm.since AS since',
        'c.leadEnterpriseId AS leadEnterpriseId',
      ])
      // Private fields only where the policy allows them through this row's cooperative.
      .addSelect(`CASE WHEN ${fullSql} THEN 1 ELSE 0 END`, 'full')
      .setParameters(fullParams)
      // The lead enterprise first, then by name: how members think of their directory.
      .orderBy('CASE WHEN c.leadEnterpriseId = e.id THEN 0 ELSE 1 END', 'ASC')
      .addOrderBy('e.name', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .offset(offsetOf(q))
      .limit(q.pageSize)
      .getRawMany<DirectoryRow>();
    return pageResult(
      rows.map((r) => this.toEntry(actor, r)),
      total,
      q,
    );
  }

  async get(actor: Principal, id: string): Promise<Enterprise> {
    const e = await this.readable(actor, id);
    return this.toDto(e, actor);
  }

  async create(actor: Principal, body: CreateEnterpriseBody): Promise<Enterprise> {
    const coop = await this.coops.readable(actor, body.cooperativeId);
    if (!canManageCooperative(actor, coop.id)) throw AppError.forbidden();
    const since = body.memberSince ?? shanghaiDate(this.clock.now());
    const id = await this.db.transaction(async (em) => {
      const e = await this.insertEnterprise(em, body, coop.regionId);
      await em.getRepository(MembershipEntity).insert({ cooperativeId: coop.id, enterpriseId: e.id, since });
      return e.id;
    });
    return this.toDto(await this.enterprises.findOneByOrFail({ id }), actor);
  }

  async update(actor: Principal, id: string, body: UpdateEnterpriseBody): Promise<Enterprise> {
    const found = await this.access(actor, id);
    if (!found) throw AppError.notFound();
    if (!found.canEdit) throw AppError.forbidden();
    await this.enterprises.update({ id }, body);
    return this.toDto(await this.enterprises.findOneByOrFail({ id }), actor);
  }

  /** Inside a transaction: a new enterprise row, 409 if its credit code is registered already. */
  async insertEnterprise(em: EntityManager, input: EnterpriseInput, regionId: string | null): Promise<EnterpriseEntity> {
    const repo = em.getRepository(EnterpriseEntity);
    if (await repo.existsBy({ creditCode: input.creditCode })) throw creditCodeTaken();
    try {
      return await repo.save(repo.create({ ...input, regionId }));
    } catch (err) {
      if (err instanceof Error && /UNIQUE|Duplicate/i.test(err.message)) throw creditCodeTaken();
      throw err;
    }
  }

  async readable(actor: Principal, id: string): Promise<EnterpriseEntity> {
    const found = await this.access(actor, id);
    if (!found) throw AppError.notFound();
    return found.enterprise;
  }

  /** The enterprise if the caller may read its full record, and whether they may edit it: one query. */
  private async access(actor: Principal, id: string): Promise<{ enterprise: EnterpriseEntity; canEdit: boolean } | null> {
    const scope = await this.scope.of(actor);
    const [editSql, editParams] = this.scope.enterpriseAllowed(scope, 'e', 'edit');
    const qb = this.enterprises
      .createQueryBuilder('e')
      .where('e.id = :id', { id })
      .addSelect(`CASE WHEN ${editSql} THEN 1 ELSE 0 END`, 'e_canEdit')
      .setParameters(editParams);
    this.scope.where(qb, this.scope.enterpriseAllowed(scope, 'e', 'read'));
    const { entities, raw } = await qb.getRawAndEntities<{ e_canEdit: number | string }>();
    if (entities.length === 0) return null;
    return { enterprise: entities[0], canEdit: Number(raw[0].e_canEdit) === 1 };
  }

  /**
   * The full record. The contact phone follows the one phone rule (shared/phone.ts): in full to the
   * enterprise's own people, the admins of its active cooperatives and the platform admin; masked
   * (138****8000) to others who may read the record (supervisors, experts). No viewer: the caller is
   * the enterprise's own person (e.g. just joined).
   */
  async toDto(e: EnterpriseEntity, viewer?: Principal): Promise<Enterprise> {
    return (await this.toDtos([e], viewer))[0];
  }

  /** The caller's own enterprises (active member grants), in one round of queries, not one per enterprise. */
  async mine(actor: Principal): Promise<{ items: Enterprise[] }> {
    const ids = [...new Set(actor.grants.filter((g) => g.role === 'member' && g.enterpriseId).map((g) => g.enterpriseId as string))];
    if (ids.length === 0) return { items: [] };
    const rows = await this.enterprises.find({ where: { id: In(ids) }, order: { name: 'ASC' } });
    return { items: await this.toDtos(rows, actor) };
  }

  private async toDtos(list: EnterpriseEntity[], viewer?: Principal): Promise<Enterprise[]> {
    if (list.length === 0) return [];
    const all = await this.memberships.find({ where: { enterpriseId: In(list.map((e) => e.id)) }, order: { since: 'ASC' } });
    const coopIds = [...new Set(all.map((m) => m.cooperativeId))];
    const coopRows = coopIds.length ? await this.db.getRepository(CooperativeEntity).find({ where: { id: In(coopIds) } }) : [];
    const coopById = new Map(coopRows.map((c) => [c.id, c]));
    return list.map((e) => {
      const ms = all.filter((m) => m.enterpriseId === e.id);
      return {
        id: e.id,
        name: e.name,
        creditCode: e.creditCode,
        industry: e.industry,
        address: e.address,
        headcount: e.headcount,
        contactName: e.contactName,
        contactPhone: viewer
          ? phoneFor(viewer, { enterpriseId: e.id, cooperativeIds: ms.filter((m) => m.until === null).map((m) => m.cooperativeId) }, e.contactPhone)
          : e.contactPhone,
        regionId: e.regionId,
        memberships: ms.map((m) => ({
          cooperativeId: m.cooperativeId,
          cooperativeName: coopById.get(m.cooperativeId)?.name ?? '',
          since: m.since,
          until: m.until,
          isLead: coopById.get(m.cooperativeId)?.leadEnterpriseId === e.id,
        })),
        createdAt: e.createdAt.toISOString(),
      };
    });
  }

  /** Private fields only for those who may read the full record through this membership's cooperative. */
  private toEntry(actor: Principal, r: DirectoryRow): DirectoryEntry {
    const entry: DirectoryEntry = {
      id: r.id,
      name: r.name,
      industry: r.industry,
      address: r.address,
      cooperativeId: r.cooperativeId,
      memberSince: typeof r.since === 'string' ? r.since.slice(0, 10) : shanghaiDate(r.since),
      isLead: r.leadEnterpriseId === r.id,
    };
    if (Number(r.full) !== 1) return entry;
    return {
      ...entry,
      creditCode: r.creditCode,
      headcount: Number(r.headcount),
      contactName: r.contactName,
      // The one phone rule (shared/phone.ts): masked unless own enterprise, its coop admin or admin.
      contactPhone: phoneFor(actor, { enterpriseId: r.id, cooperativeIds: [r.cooperativeId] }, r.contactPhone),
    };
  }
}
