import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { type Principal, canCreateCooperative, isAdmin } from '../../../shared/policy';
import type { Page } from '../../../shared/schemas/common';
import type { Cooperative, CreateCooperativeBody, CreateRegionBody, Region } from '../../../shared/schemas/org';
import { AppError } from '../common/app-error';
import { offsetOf, pageResult } from '../common/pagination';
import { CooperativeEntity } from './cooperative.entity';
import { EnterpriseEntity } from './enterprise.entity';
import { MembershipEntity } from './membership.entity';
import { RegionEntity } from './region.entity';
import { ScopeService } from './scope.service';

@Injectable()
export class CooperativesService {
  constructor(
    @InjectRepository(CooperativeEntity) private readonly coops: Repository<CooperativeEntity>,
    @InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>,
    @InjectRepository(EnterpriseEntity) private readonly enterprises: Repository<EnterpriseEntity>,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    private readonly scope: ScopeService,
  ) {}

  async listRegions(): Promise<{ items: Region[] }> {
    const all = await this.regions.find({ order: { level: 'ASC', name: 'ASC' } });
    return { items: all.map((r) => ({ id: r.id, name: r.name, level: r.level, parentId: r.parentId })) };
  }

  /** The platform admin adds a district, or a town under a district. */
  async createRegion(actor: Principal, body: CreateRegionBody): Promise<Region> {
    if (!isAdmin(actor)) throw AppError.forbidden();
    let level: Region['level'] = 'district';
    if (body.parentId) {
      const parent = await this.regions.findOneBy({ id: body.parentId });
      if (!parent) throw AppError.validation({ parentId: '上级地区不存在' });
      if (parent.level !== 'district') throw AppError.validation({ parentId: '镇/街道下不能再建地区' });
      level = 'town';
    }
    const siblings = await this.regions.find({ where: { parentId: body.parentId ?? IsNull() }, select: { id: true, name: true } });
    if (siblings.some((r) => r.name === body.name)) {
      throw new AppError('CONFLICT', HttpStatus.CONFLICT, { name: '同一上级下已有同名地区' });
    }
    const saved = await this.regions.save(this.regions.create({ name: body.name, level, parentId: body.parentId ?? null }));
    return { id: saved.id, name: saved.name, level: saved.level, parentId: saved.parentId };
  }

  async list(actor: Principal, q: { page: number; pageSize: number; regionId?: string }): Promise<Page<Cooperative>> {
    const scope = await this.scope.of(actor);
    const qb = this.coops.createQueryBuilder('c').orderBy('c.createdAt', 'ASC').addOrderBy('c.id', 'ASC');
    this.scope.where(qb, this.scope.cooperativeReadable(scope, 'c'));
    if (q.regionId) {
      const within = (await this.scope.subregions([q.regionId]))[q.regionId];
      qb.andWhere('c.regionId IN (:...within)', { within });
    }
    const [rows, total] = await Promise.all([qb.clone().offset(offsetOf(q)).limit(q.pageSize).getMany(), qb.getCount()]);
    return pageResult(await this.toDtos(rows), total, q);
  }

  /** The cooperative if the caller may read it; 404 otherwise (never reveal it exists). One query. */
  async readable(actor: Principal, id: string): Promise<CooperativeEntity> {
    const scope = await this.scope.of(actor);
    const qb = this.coops.createQueryBuilder('c').where('c.id = :id', { id });
    this.scope.where(qb, this.scope.cooperativeReadable(scope, 'c'));
    const coop = await qb.getOne();
    if (!coop) throw AppError.notFound();
    return coop;
  }

  async get(actor: Principal, id: string): Promise<Cooperative> {
    const coop = await this.readable(actor, id);
    return (await this.toDtos([coop]))[0];
  }

  async create(actor: Principal, body: CreateCooperativeBody): Promise<Cooperative> {
    const chain = await this.scope.regionChain(body.regionId);
    if (!chain) throw AppError.validation({ regionId: '地区不存在' });
    if (!canCreateCooperative(actor, chain)) throw AppError.forbidden();
    const region = await this.regions.findOneByOrFail({ id: body.regionId });
    if (region.level !== 'town') {
      throw new AppError('VALIDATION_FAILED', HttpStatus.UNPROCESSABLE_ENTITY, { regionId: '合作社应属于一个镇/街道' });
    }
    const saved = await this.coops.save(
      this.coops.create({
        name: body.name,
        regionId: body.regionId,
        industry: body.industry,
        foundedOn: body.foundedOn ?? null,
        description: body.description ?? null,
        leadEnterpriseId: null,
      }),
    );
    return (await this.toDtos([saved]))[0];
  }

  private async toDtos(rows: CooperativeEntity[]): Promise<Cooperative[]> {
    if (rows.length === 0) return [];
    const regionIds = [...new Set(rows.map((r) => r.regionId))];
    const leadIds = rows.map((r) => r.leadEnterpriseId).filter((v): v is string => !!v);
    const [regions, leads, counts] = await Promise.all([
      this.regions.find({ where: { id: In(regionIds) } }),
      leadIds.length ? this.enterprises.find({ where: { id: In(leadIds) }, select: { id: true, name: true } }) : [],
      this.memberships
        .createQueryBuilder('m')
        .select('m.cooperativeId', 'cooperativeId')
        .addSelect('COUNT(*)', 'n')
        .where('m.cooperativeId IN (:...ids)', { ids: rows.map((r) => r.id) })
        .andWhere('m.until IS NULL')
        .groupBy('m.cooperativeId')
        .getRawMany<{ cooperativeId: string; n: string | number }>(),
    ]);
    const regionName = new Map(regions.map((r) => [r.id, r.name]));
    const leadName = new Map(leads.map((e) => [e.id, e.name]));
    const count = new Map(counts.map((c) => [c.cooperativeId, Number(c.n)]));
    return rows.map((c) => ({
      id: c.id,
      name: c.name,
      regionId: c.regionId,
      regionName: regionName.get(c.regionId) ?? '',
      industry: c.industry,
      leadEnterpriseId: c.leadEnterpriseId,
      leadEnterpriseName: c.leadEnterpriseId ? (leadName.get(c.leadEnterpriseId) ?? null) : null,
      foundedOn: c.foundedOn,
      memberCount: count.get(c.id) ?? 0,
      description: c.description,
    }));
  }
}
