// Activities through the API: organising (who, invitees, materials, kind-specific records), invitations in the
// inbox, the organiser's rotating sign-in code, sign-in by scanning it (forged and expired codes refused with
// the clock moved), one sign-in per person under 20 parallel scans, attendance per member, counters. SQLite and MariaDB.
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { CHECKIN_WINDOW_MS } from '../../shared/checkin-code';
import { ActivityCheckinEntity, ActivityEntity } from '../../server/src/activities/activity.entity';
import { StoredFileEntity } from '../../server/src/files/stored-file.entity';
import { NotificationEntity } from '../../server/src/notifications/notification.entity';
import { UserEntity } from '../../server/src/users/user.entity';
import { Builders, type World, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

jest.setTimeout(120_000);

let s: TestServer;
let w: World;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  s = await startTestServer();
  const b = new Builders(s.db, s.url);
  w = await twoCooperatives(b);
  for (const u of ['admin', 'leadA', 'memberA1', 'memberA2', 'memberB1', 'leadB', 'supervisorD', 'supervisorTB', 'expertD']) {
    tokens[u] = await b.token(u);
    ids[u] = (await s.db.getRepository(UserEntity).findOneByOrFail({ username: u.toLowerCase() })).id;
  }
});
afterAll(() => s.close());

const as = (user: string) => ({
  get: (path: string) => request(s.url).get(path).set('Authorization', `Bearer ${tokens[user]}`),
  post: (path: string, body?: object) => request(s.url).post(path).set('Authorization', `Bearer ${tokens[user]}`).send(body ?? {}),
  put: (path: string, body: object) => request(s.url).put(path).set('Authorization', `Bearer ${tokens[user]}`).send(body),
});

async function file(user: string): Promise<string> {
  const row = await s.db.getRepository(StoredFileEntity).save({
    storageKey: randomBytes(16).toString('hex'), thumbKey: null, mime: 'application/pdf', size: 2048, width: null, height: null,
    uploadedById: ids[user], enterpriseId: null, workshopId: null, inspectionId: null,
  });
  return row.id;
}

/** Moves the clock to just after a code rotation, so a few requests fit in one 30-second window. */
const atWindowStart = () => s.clock.advance(CHECKIN_WINDOW_MS - (s.clock.now().getTime() % CHECKIN_WINDOW_MS) + 20);

const hoursFromNow = (h: number) => new Date(s.clock.now().getTime() + h * 3_600_000).toISOString();

const study = (over: object = {}) => ({
  cooperativeId: w.coopA.id,
  kind: 'study',
  title: '《安全生产法》第三次修正集中学习',
  startsAt: hoursFromNow(-1),
  place: '合作社会议室',
  hostName: '焦自祥',
  ...over,
});

