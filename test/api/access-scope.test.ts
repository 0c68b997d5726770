// Policy equals SQL: on random worlds (region trees, cooperatives, enterprises, active and ended
// memberships, users with grants of every role), the shared policy's can… functions and the database
// conditions the server uses (ScopeService, loaded principals) agree on every principal × record pair,
// and so do the HTTP routes built on them. Runs on SQLite and MariaDB.
import request from 'supertest';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Role } from '../../shared/enums';
import {
  type CooperativeScope,
  type EnterpriseScope,
  type Grant,
  type Principal,
  canEditEnterprise,
  canManageCooperative,
  canReadCooperative,
  canReadEnterprise,
} from '../../shared/policy';
import { TokenService } from '../../server/src/auth/token.service';
import { CooperativeEntity } from '../../server/src/org/cooperative.entity';
import { EnterpriseEntity } from '../../server/src/org/enterprise.entity';
import { MembershipEntity } from '../../server/src/org/membership.entity';
import { RegionEntity } from '../../server/src/org/region.entity';
import { ScopeService } from '../../server/src/org/scope.service';
import { RoleGrantEntity } from '../../server/src/users/role-grant.entity';
import { UserEntity } from '../../server/src/users/user.entity';
import { UsersService } from '../../server/src/users/users.service';
import { Builders, enterpriseInput, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

jest.setTimeout(300_000);

const SEEDS = [11, 2026, 90210];

/** mulberry32: a small seeded generator, so a failing world can be rebuilt from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface World {
  regions: { id: string; parentId: string | null }[];
  coops: { id: string; regionId: string }[];
  enterprises: { id: string; regionId: string | null }[];
  memberships: { cooperativeId: string; enterpriseId: string; active: boolean }[];
  users: { id: string; grants: Grant[] }[];
}

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

async function buildWorld(seed: number): Promise<World> {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const chance = (p: number) => r() < p;
  const db = s.db;

  // A forest of regions up to four levels deep (deeper than today's district → town, on purpose).
  const regions: World['regions'] = [];
  const depth = new Map<string, number>();
  for (let i = 0; i < 9; i++) {
    const candidates = regions.filter((x) => (depth.get(x.id) ?? 0) < 3);
    const parent = i < 2 || candidates.length === 0 || chance(0.15) ? null : pick(candidates);
    const row = await db.getRepository(RegionEntity).save({ name: `区${seed}-${i}`, level: parent ? 'town' : 'district', parentId: parent?.id ?? null });
    regions.push({ id: row.id, parentId: parent?.id ?? null });
    depth.set(row.id, parent ? (depth.get(parent.id) ?? 0) + 1 : 0);
  }
  const coops: World['coops'] = [];
  for (let i = 0; i < 6; i++) {
    const regionId = pick(regions).id;
    const row = await db
      .getRepository(CooperativeEntity)
      .save({ name: `社${seed}-${i}`, regionId, industry: '综合', leadEnterpriseId: null, foundedOn: null, description: null });
    coops.push({ id: row.id, regionId });
  }
  const enterprises: World['enterprises'] = [];
  for (let i = 0; i < 10; i++) {
    const regionId = chance(0.3) ? null : pick(regions).id;
    const row = await db.getRepository(EnterpriseEntity).save({ ...enterpriseInput(), regionId });
    enterprises.push({ id: row.id, regionId });
  }
  const memberships: World['memberships'] = [];
  for (const e of enterprises) {
    for (const c of coops) {
      if (!chance(0.3)) continue;
      // Sometimes an ended membership first, then (maybe) a new active one: rows are never deleted.
      const history = chance(0.4) ? [false, chance(0.5)] : [chance(0.7)];
      for (const active of history) {
        await db.getRepository(MembershipEntity).insert({
          cooperativeId: c.id,
          enterpriseId: e.id,
          since: '2024-01-01',
          until: active ? null : '2024-06-30',
        });
        memberships.push({ cooperativeId: c.id, enterpriseId: e.id, active });
      }
    }
  }
  const users: World['users'] = [];
  for (let i = 0; i < 14; i++) {
    const grants: Grant[] = [];
    const n = Math.floor(r() * 4);
    for (let k = 0; k < n; k++) {
      const role: Role = pick(['admin', 'coop_admin', 'member', 'member', 'member', 'supervisor', 'expert', 'expert']);
      let g: Grant;
      if (role === 'admin') {
        if (!chance(0.3)) continue;
        g = { role };
      } else if (role === 'coop_admin') g = { role, cooperativeId: pick(coops).id };
      else if (role === 'member') {
        // Usually a real (active or ended) membership; sometimes one that never existed.
        const m = chance(0.8) && memberships.length ? pick(memberships) : { cooperativeId: pick(coops).id, enterpriseId: pick(enterprises).id };
        g = { role, cooperativeId: m.cooperativeId, enterpriseId: m.enterpriseId };
      } else if (role === 'supervisor') g = { role, regionId: pick(regions).id };
      else g = chance(0.25) ? { role } : { role, regionId: pick(regions).id };
      if (grants.some((x) => JSON.stringify(x) === JSON.stringify(g))) continue;
      grants.push(g);
    }
    const u = await db.getRepository(UserEntity).save({ username: `scope-${seed}-${i}`, name: `用户${i}`, passwordHash: null, openid: null, unionid: null });
    for (const g of grants) {
      await db.getRepository(RoleGrantEntity).insert({
        userId: u.id,
        role: g.role,
        cooperativeId: g.cooperativeId ?? null,
        enterpriseId: g.enterpriseId ?? null,
        regionId: g.regionId ?? null,
      });
    }
    users.push({ id: u.id, grants });
  }
  return { regions, coops, enterprises, memberships, users };
}

/** The policy's view of a world, computed in plain JS from the model. */
function policyView(w: World) {
  const parent = new Map(w.regions.map((x) => [x.id, x.parentId]));
  const chain = (id: string | null): string[] => {
    const out: string[] = [];
    for (let cur = id; cur && !out.includes(cur); cur = parent.get(cur) ?? null) out.push(cur);
    return out;
  };
  const isActive = (c: string, e: string) => w.memberships.some((m) => m.active && m.cooperativeId === c && m.enterpriseId === e);
  const coopRegion = new Map(w.coops.map((c) => [c.id, c.regionId]));
  const coopScope = (c: World['coops'][number]): CooperativeScope => ({ id: c.id, regionIds: chain(c.regionId) });
  const entScope = (e: World['enterprises'][number]): EnterpriseScope => {
    const cooperativeIds = w.coops.filter((c) => isActive(c.id, e.id)).map((c) => c.id);
    const regionIds = new Set([...chain(e.regionId), ...cooperativeIds.flatMap((c) => chain(coopRegion.get(c) ?? null))]);
    return { id: e.id, cooperativeIds, regionIds: [...regionIds] };
  };
  // DOMAIN rule: a member grant counts only while its membership is active.
  const principal = (u: World['users'][number]): Principal => ({
    userId: u.id,
    grants: u.grants.filter((g) => g.role !== 'member' || (!!g.cooperativeId && !!g.enterpriseId && isActive(g.cooperativeId, g.enterpriseId))),
  });
  const subtree = (root: string): string[] => w.regions.filter((x) => chain(x.id).includes(root)).map((x) => x.id);
  return { chain, subtree, isActive, coopScope, entScope, principal };
}

const sorted = (xs: string[]) => [...xs].sort();
const key = (g: Grant) => `${g.role}|${g.cooperativeId ?? ''}|${g.enterpriseId ?? ''}|${g.regionId ?? ''}`;

async function idsOf<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string): Promise<string[]> {
  const rows = await qb.select(`${alias}.id`, 'id').getRawMany<{ id: string }>();
  return sorted(rows.map((x) => x.id));
}

