// Integrity lives in the schema: the database itself refuses a second active membership, a duplicate
// grant and a reference to nothing, on SQLite and MariaDB alike; ensureGrant survives a race.
import { isForeignKeyViolation, isUniqueViolation } from '../../server/src/database/db-errors';
import { CooperativeEntity } from '../../server/src/org/cooperative.entity';
import { EnterpriseEntity } from '../../server/src/org/enterprise.entity';
import { InvitationEntity } from '../../server/src/org/invitation.entity';
import { MembershipEntity } from '../../server/src/org/membership.entity';
import { RegionEntity } from '../../server/src/org/region.entity';
import { RoleGrantEntity } from '../../server/src/users/role-grant.entity';
import { UsersService } from '../../server/src/users/users.service';
import { Builders, type World, newCreditCode, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

let s: TestServer;
let b: Builders;
let w: World;
let someone: string;

beforeAll(async () => {
  s = await startTestServer();
  b = new Builders(s.db, s.url);
  w = await twoCooperatives(b);
  someone = (await b.user('fk-someone', [])).id;
});
afterAll(() => s.close());

// The key must be the one refusing: SQLite names its columns, MariaDB the index.
const GRANT_KEY = /scopeKey|uq_role_grants_scope/;
const MEMBERSHIP_KEY = /activeKey|uq_memberships_active/;

const refusedAsDuplicate = async (p: Promise<unknown>, key: RegExp) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).not.toBeNull();
  expect(isUniqueViolation(err)).toBe(true);
  expect(String((err as Error).message)).toMatch(key);
};

const refusedAsDangling = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).not.toBeNull();
  expect(isForeignKeyViolation(err)).toBe(true);
};