describe('organising', () => {
  let id: string;
  it('the coop admin invites members: their people are told, materials are shown with signed links', async () => {
    const pdf = await file('leadA');
    const res = await as('leadA').post('/api/activities', { ...study(), invitedEnterpriseIds: [w.a1.id, w.a2.id], materialIds: [pdf], details: { kind: 'study', outline: '第一章 总则' } });
    expect(res.status).toBe(201);
    id = res.body.id;
    expect(res.body).toMatchObject({ kind: 'study', invitedCount: 2, checkedInCount: 0, canManage: true, cooperativeName: '甲镇互助合作社', details: { kind: 'study', outline: '第一章 总则' } });
    expect(res.body.invitees.map((p: { name: string }) => p.name).sort()).toEqual(['memberA1', 'memberA2']);
    expect(res.body.materials).toEqual([expect.objectContaining({ id: pdf, mime: 'application/pdf', signedUrl: expect.stringContaining(`/api/files/${pdf}/img?`) })]);
    const note = await s.db.getRepository(NotificationEntity).findOneByOrFail({ userId: ids.memberA1, kind: 'activity_invited' });
    expect(note.title).toBe('集中学习邀请');
    expect(note.body).toContain('《安全生产法》第三次修正集中学习。时间：');
    expect(note.body).toContain('地点：合作社会议室');
    expect(note.link).toBe(`/activities/${id}`);
    expect(await s.db.getRepository(NotificationEntity).countBy({ kind: 'activity_invited', userId: ids.leadA })).toBe(0);
  });

  it('the same create sent 20 times at once (a dropped connection, a double tap) makes one activity, told once', async () => {
    const clientId = randomUUID();
    const title = '重发的集中学习';
    const all = await Promise.all(Array.from({ length: 20 }, () => as('leadA').post('/api/activities', study({ title, clientId, startsAt: hoursFromNow(72), endsAt: null }))));
    expect(all.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(all.map((r) => r.body.id)).size).toBe(1);
    const id = all[0].body.id;
    expect(await s.db.getRepository(ActivityEntity).countBy({ title })).toBe(1);
    const told = await s.db.getRepository(NotificationEntity).countBy({ kind: 'activity_invited', link: `/activities/${id}` });
    expect(told).toBe(all[0].body.invitedCount);
    // another organiser's form with the same id is their own activity
    expect((await as('supervisorD').post('/api/activities', study({ title, clientId, startsAt: hoursFromNow(72), endsAt: null }))).body.id).not.toBe(id);
    expect((await as('leadA').post('/api/activities', study({ title, clientId: 'not-a-uuid', startsAt: hoursFromNow(72), endsAt: null }))).status).toBe(422);
  });

  it('who sees it: members and readers of the cooperative; not another cooperative', async () => {
    const mine = await as('memberA1').get(`/api/activities/${id}`);
    expect(mine.body).toMatchObject({ invited: true, canCheckin: true, canManage: false, myCheckinAt: null });
    expect((await as('supervisorD').get(`/api/activities/${id}`)).status).toBe(200);
    expect((await as('memberB1').get(`/api/activities/${id}`)).status).toBe(404);
    expect((await as('leadB').get(`/api/activities/${id}`)).status).toBe(404);
  });

  it('refuses members as organisers, foreign materials and invitees, and records that do not fit the kind', async () => {
    expect((await as('memberA1').post('/api/activities', study())).status).toBe(403);
    expect((await as('leadB').post('/api/activities', study())).status).toBe(403);
    expect((await as('supervisorTB').post('/api/activities', study())).status).toBe(403);
    const bad = await as('leadA').post('/api/activities', study({ invitedEnterpriseIds: [w.b1.id], materialIds: [await file('memberA1')] }));
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['invitedEnterpriseIds.0', 'materialIds']);
    const foreign = await as('leadA').post('/api/activities', study({ invitedUserIds: [ids.memberB1, ids.expertD], hostUserId: ids.memberB1 }));
    expect(Object.keys(foreign.body.error.fields).sort()).toEqual(['hostUserId', 'invitedUserIds.0']);
    const drill = await as('leadA').post('/api/activities', study({ kind: 'drill' }));
    expect(drill.body.error.fields).toHaveProperty('details');
    const mismatch = await as('leadA').post('/api/activities', study({ kind: 'meeting', details: { kind: 'drill', emergencyPlan: '火灾' } }));
    expect(mismatch.body.error.fields).toHaveProperty(['details.kind']);
  });

  it('an expert named as teacher and invitee: invited on their own, reads it and may sign in', async () => {
    const res = await as('leadA').post('/api/activities', { ...study({ kind: 'teaching', title: '专题教：电气火灾防范', hostName: 'expertD', hostUserId: ids.expertD }), invitedEnterpriseIds: [w.a2.id], invitedUserIds: [ids.expertD] });
    expect(res.status).toBe(201);
    expect(res.body.invitees.map((p: { name: string; enterpriseId: string | null }) => [p.name, p.enterpriseId])).toEqual([
      ['expertD', null],
      ['memberA2', w.a2.id],
    ]);
    const seen = await as('expertD').get(`/api/activities/${res.body.id}`);
    expect(seen.body).toMatchObject({ invited: true, canCheckin: true, hostUserId: ids.expertD });
    expect((await s.db.getRepository(NotificationEntity).findOneByOrFail({ userId: ids.expertD, kind: 'activity_invited' })).title).toBe('专题教邀请');
  });

  it('a supervisor over the town organises a drill; with no invitees the whole cooperative is invited', async () => {
    const res = await as('supervisorD').post('/api/activities', {
      ...study({ kind: 'drill', title: '乙炔气瓶泄漏应急演练', hostName: '王科长' }),
      details: { kind: 'drill', emergencyPlan: '日照市溶解乙炔气厂生产安全事故应急预案', scenario: '充装间气瓶阀门泄漏', participants: '三家企业 12 人' },
    });
    expect(res.status).toBe(201);
    expect(res.body.invitedCount).toBe(3);
    expect(res.body.details).toMatchObject({ kind: 'drill', emergencyPlan: '日照市溶解乙炔气厂生产安全事故应急预案', findings: '' });
    // the findings come after the drill
    const upd = await as('supervisorD').put(`/api/activities/${res.body.id}`, { details: { ...res.body.details, findings: '应急照明一处不亮' } });
    expect(upd.body.details.findings).toBe('应急照明一处不亮');
    expect((await as('memberA1').put(`/api/activities/${res.body.id}`, { description: 'x' })).status).toBe(403);
  });
});

