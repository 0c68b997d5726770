import {
  type CooperativeScope,
  type EnterpriseScope,
  type Grant,
  type Principal,
  accessScope,
  canCreateCooperative,
  canEditEnterprise,
  canGrant,
  canManageCooperative,
  canReadCooperative,
  canReadEnterprise,
  isAdmin,
  isCoopAdminOf,
  isMemberOf,
} from './policy';

// The world: district D with towns TA and TB. Cooperative A sits in TA, cooperative B in TB.
// Enterprise E1 is a member of A, E2 a member of B. Region ids of a scope carry every ancestor.
const D = 'region-D';
const TA = 'region-TA';
const TB = 'region-TB';
const OTHER_DISTRICT = 'region-X';

const coopA: CooperativeScope = { id: 'coop-A', regionIds: [TA, D] };
const coopB: CooperativeScope = { id: 'coop-B', regionIds: [TB, D] };
const coopX: CooperativeScope = { id: 'coop-X', regionIds: [OTHER_DISTRICT] };

const e1: EnterpriseScope = { id: 'ent-E1', cooperativeIds: [coopA.id], regionIds: [TA, D] };
const e2: EnterpriseScope = { id: 'ent-E2', cooperativeIds: [coopB.id], regionIds: [TB, D] };
/** Registered, but no longer an active member anywhere and outside every region. */
const e3: EnterpriseScope = { id: 'ent-E3', cooperativeIds: [], regionIds: [] };

const who = (userId: string, ...grants: Grant[]): Principal => ({ userId, grants });

const admin = who('u-admin', { role: 'admin' });
const coopAdminA = who('u-lead', { role: 'coop_admin', cooperativeId: coopA.id });
const memberE1 = who('u-member', { role: 'member', enterpriseId: e1.id, cooperativeId: coopA.id });
const supervisorD = who('u-sup-d', { role: 'supervisor', regionId: D });
const supervisorTB = who('u-sup-tb', { role: 'supervisor', regionId: TB });
const expertD = who('u-exp-d', { role: 'expert', regionId: D });
const expertAnywhere = who('u-exp', { role: 'expert', regionId: null });
const nobody = who('u-new');

type Name =
  | 'admin'
  | 'coopAdminA'
  | 'memberE1'
  | 'supervisorD'
  | 'supervisorTB'
  | 'expertD'
  | 'expertAnywhere'
  | 'nobody';

const P: Record<Name, Principal> = {
  admin,
  coopAdminA,
  memberE1,
  supervisorD,
  supervisorTB,
  expertD,
  expertAnywhere,
  nobody,
};

/** One row per principal; each column an explicit expected answer. */
function table<T extends string>(expected: Record<Name, Record<T, boolean>>): Array<[Name, T, boolean]> {
  const rows: Array<[Name, T, boolean]> = [];
  for (const name of Object.keys(expected) as Name[]) {
    for (const [col, want] of Object.entries(expected[name]) as Array<[T, boolean]>) rows.push([name, col, want]);
  }
  return rows;
}

describe('canReadCooperative', () => {
  const coops: Record<'A' | 'B' | 'X', CooperativeScope> = { A: coopA, B: coopB, X: coopX };
  it.each(
    table<'A' | 'B' | 'X'>({
      admin: { A: true, B: true, X: true },
      coopAdminA: { A: true, B: false, X: false },
      memberE1: { A: true, B: false, X: false },
      supervisorD: { A: true, B: true, X: false },
      supervisorTB: { A: false, B: true, X: false },
      expertD: { A: true, B: true, X: false },
      expertAnywhere: { A: true, B: true, X: true },
      nobody: { A: false, B: false, X: false },
    }),
  )('%s reading cooperative %s → %s', (name, coop, want) => {
    expect(canReadCooperative(P[name], coops[coop])).toBe(want);
  });

  it('a member grant without a cooperative id reads no cooperative', () => {
    const p = who('u', { role: 'member', enterpriseId: e1.id });
    expect(canReadCooperative(p, coopA)).toBe(false);
  });

  it('a supervisor grant without a region reads nothing', () => {
    const p = who('u', { role: 'supervisor', regionId: null });
    expect(canReadCooperative(p, coopA)).toBe(false);
    expect(canReadCooperative(p, coopX)).toBe(false);
  });
});

