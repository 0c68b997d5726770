import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, Repository } from 'typeorm';
import { shanghaiDate } from '../../../shared/dates';
import { phoneFor } from '../../../shared/phone';
import {
  type Principal,
  canEditEnterprise,
  canManageCooperative,
  canReadEnterprise,
} from '../../../shared/policy';
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
  regionId: string | null;
  cooperativeId: string;
  since: string | Date;
  leadEnterpriseId: string | null;
  coopRegionId: string;
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
    let coopIds: string[] | null;
    if (q.cooperativeId) {
      await this.coops.readable(actor, q.cooperativeId);
      coopIds = [q.cooperativeId];
    } else {
      coopIds = await this.scope.readableCooperativeIds(actor);
    }
    if (coopIds !== null && coopIds.length === 0) return pageResult([], 0, q);
    const qb = this.memberships
      .createQueryBuilder('m')
      .innerJoin(EnterpriseEntity, 'e', 'e.id = m.enterpriseId')
      .innerJoin(CooperativeEntity, 'c', 'c.id = m.cooperativeId')
      .where('m.until IS NULL');
    if (coopIds !== null) qb.andWhere('m.cooperativeId IN (:...coopIds)', { coopIds });
    if (q.q) qb.andWhere("e.name LIKE :q ESCAPE '!'", { q: likePattern(q.q) });
    const total = await qb.getCount();
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
        'e.regionId AS regionId',
        'm.cooperativeId AS cooperativeId',
        'm.since AS since',
        'c.leadEnterpriseId AS leadEnterpriseId',
        'c.regionId AS coopRegionId',
      ])
      // The lead enterprise first, then by name: how members think of their directory.
      .orderBy('CASE WHEN c.leadEnterpriseId = e.id THEN 0 ELSE 1 END', 'ASC')
      .addOrderBy('e.name', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .offset(offsetOf(q))
      .limit(q.pageSize)
      .getRawMany<DirectoryRow>();
    const chains = await this.scope.regionChains();
    return pageResult(
      rows.map((r) => this.toEntry(actor, r, chains.get(r.coopRegionId) ?? [r.coopRegionId])),
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
    const e = await this.enterprises.findOneBy({ id });
    if (!e) throw AppError.notFound();
    const scope = await this.scope.enterprise(e.id, e.regionId);
    if (!canReadEnterprise(actor, scope)) throw AppError.notFound();
    if (!canEditEnterprise(actor, scope)) throw AppError.forbidden();
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
    const e = await this.enterprises.findOneBy({ id });
    if (!e || !canReadEnterprise(actor, await this.scope.enterprise(e.id, e.regionId))) throw AppError.notFound();
    return e;
  }

  /**
   * The full record. The contact phone follows the one phone rule (shared/phone.ts): in full to the
   * enterprise's own people, the admins of its active cooperatives and the platform admin; masked
   * (138****8000) to others who may read the record (supervisors, experts). No viewer: the caller is
   * the enterprise's own person (e.g. just joined).
   */
  async toDto(e: EnterpriseEntity, viewer?: Principal): Promise<Enterprise> {
    const ms = await this.memberships.find({ where: { enterpriseId: e.id }, order: { since: 'ASC' } });
    const coopRows = ms.length
      ? await this.db.getRepository(CooperativeEntity).find({ where: { id: In(ms.map((m) => m.cooperativeId)) } })
      : [];
    const coopById = new Map(coopRows.map((c) => [c.id, c]));
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
  }

  /** Private fields only for those who may read the full record through this membership's cooperative. */
  private toEntry(actor: Principal, r: DirectoryRow, regionIds: string[]): DirectoryEntry {
    const entry: DirectoryEntry = {
      id: r.id,
      name: r.name,
      industry: r.industry,
      address: r.address,
      cooperativeId: r.cooperativeId,
      memberSince: typeof r.since === 'string' ? r.since.slice(0, 10) : shanghaiDate(r.since),
      isLead: r.leadEnterpriseId === r.id,
    };
    const full = canReadEnterprise(actor, { id: r.id, cooperativeIds: [r.cooperativeId], regionIds });
    if (!full) return entry;
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
