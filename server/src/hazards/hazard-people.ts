import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import type { HazardFacts, HazardRelation } from '../../../shared/hazard-lifecycle';
import { type AccessScope, type Principal, isAdmin, isCoopAdminOf, isMemberOf } from '../../../shared/policy';
import { InspectionCarriedEntity, InspectionInspectorEntity } from '../inspections/inspection.entity';
import { CooperativeEntity } from '../org/cooperative.entity';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { ScopeService } from '../org/scope.service';
import { RoleGrantEntity } from '../users/role-grant.entity';
import type { HazardEntity } from './hazard.entity';

/** Who stands how to a hazard, and who is told of its moves (docs/domain.md "Who may move a hazard"). */
@Injectable()
export class HazardPeople {
  constructor(private readonly scope: ScopeService) {}

  /** The caller's relations to a hazard they can read (shared/hazard-lifecycle.ts HazardRelation). */
  async relations(em: EntityManager, actor: Principal, scope: AccessScope, h: HazardEntity): Promise<Set<HazardRelation>> {
    const r = new Set<HazardRelation>();
    if (isAdmin(actor)) r.add('admin');
    if (isMemberOf(actor, h.enterpriseId)) r.add('enterprise');
    if (h.foundById === actor.userId) r.add('finder');
    if (h.cooperativeId && isCoopAdminOf(actor, h.cooperativeId)) r.add('coop_admin');
    for (const role of await this.groupRoles(em, h, [actor.userId])) r.add(role === 'leader' ? 'group_leader' : 'expert');
    if (scope.supervisedRegionIds.length > 0) {
      const regions = await this.regionsOf(em, h);
      if (regions.some((id) => scope.supervisedRegionIds.includes(id))) r.add('supervisor');
    }
    return r;
  }

  /** The enterprise's people (member grants): they fix it and hear of every decision. */
  async enterprise(em: EntityManager, enterpriseId: string): Promise<string[]> {
    const rows = await em.getRepository(RoleGrantEntity).find({ where: { role: 'member', enterpriseId }, select: { userId: true } });
    return unique(rows.map((g) => g.userId));
  }

  /** The cooperative's admins. */
  async coopAdmins(em: EntityManager, cooperativeId: string | null): Promise<string[]> {
    if (!cooperativeId) return [];
    const rows = await em.getRepository(RoleGrantEntity).find({ where: { role: 'coop_admin', cooperativeId }, select: { userId: true } });
    return unique(rows.map((g) => g.userId));
  }

  /** Supervisors of the enterprise's or the cooperative's region or any region above. */
  async supervisors(em: EntityManager, h: Pick<HazardEntity, 'enterpriseId' | 'cooperativeId'>): Promise<string[]> {
    const chains = await Promise.all((await this.regionsOf(em, h)).map((id) => this.scope.regionChain(id, em)));
    const regionIds = unique(chains.flatMap((c) => c ?? []));
    if (regionIds.length === 0) return [];
    const rows = await em.getRepository(RoleGrantEntity).find({ where: { role: 'supervisor', regionId: In(regionIds) }, select: { userId: true } });
    return unique(rows.map((g) => g.userId));
  }

  /** Those who may verify a fix from outside the enterprise: finder, group leader, experts, coop admins. */
  async verifiers(em: EntityManager, h: HazardEntity): Promise<string[]> {
    const group = h.inspectionId
      ? await em.getRepository(InspectionInspectorEntity).find({ where: { inspectionId: h.inspectionId, role: In(['leader', 'expert']) }, select: { userId: true } })
      : [];
    const ids = [h.foundById, ...group.map((g) => g.userId), ...(await this.coopAdmins(em, h.cooperativeId))];
    // the enterprise's own people close only self-found general hazards, which they already see
    const own = new Set(await this.enterprise(em, h.enterpriseId));
    return unique(ids).filter((id) => !own.has(id) || (h.source === 'self' && h.level === 'general'));
  }

  /** The caller's group roles on the inspection that found the hazard or carried it forward (回头看). */
  private async groupRoles(em: EntityManager, h: HazardEntity, userIds: string[]): Promise<string[]> {
    const carried = await em.getRepository(InspectionCarriedEntity).find({ where: { hazardId: h.id }, select: { inspectionId: true } });
    const inspectionIds = unique([h.inspectionId, ...carried.map((c) => c.inspectionId)]);
    if (inspectionIds.length === 0) return [];
    const rows = await em.getRepository(InspectionInspectorEntity).find({ where: { inspectionId: In(inspectionIds), userId: In(userIds) }, select: { role: true } });
    return rows.map((r) => r.role).filter((r) => r === 'leader' || r === 'expert');
  }

  private async regionsOf(em: EntityManager, h: Pick<HazardEntity, 'enterpriseId' | 'cooperativeId'>): Promise<string[]> {
    const ent = await em.getRepository(EnterpriseEntity).findOne({ where: { id: h.enterpriseId }, select: { id: true, regionId: true } });
    const coop = h.cooperativeId ? await em.getRepository(CooperativeEntity).findOne({ where: { id: h.cooperativeId }, select: { id: true, regionId: true } }) : null;
    return unique([ent?.regionId ?? null, coop?.regionId ?? null]);
  }
}

/** What the state machine looks at. */
export function hazardFacts(h: HazardEntity): HazardFacts {
  return { status: h.status, level: h.level, source: h.source, hasPlan: !!h.planSubmittedAt, extensionRequested: !!h.extRequestedAt };
}

function unique(ids: (string | null | undefined)[]): string[] {
  return [...new Set(ids.filter((x): x is string => !!x))];
}