describe('canManageCooperative', () => {
  it.each(
    table<'A' | 'B'>({
      admin: { A: true, B: true },
      coopAdminA: { A: true, B: false },
      memberE1: { A: false, B: false },
      supervisorD: { A: false, B: false },
      supervisorTB: { A: false, B: false },
      expertD: { A: false, B: false },
      expertAnywhere: { A: false, B: false },
      nobody: { A: false, B: false },
    }),
  )('%s managing cooperative %s → %s', (name, coop, want) => {
    expect(canManageCooperative(P[name], coop === 'A' ? coopA.id : coopB.id)).toBe(want);
  });

  it('being a member of the lead enterprise is not managing the cooperative', () => {
    const p = who('u', { role: 'member', enterpriseId: e1.id, cooperativeId: coopA.id });
    expect(canManageCooperative(p, coopA.id)).toBe(false);
  });
});

describe('canCreateCooperative', () => {
  const where: Record<'inTA' | 'inTB' | 'inD' | 'inX', string[]> = {
    inTA: [TA, D],
    inTB: [TB, D],
    inD: [D],
    inX: [OTHER_DISTRICT],
  };
  it.each(
    table<'inTA' | 'inTB' | 'inD' | 'inX'>({
      admin: { inTA: true, inTB: true, inD: true, inX: true },
      coopAdminA: { inTA: false, inTB: false, inD: false, inX: false },
      memberE1: { inTA: false, inTB: false, inD: false, inX: false },
      supervisorD: { inTA: true, inTB: true, inD: true, inX: false },
      supervisorTB: { inTA: false, inTB: true, inD: false, inX: false },
      expertD: { inTA: false, inTB: false, inD: false, inX: false },
      expertAnywhere: { inTA: false, inTB: false, inD: false, inX: false },
      nobody: { inTA: false, inTB: false, inD: false, inX: false },
    }),
  )('%s creating a cooperative %s → %s', (name, region, want) => {
    expect(canCreateCooperative(P[name], where[region])).toBe(want);
  });

  it('nobody but the admin creates with an empty region chain', () => {
    expect(canCreateCooperative(admin, [])).toBe(true);
    expect(canCreateCooperative(supervisorD, [])).toBe(false);
  });
});

describe('canReadEnterprise (tenant isolation)', () => {
  const ents: Record<'E1' | 'E2' | 'E3', EnterpriseScope> = { E1: e1, E2: e2, E3: e3 };
  it.each(
    table<'E1' | 'E2' | 'E3'>({
      admin: { E1: true, E2: true, E3: true },
      coopAdminA: { E1: true, E2: false, E3: false },
      memberE1: { E1: true, E2: false, E3: false },
      supervisorD: { E1: true, E2: true, E3: false },
      supervisorTB: { E1: false, E2: true, E3: false },
      // experts see enterprises only through assigned visits/inspections, not the full record
      expertD: { E1: false, E2: false, E3: false },
      expertAnywhere: { E1: false, E2: false, E3: false },
      nobody: { E1: false, E2: false, E3: false },
    }),
  )('%s reading enterprise %s → %s', (name, ent, want) => {
    expect(canReadEnterprise(P[name], ents[ent])).toBe(want);
  });

  it('a member of E1 never reads E2 even when both are in the same cooperative', () => {
    const sibling: EnterpriseScope = { id: 'ent-E4', cooperativeIds: [coopA.id], regionIds: [TA, D] };
    expect(canReadEnterprise(memberE1, sibling)).toBe(false);
    expect(canEditEnterprise(memberE1, sibling)).toBe(false);
    // but the cooperative's admin does
    expect(canReadEnterprise(coopAdminA, sibling)).toBe(true);
  });

  it('a coop admin of A reads an enterprise that is in A and B', () => {
    const both: EnterpriseScope = { id: 'ent-E5', cooperativeIds: [coopB.id, coopA.id], regionIds: [TA, TB, D] };
    expect(canReadEnterprise(coopAdminA, both)).toBe(true);
    expect(canReadEnterprise(supervisorTB, both)).toBe(true);
  });

  it('an expired membership (not in cooperativeIds) no longer opens the record to the coop admin', () => {
    const left: EnterpriseScope = { id: e1.id, cooperativeIds: [], regionIds: [TA, D] };
    expect(canReadEnterprise(coopAdminA, left)).toBe(false);
    expect(canReadEnterprise(memberE1, left)).toBe(true); // own enterprise stays readable
  });
});