describe('materials', () => {
  it('readers of the activity fetch its materials with their token; others get 404', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = await request(s.url).post('/api/files').set('Authorization', `Bearer ${tokens.leadA}`).attach('file', pdf, 'material.pdf');
    expect(up.status).toBe(201);
    // not attached yet: only the uploader
    expect((await as('memberA1').get(`/api/files/${up.body.id}`)).status).toBe(404);
    await as('leadA').post('/api/activities', { ...study({ title: '带资料的学习' }), invitedEnterpriseIds: [w.a1.id], materialIds: [up.body.id] });
    const got = await as('memberA1').get(`/api/files/${up.body.id}`);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect((await as('supervisorD').get(`/api/files/${up.body.id}`)).status).toBe(200);
    expect((await as('memberB1').get(`/api/files/${up.body.id}`)).status).toBe(404);
  });
});

describe('sign-in with the rotating code', () => {
  let id: string;
  let other: string;
  beforeAll(async () => {
    id = (await as('leadA').post('/api/activities', { ...study({ kind: 'exchange', title: '食品企业除尘经验交流' }), invitedEnterpriseIds: [w.a1.id, w.a2.id] })).body.id;
    other = (await as('leadA').post('/api/activities', study({ title: '另一场学习' }))).body.id;
  });

  it('only the organiser sees the code; it rotates every 30 s', async () => {
    expect((await as('memberA1').get(`/api/activities/${id}/checkin-code`)).status).toBe(403);
    atWindowStart();
    const a = await as('leadA').get(`/api/activities/${id}/checkin-code`);
    expect(a.status).toBe(200);
    expect(a.body.code).toMatch(/^\d+\.[0-9a-f]{12}$/);
    expect(a.body.qrText).toBe(`anquan-checkin:${id}:${a.body.code}`);
    expect(a.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const left = Date.parse(a.body.expiresAt) - s.clock.now().getTime();
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(CHECKIN_WINDOW_MS);
    s.clock.advance(CHECKIN_WINDOW_MS);
    const b = await as('leadA').get(`/api/activities/${id}/checkin-code`);
    expect(b.body.code).not.toBe(a.body.code);
  });

  it('forged codes and another activity\'s code are refused; a code from 2 windows ago has expired; the last one still works', async () => {
    atWindowStart();
    const { code, qrText } = (await as('leadA').get(`/api/activities/${id}/checkin-code`)).body;
    const [win, mac] = code.split('.');
    const forged = await as('memberA1').post(`/api/activities/${id}/checkin`, { code: `${win}.${mac.replace(/./, (c: string) => (c === 'a' ? 'b' : 'a'))}` });
    expect(forged.status).toBe(422);
    expect(forged.body.error.code).toBe('CHECKIN_CODE_INVALID');
    const theirs = (await as('leadA').get(`/api/activities/${other}/checkin-code`)).body;
    expect((await as('memberA1').post(`/api/activities/${id}/checkin`, { code: theirs.qrText })).body.error.code).toBe('CHECKIN_CODE_INVALID');
    expect((await as('memberA1').post(`/api/activities/${id}/checkin`, { code: theirs.code })).body.error.code).toBe('CHECKIN_CODE_INVALID');
    // a photo of the screen sent to someone at home: two rotations later it no longer signs in
    s.clock.advance(2 * CHECKIN_WINDOW_MS);
    const late = await as('memberA1').post(`/api/activities/${id}/checkin`, { code: qrText });
    expect(late.status).toBe(422);
    expect(late.body.error).toMatchObject({ code: 'CHECKIN_CODE_EXPIRED', message: '签到码已过期，请重新扫描现场二维码' });
    expect(await s.db.getRepository(ActivityCheckinEntity).countBy({ activityId: id })).toBe(0);
    // scanned just before the screen rotated, sent just after: still good
    atWindowStart();
    const fresh = (await as('leadA').get(`/api/activities/${id}/checkin-code`)).body;
    s.clock.advance(CHECKIN_WINDOW_MS);
    const ok = await as('memberA1').post(`/api/activities/${id}/checkin`, { code: fresh.qrText });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ activityId: id, first: true });
  });

  it('a second scan keeps the first time; people outside the cooperative cannot sign in', async () => {
    const { code } = (await as('leadA').get(`/api/activities/${id}/checkin-code`)).body;
    const before = (await as('memberA1').get(`/api/activities/${id}`)).body.myCheckinAt;
    const again = await as('memberA1').post(`/api/activities/${id}/checkin`, { code });
    expect(again.body).toMatchObject({ first: false, checkedInAt: before });
    expect((await as('memberB1').post(`/api/activities/${id}/checkin`, { code })).status).toBe(404);
    expect((await as('supervisorD').post(`/api/activities/${id}/checkin`, { code })).status).toBe(403);
    // a member of the cooperative who was not invited may still come
    expect((await as('leadA').post(`/api/activities/${id}/checkin`, { code })).body.first).toBe(true);
  });

  it('20 scans of one person at once: one sign-in', async () => {
    const { code } = (await as('leadA').get(`/api/activities/${id}/checkin-code`)).body;
    const res = await Promise.all(Array.from({ length: 20 }, () => as('memberA2').post(`/api/activities/${id}/checkin`, { code })));
    expect(res.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(res.filter((r) => r.body.first)).toHaveLength(1);
    expect(new Set(res.map((r) => r.body.checkedInAt)).size).toBe(1);
    expect(await s.db.getRepository(ActivityCheckinEntity).countBy({ activityId: id, userId: ids.memberA2 })).toBe(1);
  });

  it('attendance: signed in and absent per person and per member (organiser only)', async () => {
    const absentee = (await as('leadA').post('/api/activities', { ...study({ title: '缺席测试' }), invitedEnterpriseIds: [w.a1.id, w.a2.id] })).body.id;
    const { code } = (await as('leadA').get(`/api/activities/${absentee}/checkin-code`)).body;
    await as('memberA1').post(`/api/activities/${absentee}/checkin`, { code });
    const res = await as('leadA').get(`/api/activities/${absentee}/attendance`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ invited: 2, present: 1 });
    expect(res.body.signedIn).toEqual([expect.objectContaining({ name: 'memberA1', enterpriseName: '甲镇一号食品厂', invited: true, at: expect.any(String) })]);
    expect(res.body.absent).toEqual([expect.objectContaining({ name: 'memberA2', enterpriseName: '甲镇二号玩具厂' })]);
    expect(res.body.byEnterprise).toEqual([
      { enterpriseId: w.a2.id, enterpriseName: '甲镇二号玩具厂', invited: 1, present: 0 },
      { enterpriseId: w.a1.id, enterpriseName: '甲镇一号食品厂', invited: 1, present: 1 },
    ]);
    const full = (await as('leadA').get(`/api/activities/${id}/attendance`)).body;
    expect(full.signedIn.map((p: { name: string; invited: boolean }) => [p.name, p.invited])).toEqual([
      ['memberA1', true],
      ['leadA', false],
      ['memberA2', true],
    ]);
    expect(full.absent).toEqual([]);
    expect((await as('memberA1').get(`/api/activities/${absentee}/attendance`)).status).toBe(403);
  });
});