describe.each(SEEDS)('random world %i', (seed) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(seed);
  });

  test('loaded principals, SQL scopes and the policy agree on every principal × record pair', async () => {
    const view = policyView(w);
    const users = s.app.get(UsersService);
    const scopes = s.app.get(ScopeService);
    const coopIds = w.coops.map((c) => c.id);
    const entIds = w.enterprises.map((e) => e.id);
    let droppedGrants = 0;
    let pairs = 0;
    for (const u of w.users) {
      const expected = view.principal(u);
      droppedGrants += u.grants.length - expected.grants.length;
      const loaded = await users.loadPrincipal(u.id);
      expect(loaded).not.toBeNull();
      const p = loaded as Principal;
      // The loader drops member grants of ended memberships, exactly as the model says.
      expect(sorted(p.grants.map(key))).toEqual(sorted(expected.grants.map(key)));
      // …and brings each granted region with every region below it, so no further query is needed.
      for (const g of u.grants.filter((x) => x.regionId)) {
        const regionId = g.regionId as string;
        expect({ regionId, below: sorted(p.subregions?.[regionId] ?? []) }).toEqual({ regionId, below: sorted(view.subtree(regionId)) });
      }
      const scope = await scopes.of(p);

      const where = <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, cond: [string, Record<string, unknown>]) => {
        scopes.where(qb, cond);
        return qb;
      };
      const coopQb = () => s.db.getRepository(CooperativeEntity).createQueryBuilder('c').where('c.id IN (:...coopIds)', { coopIds });
      const entQb = () => s.db.getRepository(EnterpriseEntity).createQueryBuilder('e').where('e.id IN (:...entIds)', { entIds });

      const ctx = { seed, user: u.id, grants: u.grants };
      expect({ ...ctx, readCoops: await idsOf(where(coopQb(), scopes.cooperativeReadable(scope, 'c')), 'c') }).toEqual({
        ...ctx,
        readCoops: sorted(w.coops.filter((c) => canReadCooperative(expected, view.coopScope(c))).map((c) => c.id)),
      });
      expect({ ...ctx, managed: await idsOf(where(coopQb(), scopes.cooperativeManaged(scope, 'c.id')), 'c') }).toEqual({
        ...ctx,
        managed: sorted(coopIds.filter((c) => canManageCooperative(expected, c))),
      });
      expect({ ...ctx, readEnts: await idsOf(where(entQb(), scopes.enterpriseAllowed(scope, 'e', 'read')), 'e') }).toEqual({
        ...ctx,
        readEnts: sorted(w.enterprises.filter((e) => canReadEnterprise(expected, view.entScope(e))).map((e) => e.id)),
      });
      expect({ ...ctx, editEnts: await idsOf(where(entQb(), scopes.enterpriseAllowed(scope, 'e', 'edit')), 'e') }).toEqual({
        ...ctx,
        editEnts: sorted(w.enterprises.filter((e) => canEditEnterprise(expected, view.entScope(e))).map((e) => e.id)),
      });

      // Directory rows (an enterprise through one active membership): private fields per the policy.
      const [fullSql, fullParams] = scopes.directoryFull(scope, 'e', 'c');
      const rows = await s.db
        .getRepository(MembershipEntity)
        .createQueryBuilder('m')
        .innerJoin(EnterpriseEntity, 'e', 'e.id = m.enterpriseId')
        .innerJoin(CooperativeEntity, 'c', 'c.id = m.cooperativeId')
        .where('m.until IS NULL AND m.cooperativeId IN (:...coopIds)', { coopIds })
        .select('e.id', 'e')
        .addSelect('c.id', 'c')
        .addSelect(`CASE WHEN ${fullSql} THEN 1 ELSE 0 END`, 'full')
        .setParameters(fullParams)
        .getRawMany<{ e: string; c: string; full: number | string }>();
      for (const row of rows) {
        const coop = w.coops.find((c) => c.id === row.c) as World['coops'][number];
        const want = canReadEnterprise(expected, { id: row.e, cooperativeIds: [row.c], regionIds: view.chain(coop.regionId) });
        expect({ ...ctx, row, full: Number(row.full) === 1 }).toEqual({ ...ctx, row, full: want });
      }
      pairs += coopIds.length * 2 + entIds.length * 2 + rows.length;
    }
    // The worlds exercise the rule about ended memberships, and enough pairs to mean something.
    if (seed === SEEDS[0]) expect(droppedGrants).toBeGreaterThan(0);
    expect(pairs).toBeGreaterThan(300);
  });

  test('loading the caller is one query, whatever their roles', async () => {
    const users = s.app.get(UsersService);
    const logQuery = jest.spyOn(s.db.logger, 'logQuery');
    try {
      for (const u of w.users) {
        logQuery.mockClear();
        await users.loadPrincipal(u.id);
        expect({ grants: u.grants, queries: logQuery.mock.calls.length }).toEqual({ grants: u.grants, queries: 1 });
      }
    } finally {
      logQuery.mockRestore();
    }
  });

  test('the HTTP routes answer what the policy says, for every user and record', async () => {
    const view = policyView(w);
    const tokens = s.app.get(TokenService);
    for (const u of w.users) {
      const p = view.principal(u);
      const auth = { Authorization: `Bearer ${tokens.issue(u.id).token}` };
      const list = await request(s.url).get('/api/cooperatives?pageSize=100').set(auth);
      expect(list.status).toBe(200);
      const mine = list.body.items.map((c: { id: string }) => c.id).filter((id: string) => w.coops.some((c) => c.id === id));
      expect({ user: u.grants, coops: sorted(mine) }).toEqual({
        user: u.grants,
        coops: sorted(w.coops.filter((c) => canReadCooperative(p, view.coopScope(c))).map((c) => c.id)),
      });
      for (const e of w.enterprises) {
        const res = await request(s.url).get(`/api/enterprises/${e.id}`).set(auth);
        const want = canReadEnterprise(p, view.entScope(e)) ? 200 : 404;
        expect({ user: u.grants, e: e.id, status: res.status }).toEqual({ user: u.grants, e: e.id, status: want });
      }
      for (const c of w.coops) {
        const dir = await request(s.url).get(`/api/enterprises?cooperativeId=${c.id}&pageSize=100`).set(auth);
        const readable = canReadCooperative(p, view.coopScope(c));
        expect({ user: u.grants, c: c.id, status: dir.status }).toEqual({ user: u.grants, c: c.id, status: readable ? 200 : 404 });
        if (!readable) continue;
        const active = w.enterprises.filter((e) => view.isActive(c.id, e.id));
        expect(sorted(dir.body.items.map((x: { id: string }) => x.id))).toEqual(sorted(active.map((e) => e.id)));
        for (const item of dir.body.items as { id: string; creditCode?: string }[]) {
          const full = canReadEnterprise(p, { id: item.id, cooperativeIds: [c.id], regionIds: view.chain(c.regionId) });
          expect({ user: u.grants, e: item.id, full: item.creditCode !== undefined }).toEqual({ user: u.grants, e: item.id, full });
        }
      }
    }
  });
});

