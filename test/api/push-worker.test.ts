// The push worker against the WeChat simulator: every template's message passes WeChat's keyword rules,
// quota is spent on a send (none left → inbox only), 43101 spends it without a retry, 47003/40037 are
// configuration failures the admin sees, 42001 renews the token once and sends, -1 is retried with
// back-off and given up after the last attempt, and a claim left by a dead instance is taken over.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DEFAULT_PUSH_TEMPLATES, TOPIC_OF_KIND } from '../../shared/push-templates';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../shared/schemas/notifications';
import type { Subscription } from '../../shared/schemas/push';
import { NotificationEntity } from '../../server/src/notifications/notification.entity';
import { NotificationsService } from '../../server/src/notifications/notifications.service';
import { PushWorker } from '../../server/src/push/push.worker';
import { UserEntity } from '../../server/src/users/user.entity';
import { checkTemplateData } from '../../server/src/wechat/simulator/keywords';
import { Builders, type World, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

jest.setTimeout(60_000);

const SEND = '/cgi-bin/message/subscribe/send';
const TOKEN = '/cgi-bin/token';
let s: TestServer;
let b: Builders;
let worker: PushWorker;
let adminToken: string;
let w: World;
let seq = 0;
const tid = (kind: NotificationKind) => DEFAULT_PUSH_TEMPLATES.find((t) => t.topic === TOPIC_OF_KIND[kind])!.templateId;

interface Person {
  id: string;
  openid: string | null;
  token: string;
}

/** A new person, logged in; with an openid WeChat knows unless `wechat: false`. */
async function person(wechat = true): Promise<Person> {
  const name = `push${++seq}`;
  const u = await b.user(name, []);
  const openid = wechat ? `oPush${seq}_${randomUUID().slice(0, 8)}` : null;
  if (openid) {
    await s.db.getRepository(UserEntity).update({ id: u.id }, { openid });
    s.wechat.issueCode(openid); // the simulator knows the openid from a login
  }
  return { id: u.id, openid, token: await b.token(name) };
}

async function accept(p: Person, templateIds: string[]): Promise<void> {
  const res = await request(s.url).post('/api/me/subscriptions/accepted').set('Authorization', `Bearer ${p.token}`).send({ templateIds });
  expect(res.status).toBe(200);
}
async function remaining(p: Person, templateId: string): Promise<number> {
  const res = await request(s.url).get('/api/me/subscriptions').set('Authorization', `Bearer ${p.token}`);
  return (res.body.items as Subscription[]).find((i) => i.templateId === templateId)!.remaining;
}

/** Queues one notice (as the hazard loop does) and returns its id. */
async function notify(p: Person, kind: NotificationKind, text: { title?: string; body?: string } = {}): Promise<string> {
  const dedupeKey = `push-test:${randomUUID()}`;
  await s.app.get(NotificationsService).add(s.db.manager, [
    {
      userId: p.id,
      kind,
      title: text.title ?? '整改期限临近',
      body: text.body ?? '隐患「储罐区静电接地断开」须于 2026-12-10 前整改完成，还剩 3 天。',
      link: `/hazards/${randomUUID()}`,
      dedupeKey,
    },
  ]);
  return (await s.db.getRepository(NotificationEntity).findOneByOrFail({ dedupeKey })).id;
}
const row = (id: string) => s.db.getRepository(NotificationEntity).findOneByOrFail({ id });
const sendsTo = (openid: string | null) => s.wechat.calls.filter((c) => c.path === SEND && (c.body as { touser?: string })?.touser === openid);

beforeAll(async () => {
  s = await startTestServer();
  b = new Builders(s.db, s.url);
  w = await twoCooperatives(b);
  adminToken = await b.token('admin');
  worker = s.app.get(PushWorker);
  worker.options.retryBaseMs = 60_000;
});
afterAll(async () => {
  await s?.close();
});

test('every kind goes out on its topic’s template with values WeChat accepts, spending one quota each', async () => {
  const p = await person();
  const ids = new Map<NotificationKind, string>();
  for (const kind of NOTIFICATION_KINDS) {
    await accept(p, [tid(kind)]);
    ids.set(kind, await notify(p, kind, { title: `关于${kind}的一条很长很长很长很长的通知标题\n第二行`, body: '「甲镇一号食品厂」的隐患「储罐区静电接地断开」已超过整改期限 2026-12-01（逾期 6 天）。' }));
  }
  const round = await worker.drain();
  expect(round).toMatchObject({ sent: NOTIFICATION_KINDS.length, failed: 0, skipped: 0 });
  const got = s.wechat.messages.filter((m) => m.touser === p.openid);
  expect(got).toHaveLength(NOTIFICATION_KINDS.length);
  for (const kind of NOTIFICATION_KINDS) {
    const n = await row(ids.get(kind)!);
    expect(n).toMatchObject({ pushStatus: 'sent', pushAttempts: 1, pushTemplateId: tid(kind), pushErrcode: null });
    expect(n.pushedAt).toBeInstanceOf(Date);
    const m = got.find((x) => x.page === `packages/hazard/pages/detail/index?id=${n.link!.split('/')[2]}`);
    expect(m?.template_id).toBe(tid(kind));
    expect(checkTemplateData(m?.data)).toBeNull();
    expect(m?.data.thing1.value).toHaveLength(20);
  }
  // verification's template has a phrase keyword: the kind's status word
  expect(got.find((m) => m.template_id === tid('hazard_rectified') && m.data.phrase2.value === '待验收')).toBeDefined();
  for (const kind of NOTIFICATION_KINDS) expect(await remaining(p, tid(kind))).toBe(0);
});

test('a mutual round scheduled through the API reaches the group’s phones: the inspection template, its date, its page', async () => {
  const users = s.db.getRepository(UserEntity);
  const group: Person[] = [];
  for (const name of ['memberA2', 'leadA']) {
    const u = await users.findOneByOrFail({ username: name.toLowerCase() });
    const openid = `o${name}_${randomUUID().slice(0, 8)}`;
    await users.update({ id: u.id }, { openid });
    s.wechat.issueCode(openid);
    group.push({ id: u.id, openid, token: await b.token(name) });
  }
  await accept(group[0]!, [tid('inspection_assigned')]);
  await accept(group[1]!, [tid('inspection_assigned')]);
  const lists = await request(s.url).get('/api/checklists').set('Authorization', `Bearer ${group[1]!.token}`);
  const checklistId = lists.body.items.find((c: { familyId: string }) => c.familyId === 'platform-general').id;
  const round = await request(s.url)
    .post('/api/inspections')
    .set('Authorization', `Bearer ${group[1]!.token}`)
    .send({ type: 'mutual', cooperativeId: w.coopA.id, hostEnterpriseId: w.a1.id, scheduledOn: '2026-12-20', checklistId, inspectors: [{ userId: group[0]!.id, leader: true }, { userId: group[1]!.id, leader: false }] });
  expect(round.status).toBe(201);
  await worker.drain();
  for (const p of group) {
    const got = s.wechat.messages.filter((m) => m.touser === p.openid);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ template_id: tid('inspection_assigned'), page: `packages/inspect/pages/detail/index?id=${round.body.id}` });
    expect(got[0]!.data).toMatchObject({ thing1: { value: '互查任务' }, date2: { value: '2026年12月20日' }, phrase4: { value: '待检查' } });
    expect(got[0]!.data.thing3.value).toBe('您被安排于 2026-12-20 参加…'); // cut to thing's 20 characters
    expect(await remaining(p, tid('inspection_assigned'))).toBe(0);
  }
});

