import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import type { CooperativeScope, EnterpriseScope, Principal } from '../../../shared/policy';
import { isAdmin } from '../../../shared/policy';
import { CooperativeEntity } from './cooperative.entity';
import { MembershipEntity } from './membership.entity';
import { RegionEntity } from './region.entity';

/** Turns records into the scopes the shared policy reasons about. */
@Injectable()
export class ScopeService {
  constructor(
    @InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>,
    @InjectRepository(CooperativeEntity) private readonly coops: Repository<CooperativeEntity>,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
  ) {}

  /** regionId → [regionId, parent, grandparent …]. The region table is small (a district's towns). */
  async regionChains(): Promise<Map<string, string[]>> {
    const all = await this.regions.find();
    const parent = new Map(all.map((r) => [r.id, r.parentId]));
    const chains = new Map<string, string[]>();
    for (const r of all) {
      const chain: string[] = [];
      for (let id: string | null | undefined = r.id; id && !chain.includes(id); id = parent.get(id)) chain.push(id);
      chains.set(r.id, chain);
    }
    return chains;
  }

  async cooperative(coop: CooperativeEntity): Promise<CooperativeScope> {
    const chains = await this.regionChains();
    return { id: coop.id, regionIds: chains.get(coop.regionId) ?? [coop.regionId] };
  }

  async enterprise(enterpriseId: string, ownRegionId: string | null): Promise<EnterpriseScope> {
    const active = await this.memberships.find({ where: { enterpriseId, until: IsNull() } });
    const cooperativeIds = active.map((m) => m.cooperativeId);
    const coops = cooperativeIds.length ? await this.coops.find({ where: { id: In(cooperativeIds) } }) : [];
    const chains = await this.regionChains();
    const regionIds = new Set<string>();
    for (const id of [ownRegionId, ...coops.map((c) => c.regionId)]) {
      if (id) for (const r of chains.get(id) ?? [id]) regionIds.add(r);
    }
    return { id: enterpriseId, cooperativeIds, regionIds: [...regionIds] };
  }

  /** Cooperatives the caller may read; null means all (platform admin). */
  async readableCooperativeIds(p: Principal): Promise<string[] | null> {
    if (isAdmin(p)) return null;
    const ids = new Set<string>();
    for (const g of p.grants) {
      if ((g.role === 'coop_admin' || g.role === 'member') && g.cooperativeId) ids.add(g.cooperativeId);
    }
    const regionGrants = p.grants.filter((g) => g.role === 'supervisor' || g.role === 'expert');
    if (regionGrants.length > 0) {
      const chains = await this.regionChains();
      const all = regionGrants.some((g) => g.role === 'expert' && !g.regionId);
      const watched = new Set(regionGrants.map((g) => g.regionId).filter((r): r is string => !!r));
      const regionIds = [...chains.entries()]
        .filter(([, chain]) => all || chain.some((r) => watched.has(r)))
        .map(([id]) => id);
      if (regionIds.length > 0) {
        const coops = await this.coops.find({ where: { regionId: In(regionIds) }, select: { id: true } });
        for (const c of coops) ids.add(c.id);
      }
    }
    return [...ids];
  }
}
