import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import QRCode from 'qrcode';
import { DataSource, type EntityManager } from 'typeorm';
import type { RiskLevel } from '../../../shared/enums';
import { computeLec } from '../../../shared/lec';
import type { Principal } from '../../../shared/policy';
import {
  type CreateWorkshopBody,
  type LecInputBody,
  RISK_LEVEL_LABELS,
  type UpdateWorkshopBody,
  type Workshop,
} from '../../../shared/schemas/workshops';
import { AppError } from '../common/app-error';
import { AppConfig } from '../config/config';
import { isUniqueViolation } from '../database/db-errors';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { ScopeService } from '../org/scope.service';
import { newManualCode, newQrToken, qrPath } from './codes';
import { WorkshopRetiredCodeEntity } from './retired-code.entity';
import { WorkshopEntity } from './workshop.entity';

const QR_OPTIONS = { margin: 2, width: 360, errorCorrectionLevel: 'M' } as const;
const INSERT_ATTEMPTS = 5;

/** A workshop with its enterprise's name and what the caller may do with it. */
export interface WorkshopAccess {
  workshop: WorkshopEntity;
  enterpriseName: string;
  canManage: boolean;
}

@Injectable()
export class WorkshopsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly config: AppConfig,
  ) {}

  /** The workshops of an enterprise whose full record the caller may read (404 otherwise). */
  async list(actor: Principal, enterpriseId: string): Promise<Workshop[]> {
    const ent = await this.enterpriseAccess(actor, enterpriseId);
    const rows = await this.db.getRepository(WorkshopEntity).find({ where: { enterpriseId }, order: { name: 'ASC', id: 'ASC' } });
    return rows.map((w) => this.toDto({ workshop: w, enterpriseName: ent.enterprise.name, canManage: ent.canManage }));
  }

  async create(actor: Principal, enterpriseId: string, body: CreateWorkshopBody): Promise<Workshop> {
    const ent = await this.enterpriseAccess(actor, enterpriseId);
    if (!ent.canManage) throw AppError.forbidden();
    const level = resolveLevel(body.riskLevel, body.lec);
    const row = await this.insertWithCodes(this.db.manager, {
      enterpriseId,
      name: body.name,
      location: body.location ?? '',
      responsiblePerson: body.responsiblePerson ?? '',
      riskLevel: level,
      ...lecColumns(body.lec ?? null),
    });
    return this.toDto({ workshop: row, enterpriseName: ent.enterprise.name, canManage: true });
  }

  async get(actor: Principal, id: string): Promise<Workshop> {
    return this.toDto(await this.readable(actor, id));
  }

  async update(actor: Principal, id: string, body: UpdateWorkshopBody): Promise<Workshop> {
    const found = await this.readable(actor, id);
    if (!found.canManage) throw AppError.forbidden();
    const w = found.workshop;
    const patch: Partial<WorkshopEntity> = {};
    if (body.name !== undefined) patch.name = body.name;
    if (body.location !== undefined) patch.location = body.location;
    if (body.responsiblePerson !== undefined) patch.responsiblePerson = body.responsiblePerson;
    if (body.lec !== undefined) Object.assign(patch, lecColumns(body.lec));
    if (body.lec) {
      patch.riskLevel = resolveLevel(body.riskLevel, body.lec);
    } else if (body.riskLevel !== undefined) {
      // A level by hand while LEC inputs stay would contradict them: say so rather than drop them silently.
      if (body.lec === undefined && w.lecL10 !== null) {
        throw AppError.validation({ riskLevel: '该风险点按 LEC 评价定级：请修改 L、E、C，或清除 LEC 后手工选择' });
      }
      patch.riskLevel = body.riskLevel;
    }
    await this.db.getRepository(WorkshopEntity).update({ id }, patch);
    return this.get(actor, id);
  }

  /** New QR token and manual code; the old ones answer "该标签已作废" when scanned. */
  async rotate(actor: Principal, id: string): Promise<Workshop> {
    const found = await this.readable(actor, id);
    if (!found.canManage) throw AppError.forbidden();
    await this.db.transaction(async (em) => {
      const w = await em.getRepository(WorkshopEntity).findOneByOrFail({ id });
      await em.getRepository(WorkshopRetiredCodeEntity).insert([
        { code: w.qrToken, workshopId: id },
        { code: w.manualCode, workshopId: id },
      ]);
      await this.withFreshCodes(em, async (codes) => {
        await em.getRepository(WorkshopEntity).update({ id }, codes);
      });
    });
    return this.get(actor, id);
  }

  /** PNG of the label's link (for those who manage the workshop: the token is the label's secret). */
  async qrPng(actor: Principal, id: string): Promise<Buffer> {
    const found = await this.readable(actor, id);
    if (!found.canManage) throw AppError.forbidden();
    return QRCode.toBuffer(this.qrUrl(found.workshop.qrToken), { ...QR_OPTIONS, type: 'png' });
  }

  /** The enterprise and its workshops for the label sheet (managers only). */
  async forLabels(actor: Principal, enterpriseId: string): Promise<{ enterprise: EnterpriseEntity; workshops: WorkshopEntity[] }> {
    const ent = await this.enterpriseAccess(actor, enterpriseId);
    if (!ent.canManage) throw AppError.forbidden();
    const workshops = await this.db.getRepository(WorkshopEntity).find({ where: { enterpriseId }, order: { name: 'ASC', id: 'ASC' } });
    return { enterprise: ent.enterprise, workshops };
  }

  /** A workshop for the caller to manage (404 when unreadable, 403 when read-only). */
  async managed(actor: Principal, id: string): Promise<WorkshopAccess> {
    const found = await this.readable(actor, id);
    if (!found.canManage) throw AppError.forbidden();
    return found;
  }

  qrUrl(token: string): string {
    return `${this.config.publicUrl}${qrPath(token)}`;
  }

  /** The workshop if the caller may read its enterprise's full record, and whether they may manage it: one query. */
  async readable(actor: Principal, id: string): Promise<WorkshopAccess> {
    const found = await this.access(actor, id);
    if (!found) throw AppError.notFound();
    return found;
  }

  /** Same as readable, null instead of 404. */
  async access(actor: Principal, id: string): Promise<WorkshopAccess | null> {
    const scope = await this.scope.of(actor);
    const [editSql, editParams] = this.scope.enterpriseAllowed(scope, 'e', 'edit');
    const qb = this.db
      .getRepository(WorkshopEntity)
      .createQueryBuilder('w')
      .innerJoin(EnterpriseEntity, 'e', 'e.id = w.enterpriseId')
      .addSelect('e.name', 'e_name')
      .addSelect(`CASE WHEN ${editSql} THEN 1 ELSE 0 END`, 'e_canEdit')
      .where('w.id = :id', { id })
      .setParameters(editParams);
    this.scope.where(qb, this.scope.enterpriseAllowed(scope, 'e', 'read'));
    const { entities, raw } = await qb.getRawAndEntities<{ e_name: string; e_canEdit: number | string }>();
    if (entities.length === 0) return null;
    return { workshop: entities[0], enterpriseName: raw[0].e_name, canManage: Number(raw[0].e_canEdit) === 1 };
  }

  /** A workshop and its enterprise's name, no access check (callers decide who may see it). */
  async findById(id: string): Promise<{ workshop: WorkshopEntity; enterpriseName: string } | null> {
    const { entities, raw } = await this.db
      .getRepository(WorkshopEntity)
      .createQueryBuilder('w')
      .innerJoin(EnterpriseEntity, 'e', 'e.id = w.enterpriseId')
      .addSelect('e.name', 'e_name')
      .where('w.id = :id', { id })
      .getRawAndEntities<{ e_name: string }>();
    return entities.length ? { workshop: entities[0], enterpriseName: raw[0].e_name } : null;
  }

  /** A workshop by its current QR token or manual code; `retired` when the code was rotated away. */
  async findByCode(code: string): Promise<{ workshop: WorkshopEntity; enterpriseName: string } | 'retired' | null> {
    const qb = this.db
      .getRepository(WorkshopEntity)
      .createQueryBuilder('w')
      .innerJoin(EnterpriseEntity, 'e', 'e.id = w.enterpriseId')
      .addSelect('e.name', 'e_name')
      .where('(w.qrToken = :code OR w.manualCode = :code)', { code });
    const { entities, raw } = await qb.getRawAndEntities<{ e_name: string }>();
    if (entities.length > 0) return { workshop: entities[0], enterpriseName: raw[0].e_name };
    if (await this.db.getRepository(WorkshopRetiredCodeEntity).existsBy({ code })) return 'retired';
    return null;
  }

  toDto(a: WorkshopAccess): Workshop {
    const w = a.workshop;
    const lec =
      w.lecL10 !== null && w.lecE10 !== null && w.lecC !== null
        ? { l: w.lecL10 / 10, e: w.lecE10 / 10, c: w.lecC, d: computeLec({ l: w.lecL10 / 10, e: w.lecE10 / 10, c: w.lecC }).d }
        : null;
    return {
      id: w.id,
      enterpriseId: w.enterpriseId,
      enterpriseName: a.enterpriseName,
      name: w.name,
      location: w.location,
      responsiblePerson: w.responsiblePerson,
      riskLevel: w.riskLevel,
      lec,
      manualCode: w.manualCode,
      ...(a.canManage ? { qrUrl: this.qrUrl(w.qrToken) } : {}),
      canManage: a.canManage,
      createdAt: w.createdAt.toISOString(),
      updatedAt: w.updatedAt.toISOString(),
    };
  }

  /** Inserts a workshop with fresh codes (also used by the demo seeder). */
  async insertWithCodes(
    em: EntityManager,
    fields: Omit<WorkshopEntity, 'id' | 'qrToken' | 'manualCode' | 'createdAt' | 'updatedAt'>,
  ): Promise<WorkshopEntity> {
    const repo = em.getRepository(WorkshopEntity);
    return this.withFreshCodes(em, (codes) => repo.save(repo.create({ ...fields, ...codes })));
  }

  // A 7-character code collides rarely but can: try again with new codes on a unique-key refusal.
  private async withFreshCodes<T>(em: EntityManager, write: (codes: { qrToken: string; manualCode: string }) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const codes = { qrToken: newQrToken(), manualCode: newManualCode() };
      if (await em.getRepository(WorkshopRetiredCodeEntity).existsBy({ code: codes.manualCode })) continue;
      try {
        return await write(codes);
      } catch (err) {
        if (!isUniqueViolation(err) || attempt >= INSERT_ATTEMPTS) throw err;
      }
    }
  }

  private async enterpriseAccess(actor: Principal, enterpriseId: string): Promise<{ enterprise: EnterpriseEntity; canManage: boolean }> {
    const scope = await this.scope.of(actor);
    const [editSql, editParams] = this.scope.enterpriseAllowed(scope, 'e', 'edit');
    const qb = this.db
      .getRepository(EnterpriseEntity)
      .createQueryBuilder('e')
      .where('e.id = :id', { id: enterpriseId })
      .addSelect(`CASE WHEN ${editSql} THEN 1 ELSE 0 END`, 'e_canEdit')
      .setParameters(editParams);
    this.scope.where(qb, this.scope.enterpriseAllowed(scope, 'e', 'read'));
    const { entities, raw } = await qb.getRawAndEntities<{ e_canEdit: number | string }>();
    if (entities.length === 0) throw AppError.notFound();
    return { enterprise: entities[0], canManage: Number(raw[0].e_canEdit) === 1 };
  }
}

/** The risk level: from LEC when given (a level sent alongside must agree), else the one chosen by hand. */
function resolveLevel(riskLevel: RiskLevel | undefined, lec: LecInputBody | undefined | null): RiskLevel {
  if (!lec) {
    if (!riskLevel) throw AppError.validation({ riskLevel: '请选择风险等级或填写 LEC 评价' });
    return riskLevel;
  }
  const computed = computeLec(lec).level;
  if (riskLevel !== undefined && riskLevel !== computed) {
    throw new AppError('VALIDATION_FAILED', HttpStatus.UNPROCESSABLE_ENTITY, {
      riskLevel: `与 LEC 计算结果（${RISK_LEVEL_LABELS[computed]}）不一致`,
    });
  }
  return computed;
}

function lecColumns(lec: LecInputBody | null): Pick<WorkshopEntity, 'lecL10' | 'lecE10' | 'lecC'> {
  if (!lec) return { lecL10: null, lecE10: null, lecC: null };
  return { lecL10: Math.round(lec.l * 10), lecE10: Math.round(lec.e * 10), lecC: lec.c };
}
