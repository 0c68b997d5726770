// A server with one database connection (DB_POOL_SIZE=1) still answers: no request may hold a transaction's
// connection and wait for a second one. That wait starved the pool under load: ten submissions with a
// major hazard each held their connection while asking the pool for another to look up the region's
// supervisors, and all of them answered 503 after 2 s (docs/operations.md). On SQLite (one connection
// anyway) the same flow runs without the point being made.
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { addDays } from '../../shared/dates';
import { WorkshopEntity } from '../../server/src/workshops/workshop.entity';
import { Builders, twoCooperatives } from '../support/builders';
import { TEST_DB } from '../support/db';
import { type TestServer, startTestServer } from '../support/server';

jest.setTimeout(120_000);

describe(`one database connection (${TEST_DB})`, () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({
    get: (p: string) => request(s.url).get(p).set('Authorization', `Bearer ${tokens[user]}`),
    post: (p: string, body?: object) => request(s.url).post(p).set('Authorization', `Bearer ${tokens[user]}`).send(body ?? {}),
  });
  let workshopId = '';
  let itemId = '';
  let checklistId = '';
  let coopId = '';
  let districtId = '';

  beforeAll(async () => {
    s = await startTestServer({ env: { DB_POOL_SIZE: '1' } });
    const b = new Builders(s.db, s.url);
    const w = await twoCooperatives(b);
    for (const u of ['memberA1', 'memberA2', 'leadA', 'supervisorD']) tokens[u] = await b.token(u);
    coopId = w.coopA.id;
    districtId = w.d.id;
    const shop = await s.db.getRepository(WorkshopEntity).save({
      enterpriseId: w.a1.id, name: '液氨车间', location: '', responsiblePerson: '', riskLevel: 'red', lecL10: null, lecE10: null, lecC: null,
      qrToken: randomBytes(24).toString('base64url').slice(0, 32), manualCode: randomBytes(8).toString('hex').slice(0, 7).toUpperCase(),
    });
    workshopId = shop.id;
    const lists = await as('memberA1').get('/api/checklists');
    checklistId = lists.body.items.find((c: { familyId: string }) => c.familyId === 'platform-general').id;
    const items = (await as('memberA1').get(`/api/checklists/${checklistId}`)).body.items as { id: string; photoRequiredOnFail: boolean; answerType: string }[];
    itemId = items.find((i) => !i.photoRequiredOnFail && i.answerType === 'pass_fail')?.id ?? '';
  });
  afterAll(() => s?.close());

  it('a patrol submitted with a major hazard, the supervisor told, and its plan filed', async () => {
    const patrol = await as('memberA1').post('/api/inspections', { type: 'self', workshopId, checklistId });
    expect(patrol.status).toBe(201);
    const submitted = await as('memberA1').post(`/api/inspections/${patrol.body.id}/results`, {
      results: [{ clientId: randomUUID(), itemId, answer: 'fail' }],
      hazards: [{ clientId: randomUUID(), itemId, description: '液氨储罐区未设泄漏报警', category: 'fire', level: 'major' }],
      submit: true,
    });
    expect(submitted.status).toBe(200);
    const detail = await as('memberA1').get(`/api/inspections/${patrol.body.id}`);
    const major = detail.body.hazards[0];
    expect(major).toMatchObject({ level: 'major', status: 'reported' });
    const told = await as('supervisorD').get('/api/notifications');
    expect(told.body.items.some((n: { kind: string; link: string }) => n.kind === 'hazard_major_reported' && n.link === `/hazards/${major.id}`)).toBe(true);

    const plan = { responsible: '张厂长', measures: '加装氨泄漏报警并联动排风', funds: 38000, deadline: addDays(major.deadline, 0), contingency: '液氨泄漏专项应急预案' };
    const filed = await as('memberA1').post(`/api/hazards/${major.id}/plan`, plan);
    expect(filed.status).toBe(200);
    expect(filed.body.plan).toMatchObject({ responsible: '张厂长', funds: 38000 });
  });

  it('a notice published, confirmed and reminded; an activity organised', async () => {
    const notice = await as('leadA').post('/api/notices', { cooperativeId: coopId, title: '关于开展冬季消防检查的通知', body: '请各成员企业于月底前完成自查。' });
    expect(notice.status).toBe(201);
    expect((await as('memberA1').post(`/api/notices/${notice.body.id}/ack`, { version: 1 })).status).toBe(200);
    const remind = await as('leadA').post(`/api/notices/${notice.body.id}/remind`);
    expect(remind.status).toBe(200);
    expect(remind.body.reminded).toBeGreaterThan(0);
    const startsAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const activity = await as('leadA').post('/api/activities', { cooperativeId: coopId, kind: 'study', title: '冬季防火集中学习', startsAt, place: '合作社会议室', hostName: '李老师' });
    expect(activity.status).toBe(201);
    const inbox = await as('memberA2').get('/api/notifications');
    expect(inbox.body.items.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['notice_published', 'notice_reminder', 'activity_invited']));
  });

  it('the district’s supervisor publishes to every cooperative below it', async () => {
    const notice = await as('supervisorD').post('/api/notices', { regionId: districtId, category: 'bulletin', title: '东港区十一月安全生产通报', body: '全区各合作社十一月共排查隐患 132 项。' });
    expect(notice.status).toBe(201);
    expect(notice.body.recipientCount).toBeGreaterThan(1);
    const got = await as('memberA1').get('/api/notices?box=received&unconfirmed=true');
    expect(got.body.items.map((n: { id: string }) => n.id)).toContain(notice.body.id);
  });
});