test('no quota left: the notice stays in the inbox only (skipped, no_quota); a second notice needs a second accept', async () => {
  const p = await person();
  await accept(p, [tid('hazard_reminder')]);
  const first = await notify(p, 'hazard_reminder');
  const second = await notify(p, 'hazard_reminder');
  await worker.drain();
  // written in the same instant: either may go first, exactly one is pushed
  const outcomes = [await row(first), await row(second)].map((n) => `${n.pushStatus}:${n.pushReason}`).sort();
  expect(outcomes).toEqual(['sent:null', 'skipped:no_quota']);
  expect(sendsTo(p.openid)).toHaveLength(1);
  const inbox = await request(s.url).get('/api/notifications').set('Authorization', `Bearer ${p.token}`);
  expect(inbox.body.items.map((n: { id: string }) => n.id).sort()).toEqual([first, second].sort());
});

test('no openid (browser-only account) or switched off: skipped, quota untouched', async () => {
  const web = await person(false);
  await accept(web, [tid('notice_published')]);
  const a = await notify(web, 'notice_published');
  const p = await person();
  await accept(p, [tid('notice_published')]);
  await request(s.url).put('/api/me/subscriptions').set('Authorization', `Bearer ${p.token}`).send({ items: [{ templateId: tid('notice_published'), enabled: false }] });
  const c = await notify(p, 'notice_published');
  await worker.drain();
  expect(await row(a)).toMatchObject({ pushStatus: 'skipped', pushReason: 'no_openid' });
  expect(await row(c)).toMatchObject({ pushStatus: 'skipped', pushReason: 'opted_out' });
  expect(await remaining(web, tid('notice_published'))).toBe(1);
  expect(await remaining(p, tid('notice_published'))).toBe(1);
  expect(sendsTo(p.openid)).toHaveLength(0);
});

