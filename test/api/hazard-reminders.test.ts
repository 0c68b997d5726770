// Deadline reminders and overdue escalation as inbox notices, with a clock moved across Shanghai midnights:
// 3 days and 1 day before, on the day, overdue to the coop admin, to the supervisor on day 7 (at once for a
// major hazard). The job run twice, and on two server instances of one database at the same moment, gives
// each notice once. The list's `overdue` flips at 00:00 Shanghai the day after the deadline.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { addDays } from '../../shared/dates';
import { HazardRemindersJob } from '../../server/src/jobs/hazard-reminders.job';
import { UserEntity } from '../../server/src/users/user.entity';
import { Builders, twoCooperatives } from '../support/builders';
import { TEST_DB } from '../support/db';
import { type TestServer, startTestServer } from '../support/server';

jest.setTimeout(120_000);

let s: TestServer;
let s2: TestServer;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
let general: { id: string; deadline: string };
let major: { id: string; deadline: string };

const as = (user: string) => ({
  get: (p: string) => request(s.url).get(p).set('Authorization', `Bearer ${tokens[user]}`),
  post: (p: string, body?: object) => request(s.url).post(p).set('Authorization', `Bearer ${tokens[user]}`).send(body ?? {}),
});

let b: Builders;
/** Both instances' clocks to this Shanghai wall time; fresh logins (tokens expire as days pass). */
async function setShanghai(day: string, time: string): Promise<void> {
  const target = Date.parse(`${day}T${time}+08:00`);
  for (const srv of [s, s2]) srv.clock.advance(target - srv.clock.now().getTime());
  for (const u of Object.keys(tokens)) tokens[u] = await b.token(u);
}

async function notices(): Promise<{ userId: string; kind: string; dedupeKey: string; body: string }[]> {
  return s.db.query(`SELECT ${['userId', 'kind', 'dedupeKey', 'body'].map((c) => s.db.driver.escape(c)).join(', ')} FROM notifications WHERE kind IN ('hazard_reminder', 'hazard_overdue')`);
}
const keysFor = async (hazardId: string, user: string) =>
  (await notices()).filter((n) => n.dedupeKey.includes(hazardId) && n.userId === ids[user]).map((n) => n.dedupeKey.split(':')[3]).sort();

beforeAll(async () => {
  // SQLite: a file both instances open; MariaDB: the first server's fresh database
  const file = TEST_DB === 'sqlite' ? { DB_PATH: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'reminders-')), 'db.sqlite') } : undefined;
  s = await startTestServer({ env: file });
  s2 = await startTestServer({ dbEnv: s.dbEnv });
  b = new Builders(s.db, s.url);
  const w = await twoCooperatives(b);
  await b.user('ownerA1', [{ role: 'member', cooperativeId: w.coopA.id, enterpriseId: w.a1.id }]);
  for (const u of ['leadA', 'memberA1', 'ownerA1', 'memberA2', 'supervisorD', 'supervisorTB', 'leadB']) {
    tokens[u] = await b.token(u);
    ids[u] = (await s.db.getRepository(UserEntity).findOneByOrFail({ username: u.toLowerCase() })).id;
  }
  const list = await as('memberA1').get('/api/checklists');
  const checklistId = list.body.items.find((c: { familyId: string }) => c.familyId === 'platform-general').id;
  const itemId = (await as('memberA1').get(`/api/checklists/${checklistId}`)).body.items.find((i: { photoRequiredOnFail: boolean }) => !i.photoRequiredOnFail).id;
  const patrol = await as('memberA1').post('/api/inspections', { type: 'self', checklistId });
  const rec = await as('memberA1').post(`/api/inspections/${patrol.body.id}/results`, {
    hazards: [
      { clientId: randomUUID(), itemId, description: '自查：灭火器压力不足', category: 'documents' },
      { clientId: randomUUID(), itemId, description: '自查：储罐区静电接地断开', category: 'documents', level: 'major' },
    ],
    submit: true,
  });
  expect(rec.status).toBe(200);
  const rows: { id: string; description: string }[] = await s.db.query('SELECT id, description FROM hazards');
  const pick = async (d: string) => {
    const id = (rows.find((x) => x.description === d) as (typeof rows)[number]).id;
    return { id, deadline: (await as('memberA1').get(`/api/hazards/${id}`)).body.deadline as string };
  };
  general = await pick('自查：灭火器压力不足');
  major = await pick('自查：储罐区静电接地断开');
});
afterAll(async () => {
  await s2?.close();
  await s?.close();
});

const job = (srv: TestServer) => srv.app.get(HazardRemindersJob);