describe('one active membership per cooperative and enterprise', () => {
  const memberships = () => s.db.getRepository(MembershipEntity);

  test('a second active membership is refused; ended ones may repeat, and a new one may follow', async () => {
    const e = await s.db.getRepository(EnterpriseEntity).save({
      name: '唯一性测试厂', creditCode: newCreditCode(), industry: '机械', address: '测试路', headcount: 5,
      contactName: '李四', contactPhone: '13800000001', regionId: w.ta.id,
    });
    await memberships().insert({ cooperativeId: w.coopA.id, enterpriseId: e.id, since: '2024-01-01' });
    await refusedAsDuplicate(memberships().insert({ cooperativeId: w.coopA.id, enterpriseId: e.id, since: '2024-05-01' }), MEMBERSHIP_KEY);
    // Another cooperative is another key.
    await memberships().insert({ cooperativeId: w.coopB.id, enterpriseId: e.id, since: '2024-05-01' });
    // End the active one (update sets the key through the subscriber), then two ended rows and a new active one.
    await memberships().update({ cooperativeId: w.coopA.id, enterpriseId: e.id }, { until: '2024-06-30' });
    await memberships().insert({ cooperativeId: w.coopA.id, enterpriseId: e.id, since: '2023-01-01', until: '2023-03-01' });
    await memberships().insert({ cooperativeId: w.coopA.id, enterpriseId: e.id, since: '2024-07-01' });
    const rows = await memberships().find({ where: { cooperativeId: w.coopA.id, enterpriseId: e.id }, order: { since: 'ASC' } });
    expect(rows.map((r) => [r.since, r.until, r.activeKey])).toEqual([
      ['2023-01-01', '2023-03-01', null],
      ['2024-01-01', '2024-06-30', null],
      ['2024-07-01', null, 1],
    ]);
  });

  test('twenty simultaneous inserts of the same active membership leave exactly one', async () => {
    const e = await b.enterprise(w.coopB);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => memberships().insert({ cooperativeId: w.coopA.id, enterpriseId: e.id, since: '2024-08-01' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(String(r.reason)).toMatch(MEMBERSHIP_KEY);
    expect(await memberships().countBy({ cooperativeId: w.coopA.id, enterpriseId: e.id })).toBe(1);
  });
});

describe('one grant per user, role and scope', () => {
  const grants = () => s.db.getRepository(RoleGrantEntity);

  test('a duplicate grant is refused, with NULL scope columns too', async () => {
    const u = await b.user('dup-grant', []);
    // Fresh objects each time: insert() writes the generated id back into the object it is given.
    const admin = () => ({ userId: u.id, role: 'admin' as const, cooperativeId: null, enterpriseId: null, regionId: null });
    await grants().insert(admin());
    await refusedAsDuplicate(grants().insert(admin()), GRANT_KEY);
    const member = () => ({ userId: u.id, role: 'member' as const, cooperativeId: w.coopA.id, enterpriseId: w.a1.id, regionId: null });
    await grants().insert(member());
    await refusedAsDuplicate(grants().insert(member()), GRANT_KEY);
    // Same role, another scope: allowed.
    await grants().insert({ ...member(), enterpriseId: w.a2.id });
    expect(await grants().countBy({ userId: u.id })).toBe(3);
  });

  test('ensureGrant in twenty concurrent transactions adds the grant exactly once, and every transaction commits', async () => {
    const users = s.app.get(UsersService);
    const u = await b.user('race-grant', []);
    const g = { role: 'member' as const, cooperativeId: w.coopB.id, enterpriseId: w.b1.id };
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        s.db.transaction(async (em) => {
          await users.ensureGrant(em, u.id, g);
          // The transaction goes on after a refused twin: its own later write commits.
          await em.getRepository(RegionEntity).insert({ name: `race-${i}`, level: 'town', parentId: w.d.id });
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await grants().countBy({ userId: u.id })).toBe(1);
    expect(await s.db.getRepository(RegionEntity).countBy({ parentId: w.d.id })).toBe(2 + 20);
  });
});

describe('references point at real rows', () => {
  test.each([
    ['membership → cooperative', () => s.db.getRepository(MembershipEntity).insert({ cooperativeId: 'no-such-coop', enterpriseId: w.a1.id, since: '2024-01-01' })],
    ['membership → enterprise', () => s.db.getRepository(MembershipEntity).insert({ cooperativeId: w.coopA.id, enterpriseId: 'no-such-ent', since: '2024-01-01' })],
    ['grant → user', () => s.db.getRepository(RoleGrantEntity).insert({ userId: 'no-such-user', role: 'admin', cooperativeId: null, enterpriseId: null, regionId: null })],
    ['grant → region', () => s.db.getRepository(RoleGrantEntity).insert({ userId: someone, role: 'supervisor', cooperativeId: null, enterpriseId: null, regionId: 'no-such-region' })],
    ['cooperative → region', () => s.db.getRepository(CooperativeEntity).insert({ name: '孤儿社', regionId: 'no-such-region', industry: '综合', leadEnterpriseId: null, foundedOn: null, description: null })],
    ['cooperative → lead enterprise', () => s.db.getRepository(CooperativeEntity).update({ id: w.coopB.id }, { leadEnterpriseId: 'no-such-ent' })],
    ['enterprise → region', () => s.db.getRepository(EnterpriseEntity).update({ id: w.b1.id }, { regionId: 'no-such-region' })],
    ['region → parent', () => s.db.getRepository(RegionEntity).insert({ name: '孤镇', level: 'town', parentId: 'no-such-region' })],
    ['invitation → cooperative', () => s.db.getRepository(InvitationEntity).insert({ code: 'ZZZZ0001', cooperativeId: 'no-such-coop', createdById: someone, expiresAt: new Date(), maxUses: 1 })],
  ])('%s: a dangling reference is refused', async (_name, write) => {
    await refusedAsDangling(write());
  });

  test('a referenced row cannot be deleted from under its references', async () => {
    await refusedAsDangling(s.db.getRepository(RegionEntity).delete({ id: w.ta.id }));
    expect(await s.db.getRepository(RegionEntity).existsBy({ id: w.ta.id })).toBe(true);
  });
});
