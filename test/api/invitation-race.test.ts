// Many people of one enterprise accepting at the same moment: exactly one membership, never a 500.
// Runs on SQLite and MariaDB (where the races are real: parallel connections and row locks).
import request from 'supertest';
import { IsNull } from 'typeorm';
import { TokenService } from '../../server/src/auth/token.service';
import { EnterpriseEntity } from '../../server/src/org/enterprise.entity';
import { InvitationEntity } from '../../server/src/org/invitation.entity';
import { MembershipEntity } from '../../server/src/org/membership.entity';
import { RoleGrantEntity } from '../../server/src/users/role-grant.entity';
import { UserEntity } from '../../server/src/users/user.entity';
import { Builders, type World, enterpriseInput, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

const N = 20;
jest.setTimeout(120_000);

let s: TestServer;
let w: World;
let b: Builders;
let leadA: string;
let seq = 0;

beforeAll(async () => {
  s = await startTestServer();
  b = new Builders(s.db, s.url);
  w = await twoCooperatives(b);
  const lead = await s.db.getRepository(UserEntity).findOneByOrFail({ name: 'leadA' });
  leadA = s.app.get(TokenService).issue(lead.id).token;
});
afterAll(() => s.close());

const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });

/** N users holding the given grants, with tokens (no password logins: they'd dominate the time). */
async function people(grants: Parameters<Builders['user']>[1]): Promise<{ id: string; token: string }[]> {
  const tokens = s.app.get(TokenService);
  const out: { id: string; token: string }[] = [];
  for (let i = 0; i < N; i++) {
    const u = await b.user(`race-${process.pid}-${++seq}`, grants);
    out.push({ id: u.id, token: tokens.issue(u.id).token });
  }
  return out;
}

async function invite(body: object = {}): Promise<string> {
  const res = await request(s.url).post(`/api/cooperatives/${w.coopA.id}/invitations`).set(bearer(leadA)).send({ maxUses: 100, ...body });
  expect(res.status).toBe(201);
  return res.body.code;
}

const activeMemberships = (enterpriseId: string) =>
  s.db.getRepository(MembershipEntity).countBy({ cooperativeId: w.coopA.id, enterpriseId, until: IsNull() });
const grantsOf = (userId: string, enterpriseId: string) =>
  s.db.getRepository(RoleGrantEntity).countBy({ userId, role: 'member', cooperativeId: w.coopA.id, enterpriseId });
const usesOf = async (code: string) => (await s.db.getRepository(InvitationEntity).findOneByOrFail({ code })).uses;

test(`${N} people of one member enterprise join another cooperative at once: one membership, all succeed`, async () => {
  const before = (await request(s.url).get(`/api/cooperatives/${w.coopA.id}`).set(bearer(leadA))).body.memberCount as number;
  const crew = await people([{ role: 'member', cooperativeId: w.coopB.id, enterpriseId: w.b1.id }]);
  const code = await invite();
  const results = await Promise.all(
    crew.map((p) => request(s.url).post(`/api/invitations/${code}/accept`).set(bearer(p.token)).send({ enterpriseId: w.b1.id })),
  );
  expect(results.map((r) => r.status)).toEqual(crew.map(() => 200));
  expect(await activeMemberships(w.b1.id)).toBe(1);
  expect(await usesOf(code)).toBe(1);
  for (const p of crew) expect(await grantsOf(p.id, w.b1.id)).toBe(1);
  const after = (await request(s.url).get(`/api/cooperatives/${w.coopA.id}`).set(bearer(leadA))).body.memberCount as number;
  expect(after).toBe(before + 1);
});

test(`${N} strangers registering one new credit code at once: one enterprise, one joins, the rest are refused`, async () => {
  const crowd = await people([]);
  const code = await invite();
  const input = enterpriseInput();
  const results = await Promise.all(
    crowd.map((p) => request(s.url).post(`/api/invitations/${code}/accept`).set(bearer(p.token)).send({ enterprise: input })),
  );
  const statuses = results.map((r) => r.status);
  expect(statuses.filter((st) => st === 200)).toHaveLength(1);
  expect(statuses.filter((st) => st === 409)).toHaveLength(N - 1);
  for (const r of results.filter((x) => x.status === 409)) expect(r.body.error.code).toBe('CREDIT_CODE_TAKEN');
  const rows = await s.db.getRepository(EnterpriseEntity).findBy({ creditCode: input.creditCode });
  expect(rows).toHaveLength(1);
  expect(await activeMemberships(rows[0].id)).toBe(1);
  expect(await usesOf(code)).toBe(1);
});

test(`${N} people claiming a pre-registered enterprise with its invitation at once: each gets one role, one membership stays`, async () => {
  const created = await request(s.url).post('/api/enterprises').set(bearer(leadA)).send({ ...enterpriseInput(), cooperativeId: w.coopA.id });
  expect(created.status).toBe(201);
  const crowd = await people([]);
  const code = await invite({ enterpriseId: created.body.id });
  const results = await Promise.all(
    crowd.map((p) => request(s.url).post(`/api/invitations/${code}/accept`).set(bearer(p.token)).send({ enterpriseId: created.body.id })),
  );
  expect(results.map((r) => r.status)).toEqual(crowd.map(() => 200));
  expect(await activeMemberships(created.body.id)).toBe(1);
  expect(await usesOf(code)).toBe(N);
  for (const p of crowd) expect(await grantsOf(p.id, created.body.id)).toBe(1);
});

test(`one phone sending the same accept ${N} times at once: one membership, one role`, async () => {
  const [p] = await people([{ role: 'member', cooperativeId: w.coopB.id, enterpriseId: w.b1.id }]).then((all) => all.slice(0, 1));
  const e = await b.enterprise(w.coopB);
  await s.db.getRepository(RoleGrantEntity).insert({ userId: p.id, role: 'member', cooperativeId: w.coopB.id, enterpriseId: e.id, regionId: null });
  const code = await invite();
  const results = await Promise.all(
    Array.from({ length: N }, () => request(s.url).post(`/api/invitations/${code}/accept`).set(bearer(p.token)).send({ enterpriseId: e.id })),
  );
  expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
  expect(await activeMemberships(e.id)).toBe(1);
  expect(await grantsOf(p.id, e.id)).toBe(1);
});
