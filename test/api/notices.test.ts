// Notices with acknowledgement through the API: who may publish where, who receives, confirmation once per
// person and version, who has not confirmed, reminder rounds (once per round, a double tap is one round),
// re-publishing a change (everybody confirms again), and races. SQLite and MariaDB.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NoticeAckEntity, NoticeEntity } from '../../server/src/notices/notice.entity';
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
  for (const u of ['admin', 'leadA', 'memberA1', 'memberA2', 'memberB1', 'leadB', 'supervisorD', 'supervisorTB', 'expertD', 'nobody']) {
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

const inbox = (user: string, kind: string) =>
  s.db.getRepository(NotificationEntity).find({ where: { userId: ids[user], kind: kind as NotificationEntity['kind'] }, order: { createdAt: 'ASC' } });

const names = (people: { name: string }[]) => people.map((p) => p.name).sort();

describe('publishing', () => {
  it('a coop admin publishes to their cooperative: its members\' people are told, nobody else', async () => {
    const res = await as('leadA').post('/api/notices', { cooperativeId: w.coopA.id, title: '关于开展冬季消防安全检查的通知', body: '各成员企业：\n请于12月20日前完成自查。' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 1, recipientCount: 3, confirmedCount: 0, scopeName: '甲镇互助合作社', canManage: true, category: 'notice' });
    const id = res.body.id as string;
    for (const u of ['leadA', 'memberA1', 'memberA2']) {
      const got = await inbox(u, 'notice_published');
      expect(got.map((n) => [n.title, n.body, n.link])).toContainEqual(['新通知，请阅读确认', '关于开展冬季消防安全检查的通知', `/notices/${id}`]);
    }
    expect(await inbox('memberB1', 'notice_published')).toHaveLength(0);
    expect((await as('memberB1').get(`/api/notices/${id}`)).status).toBe(404);
    expect((await as('leadB').get(`/api/notices/${id}`)).status).toBe(404);
    // readers of the cooperative who are not recipients see it without confirming
    const sup = await as('supervisorD').get(`/api/notices/${id}`);
    expect(sup.status).toBe(200);
    expect(sup.body).toMatchObject({ recipient: false, canManage: false });
    const mine = await as('memberA1').get(`/api/notices/${id}`);
    expect(mine.body).toMatchObject({ recipient: true, confirmedAt: null, canManage: false, body: '各成员企业：\n请于12月20日前完成自查。' });
  });

  it('the same publish sent 20 times at once (a dropped connection, a double tap) makes one notice, told once', async () => {
    const clientId = randomUUID();
    const title = '重发的停电检修通知';
    const body = { cooperativeId: w.coopA.id, title, body: '12月9日全天停电检修。', clientId };
    const all = await Promise.all(Array.from({ length: 20 }, () => as('leadA').post('/api/notices', body)));
    expect(all.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(all.map((r) => r.body.id)).size).toBe(1);
    const id = all[0].body.id;
    expect(await s.db.getRepository(NoticeEntity).countBy({ title })).toBe(1);
    const told = await s.db.getRepository(NotificationEntity).countBy({ kind: 'notice_published', link: `/notices/${id}` });
    expect(told).toBe(all[0].body.recipientCount);
  });

  it('only the scope\'s publisher: a member, another coop\'s admin, a supervisor of another town are refused', async () => {
    const body = { title: '测试通知标题', body: '内容' };
    expect((await as('memberA1').post('/api/notices', { ...body, cooperativeId: w.coopA.id })).status).toBe(403);
    expect((await as('leadB').post('/api/notices', { ...body, cooperativeId: w.coopA.id })).status).toBe(403);
    expect((await as('supervisorTB').post('/api/notices', { ...body, regionId: w.ta.id })).status).toBe(403);
    expect((await as('expertD').post('/api/notices', { ...body, regionId: w.d.id })).status).toBe(403);
    const both = await as('leadA').post('/api/notices', { ...body, cooperativeId: w.coopA.id, regionId: w.ta.id });
    expect(both.status).toBe(422);
    expect(both.body.error.fields).toHaveProperty('cooperativeId');
  });

  it('a district supervisor publishes to the district: every cooperative\'s members below it', async () => {
    const res = await as('supervisorD').post('/api/notices', { regionId: w.d.id, category: 'bulletin', title: '关于第四季度隐患排查情况的通报', body: '通报内容' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ recipientCount: 4, scopeName: '测试区', category: 'bulletin' });
    expect((await inbox('memberB1', 'notice_published')).map((n) => n.title)).toEqual(['新通报，请阅读确认']);
    // a town supervisor publishes to their town only
    const tb = await as('supervisorTB').post('/api/notices', { regionId: w.tb.id, title: '乙镇通知', body: '内容' });
    expect(tb.body.recipientCount).toBe(1);
  });
});

describe('confirming, acks, reminders, re-publishing', () => {
  let id: string;
  beforeAll(async () => {
    id = (await as('leadA').post('/api/notices', { cooperativeId: w.coopA.id, title: '关于参加应急演练的通知', body: '请各企业派员参加。' })).body.id;
  });

  it('a recipient confirms once; a repeat keeps the first time; a non-recipient cannot', async () => {
    const first = await as('memberA1').post(`/api/notices/${id}/ack`);
    expect(first.status).toBe(200);
    expect(first.body.confirmedAt).toEqual(expect.any(String));
    s.clock.advance(5_000);
    const again = await as('memberA1').post(`/api/notices/${id}/ack`, { version: 1 });
    expect(again.body.confirmedAt).toBe(first.body.confirmedAt);
    expect(again.body.confirmedCount).toBe(1);
    expect((await as('supervisorD').post(`/api/notices/${id}/ack`)).status).toBe(403);
    expect((await as('memberB1').post(`/api/notices/${id}/ack`)).status).toBe(404);
    // confirming reads the notice's messages in the inbox
    expect((await inbox('memberA1', 'notice_published')).filter((n) => n.link === `/notices/${id}`).every((n) => n.readAt)).toBe(true);
  });

  it('the publisher sees who confirmed and who has not; others may not', async () => {
    const res = await as('leadA').get(`/api/notices/${id}/acks`);
    expect(res.status).toBe(200);
    expect(names(res.body.confirmed)).toEqual(['memberA1']);
    expect(names(res.body.pending)).toEqual(['leadA', 'memberA2']);
    expect(res.body.confirmed[0]).toMatchObject({ enterpriseName: '甲镇一号食品厂', confirmedAt: expect.any(String), reminded: 0 });
    expect((await as('memberA1').get(`/api/notices/${id}/acks`)).status).toBe(403);
    expect((await as('supervisorTB').get(`/api/notices/${id}/acks`)).status).toBe(404);
  });

  it('reminds those who have not confirmed, once per round; a double tap is the same round', async () => {
    const r1 = await as('leadA').post(`/api/notices/${id}/remind`);
    expect(r1.body).toEqual({ round: 1, reminded: 2 });
    const tap = await as('leadA').post(`/api/notices/${id}/remind`);
    expect(tap.body).toEqual({ round: 1, reminded: 0 });
    expect((await inbox('memberA2', 'notice_reminder')).map((n) => n.title)).toEqual(['请确认通知（第 1 次提醒）']);
    expect(await inbox('memberA1', 'notice_reminder')).toHaveLength(0);
    await as('memberA2').post(`/api/notices/${id}/ack`);
    s.clock.advance(11 * 60_000);
    const r2 = await as('leadA').post(`/api/notices/${id}/remind`);
    expect(r2.body).toEqual({ round: 2, reminded: 1 });
    expect((await inbox('leadA', 'notice_reminder')).map((n) => n.title)).toEqual(['请确认通知（第 1 次提醒）', '请确认通知（第 2 次提醒）']);
    expect(await inbox('memberA2', 'notice_reminder')).toHaveLength(1);
    const acks = await as('leadA').get(`/api/notices/${id}/acks`);
    expect(acks.body.pending).toEqual([expect.objectContaining({ name: 'leadA', reminded: 2 })]);
    expect((await as('memberA1').post(`/api/notices/${id}/remind`)).status).toBe(403);
  });

  it('re-publishing a change is a new version: confirmations start over, a stale version is refused', async () => {
    const res = await as('leadA').put(`/api/notices/${id}`, { title: '关于参加应急演练的通知（时间调整）', body: '演练改至12月18日。', version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 2, confirmedCount: 0, reminderRounds: 0 });
    const a1 = await as('memberA1').get(`/api/notices/${id}`);
    expect(a1.body).toMatchObject({ version: 2, confirmedAt: null, title: '关于参加应急演练的通知（时间调整）' });
    expect((await inbox('memberA1', 'notice_published')).map((n) => n.title)).toContain('通知已更新，请重新确认');
    // the reader saw version 1: confirm again after reading the change
    const stale = await as('memberA1').post(`/api/notices/${id}/ack`, { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('NOTICE_CHANGED');
    expect((await as('memberA1').post(`/api/notices/${id}/ack`, { version: 2 })).body.confirmedCount).toBe(1);
    expect((await as('leadA').put(`/api/notices/${id}`, { title: '再改一次标题', body: 'x', version: 1 })).body.error.code).toBe('NOTICE_CHANGED');
    expect((await as('memberA1').put(`/api/notices/${id}`, { title: '成员不能改', body: 'x' })).status).toBe(403);
    // the old version's acks are kept (history), the new one counts on its own
    expect(await s.db.getRepository(NoticeAckEntity).countBy({ noticeId: id, userId: ids.memberA1 })).toBe(2);
    // a reminder round of version 2 starts at 1 again
    expect((await as('leadA').post(`/api/notices/${id}/remind`)).body).toEqual({ round: 1, reminded: 2 });
  });

  it('lists: the member\'s unconfirmed first; the publisher\'s box', async () => {
    const un = await as('memberA2').get('/api/notices?box=received&unconfirmed=true');
    expect(un.status).toBe(200);
    expect(un.body.items.map((n: { id: string }) => n.id)).toContain(id);
    expect(un.body.items.every((n: { recipient: boolean; confirmedAt: string | null }) => n.recipient && n.confirmedAt === null)).toBe(true);
    const pub = await as('leadA').get('/api/notices?box=published&pageSize=100');
    expect(pub.body.items.every((n: { cooperativeId: string | null }) => n.cooperativeId === w.coopA.id)).toBe(true);
    // B1's: the district's bulletin and its town's notice, none of cooperative A's
    expect((await as('memberB1').get('/api/notices')).body.items.map((n: { title: string }) => n.title).sort()).toEqual(['乙镇通知', '关于第四季度隐患排查情况的通报']);
  });
});

describe('attachments', () => {
  it('recipients fetch a notice\'s attachment with their token; other cooperatives get 404', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = await request(s.url).post('/api/files').set('Authorization', `Bearer ${tokens.leadA}`).attach('file', pdf, 'notice.pdf');
    expect(up.status).toBe(201);
    const n = await as('leadA').post('/api/notices', { cooperativeId: w.coopA.id, title: '附件通知测试', body: '见附件', attachmentIds: [up.body.id] });
    expect(n.body.attachments).toEqual([expect.objectContaining({ id: up.body.id, mime: 'application/pdf' })]);
    expect((await as('memberA2').get(`/api/files/${up.body.id}`)).status).toBe(200);
    expect((await as('memberB1').get(`/api/files/${up.body.id}`)).status).toBe(404);
    const foreign = await as('leadA').post('/api/notices', { cooperativeId: w.coopA.id, title: '别人的附件', body: 'x', attachmentIds: [up.body.id, 'nope'] });
    expect(foreign.body.error.fields).toHaveProperty('attachmentIds');
  });
});

describe('races', () => {
  it('20 confirmations of one person at once: one row; 10 reminder taps at once: one round', async () => {
    const id = (await as('leadA').post('/api/notices', { cooperativeId: w.coopA.id, title: '并发确认测试通知', body: '内容' })).body.id as string;
    const acks = await Promise.all(Array.from({ length: 20 }, () => as('memberA2').post(`/api/notices/${id}/ack`)));
    expect(acks.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(new Set(acks.map((r) => r.body.confirmedAt)).size).toBe(1);
    expect(await s.db.getRepository(NoticeAckEntity).countBy({ noticeId: id })).toBe(1);
    const taps = await Promise.all(Array.from({ length: 10 }, () => as('leadA').post(`/api/notices/${id}/remind`)));
    expect(taps.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(taps.filter((r) => r.body.reminded > 0).map((r) => r.body)).toEqual([{ round: 1, reminded: 2 }]);
    const sent = await s.db.getRepository(NotificationEntity).countBy({ kind: 'notice_reminder', link: `/notices/${id}` });
    expect(sent).toBe(2);
    // once everybody has confirmed there is nobody to remind, and no new round
    await Promise.all(['leadA', 'memberA1'].map((u) => as(u).post(`/api/notices/${id}/ack`)));
    s.clock.advance(11 * 60_000);
    expect((await as('leadA').post(`/api/notices/${id}/remind`)).body).toEqual({ round: 1, reminded: 0 });
  });
});