describe('canEditEnterprise', () => {
  const ents: Record<'E1' | 'E2' | 'E3', EnterpriseScope> = { E1: e1, E2: e2, E3: e3 };
  it.each(
    table<'E1' | 'E2' | 'E3'>({
      admin: { E1: true, E2: true, E3: true },
      coopAdminA: { E1: true, E2: false, E3: false },
      memberE1: { E1: true, E2: false, E3: false },
      // supervisors read but never edit
      supervisorD: { E1: false, E2: false, E3: false },
      supervisorTB: { E1: false, E2: false, E3: false },
      expertD: { E1: false, E2: false, E3: false },
      expertAnywhere: { E1: false, E2: false, E3: false },
      nobody: { E1: false, E2: false, E3: false },
    }),
  )('%s editing enterprise %s → %s', (name, ent, want) => {
    expect(canEditEnterprise(P[name], ents[ent])).toBe(want);
  });
});

describe('canGrant', () => {
  // Active memberships, as the server would look them up: E1 in A, E2 in B. The key order matters:
  // (enterpriseId, cooperativeId).
  const memberships = new Set([`${e1.id}|${coopA.id}`, `${e2.id}|${coopB.id}`]);
  const enterpriseInCoop = (enterpriseId: string, cooperativeId: string): boolean =>
    memberships.has(`${enterpriseId}|${cooperativeId}`);

  type G =
    | 'memberE1inA'
    | 'memberE2inA'
    | 'memberE2inB'
    | 'memberNoCoop'
    | 'memberNoEnterprise'
    | 'coopAdminA'
    | 'coopAdminB'
    | 'coopAdminNoCoop'
    | 'admin'
    | 'supervisorD'
    | 'expertD';
  const grants: Record<G, Grant> = {
    memberE1inA: { role: 'member', enterpriseId: e1.id, cooperativeId: coopA.id },
    memberE2inA: { role: 'member', enterpriseId: e2.id, cooperativeId: coopA.id },
    memberE2inB: { role: 'member', enterpriseId: e2.id, cooperativeId: coopB.id },
    memberNoCoop: { role: 'member', enterpriseId: e1.id },
    memberNoEnterprise: { role: 'member', cooperativeId: coopA.id },
    coopAdminA: { role: 'coop_admin', cooperativeId: coopA.id },
    coopAdminB: { role: 'coop_admin', cooperativeId: coopB.id },
    coopAdminNoCoop: { role: 'coop_admin', cooperativeId: null },
    admin: { role: 'admin' },
    supervisorD: { role: 'supervisor', regionId: D },
    expertD: { role: 'expert', regionId: D },
  };
  const none: Record<G, boolean> = {
    memberE1inA: false,
    memberE2inA: false,
    memberE2inB: false,
    memberNoCoop: false,
    memberNoEnterprise: false,
    coopAdminA: false,
    coopAdminB: false,
    coopAdminNoCoop: false,
    admin: false,
    supervisorD: false,
    expertD: false,
  };
  const all: Record<G, boolean> = {
    memberE1inA: true,
    memberE2inA: true,
    memberE2inB: true,
    memberNoCoop: true,
    memberNoEnterprise: true,
    coopAdminA: true,
    coopAdminB: true,
    coopAdminNoCoop: true,
    admin: true,
    supervisorD: true,
    expertD: true,
  };

  it.each(
    table<G>({
      admin: all,
      coopAdminA: { ...none, memberE1inA: true, coopAdminA: true },
      memberE1: none,
      supervisorD: none,
      supervisorTB: none,
      expertD: none,
      expertAnywhere: none,
      nobody: none,
    }),
  )('%s granting %s → %s', (name, grant, want) => {
    expect(canGrant(P[name], grants[grant], enterpriseInCoop)).toBe(want);
  });

  it('a coop admin may not grant member of an enterprise the lookup says is not in their cooperative', () => {
    const notInCoop = (): boolean => false;
    expect(canGrant(coopAdminA, grants.memberE1inA, notInCoop)).toBe(false);
  });

  it('a coop admin of A may not grant in B even if the lookup would say yes', () => {
    const always = (): boolean => true;
    expect(canGrant(coopAdminA, grants.memberE2inB, always)).toBe(false);
    expect(canGrant(coopAdminA, grants.coopAdminB, always)).toBe(false);
    expect(canGrant(coopAdminA, grants.admin, always)).toBe(false);
    expect(canGrant(coopAdminA, grants.supervisorD, always)).toBe(false);
    expect(canGrant(coopAdminA, grants.expertD, always)).toBe(false);
  });

  it('a coop admin of two cooperatives grants in both', () => {
    const twoCoops = who('u', { role: 'coop_admin', cooperativeId: coopA.id }, { role: 'coop_admin', cooperativeId: coopB.id });
    expect(canGrant(twoCoops, grants.memberE2inB, enterpriseInCoop)).toBe(true);
    expect(canGrant(twoCoops, grants.memberE1inA, enterpriseInCoop)).toBe(true);
    expect(canGrant(twoCoops, grants.memberE2inA, enterpriseInCoop)).toBe(false);
  });
});

