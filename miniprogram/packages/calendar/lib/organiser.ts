// Who organises activities, read from the login's roles: the coop admin for their cooperative, a supervisor for
// the cooperatives in their region (a district's towns included), the platform admin for all. The server checks again.
import type { Me } from '../../../../shared/schemas/auth';
import type { Cooperative, Region } from '../../../../shared/schemas/org';

export interface OrganisedCoop {
  id: string;
  name: string;
}

/** May this person organise anywhere (新建活动, 导出出勤汇总)? */
export function organisesAny(me: Me | undefined): boolean {
  return !!me?.roles.some((g) => g.role === 'admin' || g.role === 'coop_admin' || (g.role === 'supervisor' && !!g.regionId));
}

export function organisedCoops(me: Me | undefined, regions: readonly Region[], coops: readonly Cooperative[]): OrganisedCoop[] {
  if (!me) return [];
  const admin = me.roles.some((g) => g.role === 'admin');
  const supervised = new Set(me.roles.filter((g) => g.role === 'supervisor' && g.regionId).map((g) => g.regionId as string));
  for (const r of regions) if (r.parentId && supervised.has(r.parentId)) supervised.add(r.id);
  const adminOf = new Set(me.roles.filter((g) => g.role === 'coop_admin' && g.cooperativeId).map((g) => g.cooperativeId as string));
  return coops.filter((c) => admin || adminOf.has(c.id) || supervised.has(c.regionId)).map((c) => ({ id: c.id, name: c.name }));
}
