// GET /api/cooperatives/:id/inspectors: whom a coop admin may put in a mutual inspection group.
import request from 'supertest';
import { MembershipEntity } from '../../server/src/org/membership.entity';
import { Builders, type World, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

jest.setTimeout(60_000);

let s: TestServer;
let w: World;
let b: Builders;

beforeAll(async () => {
  s = await startTestServer();
  b = new Builders(s.db, s.url);
  w = await twoCooperatives(b);
});
afterAll(() => s.close());

const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });
type Candidate = { userId: string; name: string; enterpriseId: string | null; enterpriseName: string | null; role: string };

test('the coop admin gets the people of its active member enterprises and the experts serving its region', async () => {
  const res = await request(s.url).get(`/api/cooperatives/${w.coopA.id}/inspectors`).set(bearer(await b.token('leadA')));
  expect(res.status).toBe(200);
  const items = res.body.items as Candidate[];
  const summary = items.map((c) => [c.name, c.role, c.enterpriseName]).sort();
  expect(summary).toEqual(
    [
      ['expertD', 'expert', null],
      ['leadA', 'member', '甲镇龙头乙炔厂'],
      ['memberA1', 'member', '甲镇一号食品厂'],
      ['memberA2', 'member', '甲镇二号玩具厂'],
    ].sort(),
  );
  // nobody of the other cooperative
  expect(items.some((c) => c.enterpriseId === w.b1.id)).toBe(false);
});

test('people of an enterprise whose membership ended are not offered', async () => {
  await s.db.getRepository(MembershipEntity).update({ cooperativeId: w.coopA.id, enterpriseId: w.a2.id }, { until: '2026-01-01' });
  const res = await request(s.url).get(`/api/cooperatives/${w.coopA.id}/inspectors`).set(bearer(await b.token('leadA')));
  expect(res.status).toBe(200);
  expect((res.body.items as Candidate[]).some((c) => c.enterpriseId === w.a2.id)).toBe(false);
  await s.db.getRepository(MembershipEntity).update({ cooperativeId: w.coopA.id, enterpriseId: w.a2.id }, { until: null });
});

test.each([
  ['memberA1', 403],
  ['leadB', 403],
  ['supervisorD', 403],
  ['nobody', 403],
])('%s may not list them (%i)', async (username, status) => {
  const res = await request(s.url).get(`/api/cooperatives/${w.coopA.id}/inspectors`).set(bearer(await b.token(username)));
  expect(res.status).toBe(status);
  expect(res.body.error.code).toBeDefined();
});