describe('reminders and escalation', () => {
  it('nothing a week before; 3 days before to the enterprise, once however often the job runs', async () => {
    await setShanghai(addDays(general.deadline, -4), '09:00:00');
    await job(s).run();
    expect(await notices()).toEqual([]);
    await setShanghai(addDays(general.deadline, -3), '09:00:00');
    await job(s).run();
    await job(s).run();
    expect(await keysFor(general.id, 'memberA1')).toEqual(['d3']);
    expect(await keysFor(general.id, 'ownerA1')).toEqual(['d3']);
    expect(await keysFor(general.id, 'leadA')).toEqual([]);
    const inbox = await as('ownerA1').get('/api/notifications');
    expect(inbox.body.items[0]).toMatchObject({ kind: 'hazard_reminder', title: '整改期限临近', link: `/hazards/${general.id}` });
    expect(inbox.body.items[0].body).toContain('还剩 3 天');
  });

  it('two instances running the job at the same moment give each notice once', async () => {
    await setShanghai(addDays(general.deadline, -1), '08:00:00');
    const before = (await notices()).length;
    const runs = await Promise.all([job(s).run(), job(s2).run(), job(s).run(), job(s2).run()]);
    expect(runs.every((r) => r.offered === 2)).toBe(true);
    const after = await notices();
    expect(after.length - before).toBe(2);
    expect(new Set(after.map((n) => n.dedupeKey)).size).toBe(after.length);
    expect(await keysFor(general.id, 'memberA1')).toEqual(['d1', 'd3']);
  });

  it('on the day; at 00:00 Shanghai the day after it is overdue and the coop admin hears, the supervisor not yet', async () => {
    await setShanghai(general.deadline, '23:59:00');
    await job(s2).run();
    expect(await keysFor(general.id, 'memberA1')).toEqual(['d0', 'd1', 'd3']);
    const lastMinute = (await as('memberA1').get(`/api/hazards/${general.id}`)).body;
    expect(lastMinute).toMatchObject({ overdue: false, daysLeft: 0 });

    for (const srv of [s, s2]) srv.clock.advance(2 * 60_000);
    for (const u of Object.keys(tokens)) tokens[u] = await b.token(u);
    const late = (await as('memberA1').get(`/api/hazards/${general.id}`)).body;
    expect(late).toMatchObject({ overdue: true, daysLeft: -1 });
    await Promise.all([job(s).run(), job(s2).run()]);
    expect(await keysFor(general.id, 'leadA')).toEqual(['oc']);
    expect(await keysFor(general.id, 'memberA1')).toEqual(['d0', 'd1', 'd3', 'oc']);
    expect(await keysFor(general.id, 'supervisorD')).toEqual([]);
    expect(await keysFor(general.id, 'leadB')).toEqual([]);
  });

  it('the supervisor on day 7 for a general hazard; a supervisor of another town never', async () => {
    await setShanghai(addDays(general.deadline, 6), '10:00:00');
    await job(s).run();
    expect(await keysFor(general.id, 'supervisorD')).toEqual([]);
    await setShanghai(addDays(general.deadline, 7), '10:00:00');
    await Promise.all([job(s).run(), job(s2).run()]);
    expect(await keysFor(general.id, 'supervisorD')).toEqual(['os']);
    expect(await keysFor(general.id, 'supervisorTB')).toEqual([]);
    const esc = (await notices()).find((n) => n.userId === ids.supervisorD && n.dedupeKey.includes(general.id));
    expect(esc?.body).toContain('逾期 7 天');
  });

  it('a major hazard reaches the supervisor on its first overdue day', async () => {
    await setShanghai(addDays(major.deadline, 1), '00:30:00');
    await job(s).run();
    expect(await keysFor(major.id, 'supervisorD')).toEqual(['os']);
    expect(await keysFor(major.id, 'leadA')).toEqual(['oc']);
  });

  it('the inbox lists unread first and marks read', async () => {
    const all = (await as('memberA1').get('/api/notifications?pageSize=100')).body;
    expect(all.unread).toBe(all.total);
    const oldest = all.items.at(-1);
    expect((await as('memberA1').post(`/api/notifications/${oldest.id}/read`)).body.readAt).not.toBeNull();
    const newest = all.items[0];
    expect((await as('memberA1').post(`/api/notifications/${newest.id}/read`)).status).toBe(200);
    const again = (await as('memberA1').get('/api/notifications?pageSize=100')).body;
    expect(again.unread).toBe(all.total - 2);
    expect(again.items.slice(-2).map((n: { id: string }) => n.id).sort()).toEqual([oldest.id, newest.id].sort());
    expect(again.items.slice(0, -2).every((n: { readAt: string | null }) => n.readAt === null)).toBe(true);
    // someone else's notice: 404
    expect((await as('ownerA1').post(`/api/notifications/${newest.id}/read`)).status).toBe(404);
  });

  it('全部已读 marks the caller’s unread notices only, once however many taps race; a repeat marks none', async () => {
    const lead = (await as('leadA').get('/api/notifications?unread=true')).body.unread;
    expect(lead).toBeGreaterThan(0);
    const before = (await as('memberA1').get('/api/notifications?pageSize=100')).body;
    expect(before.unread).toBeGreaterThan(0);
    // 20 taps at once (a double tap, re-sends): all answer 200, each row is marked by exactly one of them
    const all = await Promise.all(Array.from({ length: 20 }, () => as('memberA1').post('/api/notifications/read-all')));
    expect(all.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(all.reduce((n, r) => n + r.body.marked, 0)).toBe(before.unread);
    expect(all.map((r) => r.body.unread)).toEqual(Array(20).fill(0));
    const after = (await as('memberA1').get('/api/notifications?pageSize=100')).body;
    expect(after.unread).toBe(0);
    expect(after.items.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
    // the ones read earlier keep their time
    const earlier = before.items.filter((n: { readAt: string | null }) => n.readAt);
    for (const n of earlier) expect(after.items.find((x: { id: string }) => x.id === n.id).readAt).toBe(n.readAt);
    expect((await as('memberA1').post('/api/notifications/read-all')).body).toEqual({ marked: 0, unread: 0 });
    // another person's inbox is untouched
    expect((await as('leadA').get('/api/notifications?unread=true')).body.unread).toBe(lead);
    // without a login: 401
    expect((await request(s.url).post('/api/notifications/read-all')).status).toBe(401);
  });
});
