import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { type Principal, canManageCooperative } from '../../../shared/policy';
import type { InspectorCandidate } from '../../../shared/schemas/inspectors';
import { AppError } from '../common/app-error';
import { CooperativeEntity } from '../org/cooperative.entity';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { MembershipEntity } from '../org/membership.entity';
import { RegionEntity } from '../org/region.entity';
import { RoleGrantEntity } from '../users/role-grant.entity';
import { UserEntity } from '../users/user.entity';

@Injectable()
export class InspectorsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Who a coop admin can put in a mutual inspection group: the people of the cooperative's active member
   * enterprises and the cooperative's experts. The host's own people are filtered out by the screen and
   * refused by the inspection service.
   */
  async candidates(actor: Principal, cooperativeId: string): Promise<{ items: InspectorCandidate[] }> {
    if (!canManageCooperative(actor, cooperativeId)) throw AppError.forbidden();
    const coop = await this.db.getRepository(CooperativeEntity).findOneBy({ id: cooperativeId });
    if (!coop) throw AppError.notFound();
    const [members, regionIds] = await Promise.all([
      this.db.getRepository(MembershipEntity).find({ where: { cooperativeId, until: IsNull() } }),
      this.regionChain(coop.regionId),
    ]);
    const enterpriseIds = members.map((m) => m.enterpriseId);
    const grants = await this.db.getRepository(RoleGrantEntity).find({
      where: [
        ...(enterpriseIds.length ? [{ role: 'member' as const, cooperativeId, enterpriseId: In(enterpriseIds) }] : []),
        // experts serve a cooperative directly or through its town / district (as the access policy reads it)
        { role: 'expert' as const, cooperativeId },
        { role: 'expert' as const, regionId: In(regionIds) },
      ],
    });
    if (grants.length === 0) return { items: [] };
    const [users, enterprises] = await Promise.all([
      this.db.getRepository(UserEntity).find({ where: { id: In([...new Set(grants.map((g) => g.userId))]) } }),
      enterpriseIds.length ? this.db.getRepository(EnterpriseEntity).find({ where: { id: In(enterpriseIds) } }) : Promise.resolve([]),
    ]);
    const nameOf = new Map(users.map((u) => [u.id, u.name]));
    const enterpriseName = new Map(enterprises.map((e) => [e.id, e.name]));
    const seen = new Set<string>();
    const items: InspectorCandidate[] = [];
    for (const g of grants) {
      // an expert granted by cooperative and by region is one person
      const key = g.role === 'expert' ? `${g.userId}:expert` : `${g.userId}:${g.enterpriseId ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      items.push({
        userId: g.userId,
        name: nameOf.get(g.userId) ?? '',
        enterpriseId: g.role === 'member' ? g.enterpriseId : null,
        enterpriseName: g.role === 'member' && g.enterpriseId ? (enterpriseName.get(g.enterpriseId) ?? null) : null,
        role: g.role === 'expert' ? 'expert' : 'member',
      });
    }
    items.sort((a, b) => (a.enterpriseName ?? '').localeCompare(b.enterpriseName ?? '', 'zh') || a.name.localeCompare(b.name, 'zh'));
    return { items };
  }

  /** The region and every region above it (a town, then its district). */
  private async regionChain(regionId: string): Promise<string[]> {
    const chain: string[] = [];
    let id: string | null = regionId;
    for (let depth = 0; id && depth < 5; depth++) {
      chain.push(id);
      const r: RegionEntity | null = await this.db.getRepository(RegionEntity).findOneBy({ id });
      id = r?.parentId ?? null;
    }
    return chain;
  }
}