describe('an ended membership ends the access that came from it', () => {
  test('the member of an enterprise that left the cooperative no longer reads it, its directory or the enterprise', async () => {
    const b = new Builders(s.db, s.url);
    const w = await twoCooperatives(b);
    const token = await b.token('memberA1');
    const auth = { Authorization: `Bearer ${token}` };
    expect((await request(s.url).get(`/api/enterprises/${w.a1.id}`).set(auth)).status).toBe(200);
    expect((await request(s.url).get(`/api/cooperatives/${w.coopA.id}`).set(auth)).status).toBe(200);

    await s.db.getRepository(MembershipEntity).update({ cooperativeId: w.coopA.id, enterpriseId: w.a1.id }, { until: '2026-11-30' });
    // The same token, the very next request: no cache to wait for.
    expect((await request(s.url).get(`/api/cooperatives/${w.coopA.id}`).set(auth)).status).toBe(404);
    expect((await request(s.url).get(`/api/enterprises?cooperativeId=${w.coopA.id}`).set(auth)).status).toBe(404);
    expect((await request(s.url).get(`/api/enterprises/${w.a1.id}`).set(auth)).status).toBe(404);
    expect((await request(s.url).patch(`/api/enterprises/${w.a1.id}`).set(auth).send({ headcount: 3 })).status).toBe(404);
    expect((await request(s.url).get('/api/cooperatives').set(auth)).body.total).toBe(0);
    expect((await request(s.url).get('/api/me').set(auth)).body.roles).toEqual([]);
    // Nor does the cooperative's directory list it any more.
    const lead = { Authorization: `Bearer ${await b.token('leadA')}` };
    const dir = await request(s.url).get(`/api/enterprises?cooperativeId=${w.coopA.id}&pageSize=100`).set(lead);
    expect(dir.body.items.map((e: { id: string }) => e.id)).not.toContain(w.a1.id);

    // Joining again (a new active membership) gives the access back.
    await s.db.getRepository(MembershipEntity).insert({ cooperativeId: w.coopA.id, enterpriseId: w.a1.id, since: '2026-12-01' });
    expect((await request(s.url).get(`/api/enterprises/${w.a1.id}`).set(auth)).status).toBe(200);
  });
});