describe('lists and counters', () => {
  it('the calendar window and the invited filter', async () => {
    const future = (await as('leadA').post('/api/activities', study({ kind: 'teaching', title: '有限空间作业专题教', startsAt: hoursFromNow(24 * 40) }))).body.id;
    const all = await as('memberA1').get('/api/activities?pageSize=100');
    expect(all.body.items[0].id).toBe(future);
    const day = new Date(Date.parse(hoursFromNow(24 * 40)) + 8 * 3_600_000).toISOString().slice(0, 10);
    const win = await as('memberA1').get(`/api/activities?from=${day}&to=${day}`);
    expect(win.body.items.map((a: { id: string }) => a.id)).toEqual([future]);
    const invited = await as('memberA1').get('/api/activities?invited=true&pageSize=100');
    expect(invited.body.items.every((a: { invited: boolean }) => a.invited)).toBe(true);
    expect((await as('memberB1').get('/api/activities')).body.total).toBe(0);
  });

  it('counts what took place by kind, with sign-ins, per cooperative and region', async () => {
    const coop = await as('leadA').get(`/api/activities/stats?cooperativeId=${w.coopA.id}`);
    expect(coop.status).toBe(200);
    // studies: the first, 带资料的学习, 另一场学习, 缺席测试; the expert's teaching, the drill and the exchange; the later teaching lies in the future
    expect(coop.body.byKind).toEqual({ study: 4, teaching: 1, exchange: 1, meeting: 0, drill: 1 });
    expect(coop.body.total).toBe(7);
    expect(coop.body.attendance).toBe(4);
    const town = await as('supervisorD').get(`/api/activities/stats?regionId=${w.tb.id}`);
    expect(town.body.total).toBe(0);
    expect((await as('memberB1').get(`/api/activities/stats?cooperativeId=${w.coopA.id}`)).body.total).toBe(0);
  });
});