test('43101 (refused): the quota is spent, no retry', async () => {
  const p = await person();
  await accept(p, [tid('hazard_verified')]);
  await accept(p, [tid('hazard_verified')]);
  const id = await notify(p, 'hazard_verified');
  s.wechat.failSend('refused');
  await worker.drain();
  expect(await row(id)).toMatchObject({ pushStatus: 'skipped', pushReason: 'refused', pushErrcode: 43101, pushAttempts: 1 });
  expect(await remaining(p, tid('hazard_verified'))).toBe(1);
  await worker.drain();
  expect(sendsTo(p.openid)).toHaveLength(1);
});

test.each([
  ['bad_data', 47003],
  ['bad_template', 40037],
  ['bad_page', 41030],
] as const)('%s (%i): failed as a configuration error the admin sees; quota given back; not retried', async (kind, errcode) => {
  const p = await person();
  await accept(p, [tid('inspection_assigned')]);
  const id = await notify(p, 'inspection_assigned');
  s.wechat.failSend(kind);
  await worker.drain();
  expect(await row(id)).toMatchObject({ pushStatus: 'failed', pushReason: `config:${errcode}`, pushErrcode: errcode });
  expect(await remaining(p, tid('inspection_assigned'))).toBe(1);
  await worker.drain();
  expect(sendsTo(p.openid)).toHaveLength(1);
  const outbox = await request(s.url).get('/api/push/outbox?status=failed&pageSize=100').set('Authorization', `Bearer ${adminToken}`);
  expect(outbox.status).toBe(200);
  expect(outbox.body.items.find((e: { id: string }) => e.id === id)).toMatchObject({ status: 'failed', errcode, reason: `config:${errcode}`, templateId: tid('inspection_assigned'), userName: expect.stringMatching(/^push/) });
  expect(outbox.body.items.every((e: { status: string }) => e.status === 'failed')).toBe(true);
  expect(outbox.body.counts.failed).toBeGreaterThanOrEqual(1);
  expect(outbox.body.counts.sent).toBeGreaterThanOrEqual(NOTIFICATION_KINDS.length);
});

test('42001 (token expired): the token is renewed once and the message sent', async () => {
  const p = await person();
  await accept(p, [tid('hazard_overdue')]);
  await worker.drain(); // nothing queued for p; makes sure a token is cached
  const id = await notify(p, 'hazard_overdue');
  const tokensBefore = s.wechat.calls.filter((c) => c.path === TOKEN).length;
  s.wechat.failSend('token_expired');
  await worker.drain();
  expect(await row(id)).toMatchObject({ pushStatus: 'sent', pushAttempts: 1 });
  expect(s.wechat.calls.filter((c) => c.path === TOKEN).length).toBe(tokensBefore + 1);
  expect(sendsTo(p.openid)).toHaveLength(2);
  expect(s.wechat.messages.filter((m) => m.touser === p.openid)).toHaveLength(1);
});

