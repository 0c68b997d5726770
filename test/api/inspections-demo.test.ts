// The demo season: daily patrols and monthly mutual rounds of the story's cooperative, readable
// through the API the way the screens use it.
import request from 'supertest';
import { type TestServer, startTestServer } from '../support/server';

jest.setTimeout(120_000);

let s: TestServer;
let token: string;
beforeAll(async () => {
  s = await startTestServer({ demo: true });
  const res = await request(s.url).post('/api/auth/password').send({ username: 'demo-member', password: 'demo-pass-2026' });
  token = res.body.token;
});
afterAll(() => s.close());

const get = (path: string) => request(s.url).get(path).set('Authorization', `Bearer ${token}`);

it('has patrols, planned / in-progress / submitted rounds, a 回头看 and common hazards', async () => {
  const mine = await get('/api/inspections?assigned=true&pageSize=50');
  expect(mine.status).toBe(200);
  const statuses = mine.body.items.map((i: { status: string }) => i.status);
  expect(statuses).toEqual(expect.arrayContaining(['planned', 'in_progress', 'submitted']));
  expect(statuses.filter((x: string) => x === 'in_progress')).toHaveLength(1);

  const patrols = await get('/api/inspections?type=self&pageSize=100');
  expect(patrols.body.total).toBeGreaterThanOrEqual(15);

  const submitted = mine.body.items.filter((i: { status: string }) => i.status === 'submitted');
  const details = await Promise.all(submitted.map((i: { id: string }) => get(`/api/inspections/${i.id}`)));
  const withCarry = details.map((d) => d.body).find((d) => d.carried.length > 0);
  expect(withCarry).toBeDefined();
  expect(withCarry.carried.some((c: { mark: string; recurrenceId: string | null }) => c.mark === 'recurred' && c.recurrenceId)).toBe(true);
  const fb = await get(`/api/inspections/${withCarry.id}/feedback`);
  expect(fb.status).toBe(200);
  expect(fb.body.problems.length).toBeGreaterThan(0);
  expect(fb.body.common.length).toBeGreaterThan(0);

  const inbox = await get('/api/notifications');
  expect(inbox.body.unread).toBeGreaterThan(0);
});
