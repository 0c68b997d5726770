// The places a person manages, read from their roles (the login's copy in storage 'me'): cooperatives they
// admin, the regions they supervise with the towns below, for a scope picker (publish to, register for, counters of).
import type { Me } from '../../shared/schemas/auth';
import type { Cooperative, Region } from '../../shared/schemas/org';

export interface Place {
  kind: 'cooperative' | 'region';
  id: string;
  name: string;
  /** 合作社 / 镇 / 区 */
  label: string;
}

export const placeKey = (p: Pick<Place, 'kind' | 'id'>): string => `${p.kind}:${p.id}`;

/** The place as the API's body or query: `{cooperativeId}` or `{regionId}`. */
export function placeRef(p: Place | undefined): { cooperativeId?: string; regionId?: string } {
  if (!p) return {};
  return p.kind === 'cooperative' ? { cooperativeId: p.id } : { regionId: p.id };
}

/**
 * What `me` manages. `supervisorCoops`: also the cooperatives inside a supervised region (a supervisor registers
 * experts for them and reads their counters, but publishes notices only to a region, see server/src/notices).
 */
export function managedPlaces(me: Me | undefined, regions: readonly Region[], coops: readonly Cooperative[], supervisorCoops: boolean): Place[] {
  if (!me) return [];
  const admin = me.roles.some((g) => g.role === 'admin');
  const supervised = new Set<string>();
  for (const g of me.roles) if (g.role === 'supervisor' && g.regionId) supervised.add(g.regionId);
  // a district's towns are supervised with it
  for (const r of regions) if (r.parentId && supervised.has(r.parentId)) supervised.add(r.id);
  const adminOf = new Set(me.roles.filter((g) => g.role === 'coop_admin' && g.cooperativeId).map((g) => g.cooperativeId as string));

  const out: Place[] = [];
  for (const c of coops) {
    if (admin || adminOf.has(c.id) || (supervisorCoops && supervised.has(c.regionId))) out.push({ kind: 'cooperative', id: c.id, name: c.name, label: '合作社' });
  }
  // the district first, then its towns
  const ordered = [...regions].sort((a, b) => (a.level === b.level ? a.name.localeCompare(b.name, 'zh') : a.level === 'district' ? -1 : 1));
  for (const r of ordered) {
    if (admin || supervised.has(r.id)) out.push({ kind: 'region', id: r.id, name: r.name, label: r.level === 'district' ? '区' : '镇' });
  }
  return out;
}

/** May this person manage anything (the 发布通知 / 登记专家 buttons)? */
export function managesAny(me: Me | undefined): boolean {
  return !!me?.roles.some((g) => g.role === 'admin' || g.role === 'coop_admin' || (g.role === 'supervisor' && !!g.regionId));
}