test('a token error again after the renewal: back in the queue with its errcode, sent on the next attempt', async () => {
  const p = await person();
  await accept(p, [tid('notice_reminder')]);
  const id = await notify(p, 'notice_reminder');
  s.wechat.failSend('token_invalid', 2); // 40001, renewed once, 40001 again
  await worker.drain();
  expect(await row(id)).toMatchObject({ pushStatus: 'pending', pushReason: 'retry', pushErrcode: 40001, pushAttempts: 1 });
  expect(await remaining(p, tid('notice_reminder'))).toBe(1);
  s.clock.advance(61_000);
  await worker.drain();
  expect(await row(id)).toMatchObject({ pushStatus: 'sent', pushAttempts: 2 });
  expect(s.wechat.messages.filter((m) => m.touser === p.openid)).toHaveLength(1);
});

test('-1 (busy) past the client’s own retries: back in the queue after a back-off, then sent; given up after the last attempt', async () => {
  const p = await person();
  await accept(p, [tid('activity_invited')]);
  const id = await notify(p, 'activity_invited');
  s.wechat.failSend('busy', 3); // the client tries 3 times (1 s, 2 s apart) before handing -1 back
  const r1 = await worker.drain();
  expect(r1.retried).toBe(1);
  const waiting = await row(id);
  expect(waiting).toMatchObject({ pushStatus: 'pending', pushReason: 'retry', pushErrcode: -1, pushAttempts: 1, pushClaimedAt: null });
  expect(waiting.pushNextAt!.getTime() - s.clock.now().getTime()).toBeGreaterThan(50_000);
  expect(await remaining(p, tid('activity_invited'))).toBe(1); // not spent while undelivered
  await worker.drain(); // not yet due
  expect(sendsTo(p.openid)).toHaveLength(3);
  s.clock.advance(61_000);
  await worker.drain();
  expect(await row(id)).toMatchObject({ pushStatus: 'sent', pushAttempts: 2, pushReason: null, pushErrcode: null });
  expect(await remaining(p, tid('activity_invited'))).toBe(0);

  // the last attempt fails: given up, visible with its errcode
  worker.options.maxAttempts = 1;
  try {
    const q = await person();
    await accept(q, [tid('expert_visit')]);
    const id2 = await notify(q, 'expert_visit');
    s.wechat.failSend('busy', 3);
    await worker.drain();
    expect(await row(id2)).toMatchObject({ pushStatus: 'failed', pushReason: 'gave_up:-1', pushErrcode: -1 });
    expect(await remaining(q, tid('expert_visit'))).toBe(1);
  } finally {
    worker.options.maxAttempts = 5;
  }
});

test('a claim left by an instance that died is taken over once it is stale; a live claim is left alone', async () => {
  const p = await person();
  await accept(p, [tid('hazard_reminder')]);
  const id = await notify(p, 'hazard_reminder');
  await s.db.getRepository(NotificationEntity).update({ id }, { pushClaimedBy: 'dead-host:1:x#1', pushClaimedAt: s.clock.now(), pushAttempts: 1 });
  await worker.drain();
  expect(sendsTo(p.openid)).toHaveLength(0);
  s.clock.advance(121_000); // PUSH_STALE_MS defaults to 2 minutes
  await worker.drain();
  expect(await row(id)).toMatchObject({ pushStatus: 'sent', pushAttempts: 2 });
  expect(s.wechat.messages.filter((m) => m.touser === p.openid)).toHaveLength(1);
  expect(await remaining(p, tid('hazard_reminder'))).toBe(0);
});

test('an instance that died mid-send had spent the quota: the takeover sends on it without spending another', async () => {
  const p = await person();
  await accept(p, [tid('hazard_reminder')]);
  await accept(p, [tid('hazard_reminder')]);
  const id = await notify(p, 'hazard_reminder');
  // as the dead instance left it: claimed, quota taken (2 → 1), marked as sending
  await s.db.query(`UPDATE push_subscriptions SET quota = quota - 1 WHERE ${s.db.driver.escape('userId')} = ?`, [p.id]);
  await s.db.getRepository(NotificationEntity).update({ id }, { pushClaimedBy: 'dead-host:1:x#2', pushClaimedAt: s.clock.now(), pushAttempts: 1, pushReason: 'sending', pushTemplateId: tid('hazard_reminder') });
  s.clock.advance(121_000);
  await worker.drain();
  expect(await row(id)).toMatchObject({ pushStatus: 'sent', pushAttempts: 2, pushReason: null });
  expect(await remaining(p, tid('hazard_reminder'))).toBe(1);
});
