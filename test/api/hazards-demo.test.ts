// The demo season's hazards as the screens read them: every state of the loop, overdue ones, a major hazard
// with its plan, timelines with rejections and extensions; demo-member's enterprise has work waiting for its
// fix and fixes waiting for the peers; demo-member has a fix of another member to verify.
import request from 'supertest';
import type { Hazard, HazardDetail } from '../../shared/schemas/hazards';
import { HazardRemindersJob } from '../../server/src/jobs/hazard-reminders.job';
import { type TestServer, startTestServer } from '../support/server';

jest.setTimeout(120_000);

let s: TestServer;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  s = await startTestServer({ demo: true });
  for (const u of ['demo-member', 'demo-lead', 'demo-supervisor']) {
    const res = await request(s.url).post('/api/auth/password').send({ username: u, password: 'demo-pass-2026' });
    tokens[u] = res.body.token;
  }
});
afterAll(() => s.close());

const get = (user: string, path: string) => request(s.url).get(path).set('Authorization', `Bearer ${tokens[user]}`);
const detail = async (user: string, id: string): Promise<HazardDetail> => (await get(user, `/api/hazards/${id}`)).body;

it('the cooperative’s hazards cover every state, with overdue and major ones', async () => {
  const all = await get('demo-lead', '/api/hazards?pageSize=100');
  expect(all.status).toBe(200);
  const items = all.body.items as Hazard[];
  expect(new Set(items.map((h) => h.status))).toEqual(new Set(['reported', 'pending_verification', 'closed', 'voided']));
  expect(items.filter((h) => h.overdue).length).toBeGreaterThanOrEqual(2);
  // overdue first in the coop admin's list
  expect(items[0].overdue).toBe(true);
  const majors = items.filter((h) => h.level === 'major' && h.status === 'reported');
  expect(majors.length).toBeGreaterThanOrEqual(2);
  const withPlan = await Promise.all(majors.map((h) => detail('demo-lead', h.id)));
  expect(withPlan.every((h) => h.plan !== null && h.plan.funds > 0)).toBe(true);

  const kinds = new Set<string>((await Promise.all(items.map((h) => detail('demo-lead', h.id)))).flatMap((h) => h.events.map((e) => e.kind)));
  for (const k of ['reported', 'plan_submitted', 'rectification_submitted', 'accepted', 'rejected', 'extension_requested', 'extended', 'voided']) expect([k, kinds.has(k)]).toEqual([k, true]);
});

it('demo-member: its own open hazards nearest deadline first, fixes waiting for peers, and a fix to verify', async () => {
  const open = await get('demo-member', '/api/hazards?view=open&pageSize=100');
  const own = (open.body.items as Hazard[]).filter((h) => h.enterpriseName === '日照青亚食品有限公司');
  // overdue first, then the nearest deadline
  const order = (open.body.items as Hazard[]).map((h) => `${h.overdue ? 0 : 1}|${h.deadline}`);
  expect(order).toEqual([...order].sort());
  expect(own.some((h) => h.overdue)).toBe(true);
  expect(own.filter((h) => h.status === 'reported').length).toBeGreaterThanOrEqual(3);
  expect(own.filter((h) => h.status === 'pending_verification' && h.source === 'peer').length).toBeGreaterThanOrEqual(2);
  const toFix = own.find((h) => h.status === 'reported' && h.level === 'general' && !h.overdue) as Hazard;
  expect((await detail('demo-member', toFix.id)).actions).toContain('submit_rectification');
  const waiting = own.find((h) => h.status === 'pending_verification') as Hazard;
  expect((await detail('demo-member', waiting.id)).actions).toEqual([]);
  const rejected = (await Promise.all(own.map((h) => detail('demo-member', h.id)))).find((h) => h.events.some((e) => e.kind === 'rejected'));
  expect(rejected?.events.at(-1)?.note).toContain('未见实物整改');

  const queue = await get('demo-member', '/api/hazards?view=to_verify');
  expect(queue.body.total).toBeGreaterThanOrEqual(1);
  const first = await detail('demo-member', queue.body.items[0].id);
  expect(first.enterpriseName).not.toBe('日照青亚食品有限公司');
  expect(first.actions).toEqual(expect.arrayContaining(['accept', 'reject']));
});

it('the supervisor sees the major and overdue ones; the reminder job fills the inboxes', async () => {
  const attention = await get('demo-supervisor', '/api/hazards?view=attention&pageSize=100');
  expect(attention.body.total).toBeGreaterThanOrEqual(3);
  expect((attention.body.items as Hazard[]).every((h) => h.level === 'major' || h.overdue)).toBe(true);

  await s.app.get(HazardRemindersJob).run();
  const inbox = (await get('demo-lead', '/api/notifications?pageSize=100')).body;
  expect(inbox.items.some((n: { kind: string }) => n.kind === 'hazard_overdue')).toBe(true);
  const sup = (await get('demo-supervisor', '/api/notifications?pageSize=100')).body;
  expect(sup.items.some((n: { kind: string }) => n.kind === 'hazard_overdue')).toBe(true);
});

it('demo-member accepted WeChat reminders for deadlines and notices only', async () => {
  const subs = (await get('demo-member', '/api/me/subscriptions')).body as { items: { topic: string; remaining: number; enabled: boolean }[]; hasWechat: boolean };
  const left = Object.fromEntries(subs.items.map((i) => [i.topic, i.remaining]));
  expect(left).toEqual({ activity: 0, inspection: 0, deadline: 3, overdue: 0, verification: 0, notice: 1 });
  // a password login has no WeChat openid: the screen says nothing can be pushed yet
  expect(subs.hasWechat).toBe(false);
});
