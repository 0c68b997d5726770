// Subscriptions to WeChat subscribe messages: each accepted template is one message of quota (an atomic +1,
// so 20 accepts at once give 20), the person's own switch per template, and "will I be notified".
import request from 'supertest';
import { DEFAULT_PUSH_TEMPLATES } from '../../shared/push-templates';
import type { Subscription } from '../../shared/schemas/push';
import { UserEntity } from '../../server/src/users/user.entity';
import { Builders, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

let s: TestServer;
const tokens: Record<string, string> = {};
const tid = (topic: string) => DEFAULT_PUSH_TEMPLATES.find((t) => t.topic === topic)!.templateId;

const as = (user: string) => ({
  get: (p: string) => request(s.url).get(p).set('Authorization', `Bearer ${tokens[user]}`),
  post: (p: string, body?: object) => request(s.url).post(p).set('Authorization', `Bearer ${tokens[user]}`).send(body ?? {}),
  put: (p: string, body?: object) => request(s.url).put(p).set('Authorization', `Bearer ${tokens[user]}`).send(body ?? {}),
});
const byTopic = (items: Subscription[], topic: string) => items.find((i) => i.topic === topic)!;

beforeAll(async () => {
  s = await startTestServer();
  const b = new Builders(s.db, s.url);
  await twoCooperatives(b);
  for (const u of ['admin', 'memberA1', 'memberA2', 'leadA']) tokens[u] = await b.token(u);
  // memberA1 and leadA use the mini-program (an openid); memberA2 only the browser
  await s.db.getRepository(UserEntity).update({ username: 'membera1' }, { openid: 'oMemberA1' });
  await s.db.getRepository(UserEntity).update({ username: 'leada' }, { openid: 'oLeadA' });
});
afterAll(async () => {
  await s?.close();
});

test('at first: every template listed, switched on, no quota, nobody will be notified', async () => {
  const res = await as('memberA1').get('/api/me/subscriptions');
  expect(res.status).toBe(200);
  expect(res.body.hasWechat).toBe(true);
  expect(res.body.items.map((i: Subscription) => i.topic)).toEqual(['activity', 'inspection', 'deadline', 'overdue', 'verification', 'notice']);
  expect(byTopic(res.body.items, 'deadline')).toEqual({ topic: 'deadline', templateId: tid('deadline'), label: '整改期限提醒', enabled: true, remaining: 0, willNotify: false });
});

test('accepting adds one message per template (a repeated id in one call counts once); others unchanged', async () => {
  const res = await as('memberA1').post('/api/me/subscriptions/accepted', { templateIds: [tid('deadline'), tid('notice'), tid('deadline')] });
  expect(res.status).toBe(200);
  expect(byTopic(res.body.items, 'deadline')).toMatchObject({ remaining: 1, willNotify: true });
  expect(byTopic(res.body.items, 'notice')).toMatchObject({ remaining: 1, willNotify: true });
  expect(byTopic(res.body.items, 'overdue')).toMatchObject({ remaining: 0, willNotify: false });
  const again = await as('memberA1').post('/api/me/subscriptions/accepted', { templateIds: [tid('deadline')] });
  expect(byTopic(again.body.items, 'deadline').remaining).toBe(2);
  // someone else's quota is their own
  expect(byTopic((await as('leadA').get('/api/me/subscriptions')).body.items, 'deadline').remaining).toBe(0);
});

test('20 accepts of one template at once: +20, none lost', async () => {
  const before = byTopic((await as('leadA').get('/api/me/subscriptions')).body.items, 'verification').remaining;
  const all = await Promise.all(Array.from({ length: 20 }, () => as('leadA').post('/api/me/subscriptions/accepted', { templateIds: [tid('verification'), tid('overdue')] })));
  expect(all.map((r) => r.status)).toEqual(Array(20).fill(200));
  const after = (await as('leadA').get('/api/me/subscriptions')).body.items;
  expect(byTopic(after, 'verification').remaining).toBe(before + 20);
  expect(byTopic(after, 'overdue').remaining).toBe(20);
});

test('switching a template off keeps its quota but stops notifying; on again notifies', async () => {
  const off = await as('memberA1').put('/api/me/subscriptions', { items: [{ templateId: tid('deadline'), enabled: false }] });
  expect(off.status).toBe(200);
  expect(byTopic(off.body.items, 'deadline')).toMatchObject({ enabled: false, remaining: 2, willNotify: false });
  expect(byTopic(off.body.items, 'notice')).toMatchObject({ enabled: true, willNotify: true });
  // an accept while switched off still counts, and does not switch it on
  const acc = await as('memberA1').post('/api/me/subscriptions/accepted', { templateIds: [tid('deadline')] });
  expect(byTopic(acc.body.items, 'deadline')).toMatchObject({ enabled: false, remaining: 3 });
  const on = await as('memberA1').put('/api/me/subscriptions', { items: [{ templateId: tid('deadline'), enabled: true }] });
  expect(byTopic(on.body.items, 'deadline')).toMatchObject({ enabled: true, remaining: 3, willNotify: true });
  // switching off a template never accepted: remembered with no quota
  const off2 = await as('memberA2').put('/api/me/subscriptions', { items: [{ templateId: tid('activity'), enabled: false }] });
  expect(byTopic(off2.body.items, 'activity')).toMatchObject({ enabled: false, remaining: 0 });
});

test('without WeChat (browser-only account) quota is kept but nothing will be pushed', async () => {
  const res = await as('memberA2').post('/api/me/subscriptions/accepted', { templateIds: [tid('notice')] });
  expect(res.body.hasWechat).toBe(false);
  expect(byTopic(res.body.items, 'notice')).toMatchObject({ remaining: 1, willNotify: false });
});

test('unknown templates and bad bodies are 422 with the field named', async () => {
  const unknown = await as('memberA1').post('/api/me/subscriptions/accepted', { templateIds: [tid('notice'), 'not-a-template'] });
  expect(unknown.status).toBe(422);
  expect(unknown.body.error.fields).toEqual({ 'templateIds.1': '未配置的消息模板' });
  // nothing of a refused call is recorded
  expect(byTopic((await as('memberA1').get('/api/me/subscriptions')).body.items, 'notice').remaining).toBe(1);
  for (const body of [{}, { templateIds: [] }, { templateIds: [''] }, { templateIds: [tid('notice')], extra: 1 }]) {
    const r = await as('memberA1').post('/api/me/subscriptions/accepted', body);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
  }
  const put = await as('memberA1').put('/api/me/subscriptions', { items: [{ templateId: 'nope', enabled: false }] });
  expect(put.status).toBe(422);
  expect(put.body.error.fields).toEqual({ 'items.0.templateId': '未配置的消息模板' });
  expect((await as('memberA1').put('/api/me/subscriptions', { items: [{ templateId: tid('notice') }] })).status).toBe(422);
});

test('login required; the outbox is the platform admin’s only', async () => {
  expect((await request(s.url).get('/api/me/subscriptions')).status).toBe(401);
  const member = await as('memberA1').get('/api/push/outbox');
  expect(member.status).toBe(403);
  expect(member.body.error.code).toBe('FORBIDDEN');
  expect((await as('leadA').get('/api/push/outbox')).status).toBe(403);
  const admin = await as('admin').get('/api/push/outbox?status=failed');
  expect(admin.status).toBe(200);
  expect(admin.body).toMatchObject({ items: [], total: 0, page: 1, counts: { pending: 0, sent: 0, failed: 0, skipped: 0 } });
  expect((await as('admin').get('/api/push/outbox?status=lost')).status).toBe(422);
});
