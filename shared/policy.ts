// Who may do what to which record. Pure functions: the server checks with them first thing in each
// service method; the mini-program uses them to decide which buttons to show.
import type { Role } from './enums';

export interface Grant {
  role: Role;
  cooperativeId?: string | null;
  enterpriseId?: string | null;
  regionId?: string | null;
}

/**
 * The caller. A `member` grant counts only while its enterprise's membership of that cooperative is
 * active: the server loads only those, so an ended membership ends the access that came from it.
 */
export interface Principal {
  userId: string;
  grants: Grant[];
  /**
   * Each region a grant names → that region and every region below it. The server loads it with the
   * principal so that region rules become plain `IN (…)` conditions in SQL (see accessScope).
   */
  subregions?: Record<string, string[]>;
}

/** A cooperative as the policy needs it: its id and its region with every ancestor region. */
export interface CooperativeScope {
  id: string;
  regionIds: string[];
}

/** An enterprise with the cooperatives it is an active member of and their regions. */
export interface EnterpriseScope {
  id: string;
  cooperativeIds: string[];
  regionIds: string[];
}

const has = (p: Principal, pred: (g: Grant) => boolean): boolean => p.grants.some(pred);

export const isAdmin = (p: Principal): boolean => has(p, (g) => g.role === 'admin');

export const isCoopAdminOf = (p: Principal, cooperativeId: string): boolean =>
  has(p, (g) => g.role === 'coop_admin' && g.cooperativeId === cooperativeId);

export const isMemberOf = (p: Principal, enterpriseId: string): boolean =>
  has(p, (g) => g.role === 'member' && g.enterpriseId === enterpriseId);

const supervises = (p: Principal, regionIds: string[]): boolean =>
  has(p, (g) => g.role === 'supervisor' && !!g.regionId && regionIds.includes(g.regionId));

const expertIn = (p: Principal, regionIds: string[]): boolean =>
  has(p, (g) => g.role === 'expert' && (!g.regionId || regionIds.includes(g.regionId)));

export function canReadCooperative(p: Principal, c: CooperativeScope): boolean {
  return (
    isAdmin(p) ||
    isCoopAdminOf(p, c.id) ||
    supervises(p, c.regionIds) ||
    expertIn(p, c.regionIds) ||
    has(p, (g) => g.role === 'member' && g.cooperativeId === c.id)
  );
}

export function canManageCooperative(p: Principal, cooperativeId: string): boolean {
  return isAdmin(p) || isCoopAdminOf(p, cooperativeId);
}

/** Creating a cooperative: the platform admin, or a supervisor for a region they oversee. */
export function canCreateCooperative(p: Principal, regionIds: string[]): boolean {
  return isAdmin(p) || supervises(p, regionIds);
}

/** Full details of an enterprise (credit code, contact, headcount). Directory entries are separate. */
export function canReadEnterprise(p: Principal, e: EnterpriseScope): boolean {
  return (
    isAdmin(p) ||
    isMemberOf(p, e.id) ||
    e.cooperativeIds.some((c) => isCoopAdminOf(p, c)) ||
    supervises(p, e.regionIds)
  );
}

export function canEditEnterprise(p: Principal, e: EnterpriseScope): boolean {
  return isAdmin(p) || isMemberOf(p, e.id) || e.cooperativeIds.some((c) => isCoopAdminOf(p, c));
}

/**
 * An inspection (and the hazards it found or carried forward): whoever may read the host enterprise's
 * full record, plus the people assigned to it (group, leader, expert) — a member of A sees an
 * inspection of host B only when assigned to it (docs/domain.md "People and what they may do").
 */
export interface InspectionAccess {
  host: EnterpriseScope;
  assignedUserIds: string[];
}

export function canReadInspection(p: Principal, i: InspectionAccess): boolean {
  return canReadEnterprise(p, i.host) || i.assignedUserIds.includes(p.userId);
}

/** Scheduling a mutual round at a host: the host's cooperative's admin (or the platform admin). */
export function canScheduleInspection(p: Principal, cooperativeId: string): boolean {
  return isAdmin(p) || isCoopAdminOf(p, cooperativeId);
}

/**
 * Which grants a caller may hand out to a new desk user. `enterpriseInCoop` answers whether an
 * enterprise is an active member of a cooperative (the server looks it up).
 */
export function canGrant(
  p: Principal,
  g: Grant,
  enterpriseInCoop: (enterpriseId: string, cooperativeId: string) => boolean,
): boolean {
  if (isAdmin(p)) return true;
  if (g.role === 'coop_admin') return !!g.cooperativeId && isCoopAdminOf(p, g.cooperativeId);
  if (g.role === 'member') {
    return (
      !!g.cooperativeId &&
      !!g.enterpriseId &&
      isCoopAdminOf(p, g.cooperativeId) &&
      enterpriseInCoop(g.enterpriseId, g.cooperativeId)
    );
  }
  return false;
}

/**
 * The same read and manage rules as the functions above, as id lists a database query can test in
 * bulk: a cooperative, enterprise or directory row is visible exactly when the can… function above
 * says so (proven by the policy-equals-SQL property test in test/api/access-scope.test.ts).
 * Region rules need `subregions` (a region grant reaches its region and all below it).
 */
export interface AccessScope {
  /** The caller: inspections they are assigned to are readable (canReadInspection). */
  userId: string;
  /** The platform admin: everything. */
  all: boolean;
  /** An expert without a region reads every cooperative. */
  allCooperatives: boolean;
  /** Read through a coop_admin or member grant. */
  cooperativeIds: string[];
  /** coop_admin grants: manage the cooperative, read and edit its active members in full. */
  managedCooperativeIds: string[];
  /** Supervisor and expert reach: cooperatives sitting in these regions are readable. */
  readRegionIds: string[];
  /** Supervisor reach: enterprises in (or active members of cooperatives in) these regions, in full. */
  supervisedRegionIds: string[];
  /** member grants: the caller's own enterprises, read and edit. */
  enterpriseIds: string[];
}

export function accessScope(p: Principal, subregions: Record<string, string[]> = p.subregions ?? {}): AccessScope {
  const ids = (pred: (g: Grant) => boolean, pick: (g: Grant) => string | null | undefined): string[] => [
    ...new Set(p.grants.filter(pred).map(pick).filter((v): v is string => !!v)),
  ];
  const below = (regionIds: string[]): string[] => [
    ...new Set(regionIds.flatMap((r) => subregions[r] ?? [r])),
  ];
  return {
    userId: p.userId,
    all: isAdmin(p),
    allCooperatives: has(p, (g) => g.role === 'expert' && !g.regionId),
    cooperativeIds: ids((g) => g.role === 'coop_admin' || g.role === 'member', (g) => g.cooperativeId),
    managedCooperativeIds: ids((g) => g.role === 'coop_admin', (g) => g.cooperativeId),
    readRegionIds: below(ids((g) => g.role === 'supervisor' || g.role === 'expert', (g) => g.regionId)),
    supervisedRegionIds: below(ids((g) => g.role === 'supervisor', (g) => g.regionId)),
    enterpriseIds: ids((g) => g.role === 'member', (g) => g.enterpriseId),
  };
}
