// GET /api/me/enterprises: the caller's own enterprises in one request (the 我的 and join pages).
import request from 'supertest';
import { MembershipEntity } from '../../server/src/org/membership.entity';
import { Builders, type World, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

let s: TestServer;
let w: World;
let b: Builders;

beforeAll(async () => {
  s = await startTestServer();
  b = new Builders(s.db, s.url);
  w = await twoCooperatives(b);
  // one person speaking for two enterprises in two cooperatives
  await b.user('twoHats', [
    { role: 'member', cooperativeId: w.coopA.id, enterpriseId: w.a1.id },
    { role: 'member', cooperativeId: w.coopB.id, enterpriseId: w.b1.id },
  ]);
});
afterAll(() => s.close());

const mine = async (username: string) =>
  request(s.url).get('/api/me/enterprises').set('Authorization', `Bearer ${await b.token(username)}`);

test('a member gets exactly their own enterprises, with memberships and the contact phone in full', async () => {
  const res = await mine('twoHats');
  expect(res.status).toBe(200);
  expect(res.body.items.map((e: { id: string }) => e.id).sort()).toEqual([w.a1.id, w.b1.id].sort());
  const a1 = res.body.items.find((e: { id: string }) => e.id === w.a1.id);
  expect(a1.memberships).toEqual([expect.objectContaining({ cooperativeId: w.coopA.id, cooperativeName: '甲镇互助合作社', until: null })]);
  expect(a1.contactPhone).not.toContain('*');
});

test('people without member grants get an empty list, not someone else’s enterprise', async () => {
  for (const who of ['leadB', 'supervisorD', 'expertD', 'nobody']) {
    const res = await mine(who);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [] });
  }
});

test('an ended membership ends the enterprise’s place in the list', async () => {
  await b.user('leaving', [{ role: 'member', cooperativeId: w.coopA.id, enterpriseId: w.a2.id }]);
  expect((await mine('leaving')).body.items).toHaveLength(1);
  await s.db.getRepository(MembershipEntity).update({ cooperativeId: w.coopA.id, enterpriseId: w.a2.id }, { until: '2026-01-31' });
  expect((await mine('leaving')).body.items).toEqual([]);
});

test('without a token → 401 in the error shape', async () => {
  const res = await request(s.url).get('/api/me/enterprises');
  expect(res.status).toBe(401);
  expect(res.body.error.code).toBe('UNAUTHENTICATED');
});