describe('helpers', () => {
  it('isAdmin / isCoopAdminOf / isMemberOf', () => {
    expect(isAdmin(admin)).toBe(true);
    expect(isAdmin(coopAdminA)).toBe(false);
    expect(isCoopAdminOf(coopAdminA, coopA.id)).toBe(true);
    expect(isCoopAdminOf(coopAdminA, coopB.id)).toBe(false);
    expect(isCoopAdminOf(admin, coopA.id)).toBe(false);
    expect(isMemberOf(memberE1, e1.id)).toBe(true);
    expect(isMemberOf(memberE1, e2.id)).toBe(false);
    expect(isMemberOf(coopAdminA, e1.id)).toBe(false);
  });
});

describe('accessScope: the rules as id lists for SQL', () => {
  const subregions = { [D]: [D, TA, TB], [TB]: [TB] };

  it('the admin reads everything; an expert without a region reads every cooperative', () => {
    expect(accessScope(admin, subregions).all).toBe(true);
    const anyExpert = accessScope(who('u', { role: 'expert' }), subregions);
    expect(anyExpert).toMatchObject({ all: false, allCooperatives: true, supervisedRegionIds: [] });
  });

  it('region grants reach every region below them; only supervisors reach enterprises', () => {
    expect(accessScope(supervisorD, subregions)).toMatchObject({ readRegionIds: [D, TA, TB], supervisedRegionIds: [D, TA, TB] });
    expect(accessScope(expertD, subregions)).toMatchObject({ readRegionIds: [D, TA, TB], supervisedRegionIds: [] });
    // Without the expansion a region reaches only itself.
    expect(accessScope(supervisorD, {}).readRegionIds).toEqual([D]);
  });

  it('coop admins manage their cooperatives, members read theirs and own their enterprise', () => {
    expect(accessScope(coopAdminA, subregions)).toMatchObject({ cooperativeIds: [coopA.id], managedCooperativeIds: [coopA.id], enterpriseIds: [] });
    expect(accessScope(memberE1, subregions)).toMatchObject({ cooperativeIds: [coopA.id], managedCooperativeIds: [], enterpriseIds: [e1.id] });
  });

  it('uses the principal’s own subregions by default', () => {
    expect(accessScope({ ...supervisorTB, subregions }).readRegionIds).toEqual([TB]);
    expect(accessScope({ ...supervisorD, subregions }).readRegionIds).toEqual([D, TA, TB]);
  });
});
