// Experts through the API, end to end: registration (who may, for where), the list each role sees, a visit
// scheduled (an `expert` inspection with the expert as its group; expert and enterprise told), run with the
// inspection routes, the prescription written and printed (PDF text read with pdftotext), the expert verifying
// the fix, and the counters per cooperative and region. SQLite and MariaDB.
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { StoredFileEntity } from '../../server/src/files/stored-file.entity';
import { HazardEntity } from '../../server/src/hazards/hazard.entity';
import { NotificationEntity } from '../../server/src/notifications/notification.entity';
import { RoleGrantEntity } from '../../server/src/users/role-grant.entity';
import { UserEntity } from '../../server/src/users/user.entity';
import { Builders, type World, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

jest.setTimeout(120_000);

let s: TestServer;
let w: World;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
let b: Builders;

beforeAll(async () => {
  s = await startTestServer();
  b = new Builders(s.db, s.url);
  w = await twoCooperatives(b);
  for (const u of ['admin', 'leadA', 'memberA1', 'memberA2', 'memberB1', 'leadB', 'supervisorD', 'supervisorTB']) await login(u);
});
afterAll(() => s.close());

async function login(u: string): Promise<void> {
  tokens[u] = await b.token(u);
  ids[u] = (await s.db.getRepository(UserEntity).findOneByOrFail({ username: u.toLowerCase() })).id;
}

const as = (user: string) => ({
  get: (path: string) => request(s.url).get(path).set('Authorization', `Bearer ${tokens[user]}`),
  post: (path: string, body?: object) => request(s.url).post(path).set('Authorization', `Bearer ${tokens[user]}`).send(body ?? {}),
  put: (path: string, body: object) => request(s.url).put(path).set('Authorization', `Bearer ${tokens[user]}`).send(body),
});
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const download = (user: string, path: string) => request(s.url).get(path).set('Authorization', `Bearer ${tokens[user]}`).buffer(true).parse(binary);
const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, '');

async function photo(user: string): Promise<string> {
  const row = await s.db.getRepository(StoredFileEntity).save({
    storageKey: randomBytes(16).toString('hex'), thumbKey: null, mime: 'image/jpeg', size: 1234, width: 100, height: 100,
    uploadedById: ids[user], enterpriseId: null, workshopId: null, inspectionId: null,
  });
  return row.id;
}

describe('registering experts', () => {
  it('a district supervisor registers an expert account for the district; it can log in as an expert', async () => {
    const res = await as('supervisorD').post('/api/experts', {
      username: 'expertX', password: 'expert-pass-1', name: '孙安平', field: '危险化学品', certificates: ['注册安全工程师（化工安全）'], title: '高级工程师', regionId: w.d.id,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '孙安平', username: 'expertx', field: '危险化学品', certificates: ['注册安全工程师（化工安全）'], regionName: '测试区', visits: 0 });
    const lg = await request(s.url).post('/api/auth/password').send({ username: 'expertX', password: 'expert-pass-1' });
    expect(lg.status).toBe(200);
    expect(lg.body.user.roles).toEqual([{ role: 'expert', regionId: w.d.id }]);
    tokens.expertX = lg.body.token;
    ids.expertX = res.body.userId;
  });

  it('a coop admin registers one for the cooperative (its grant names the town, never "everywhere")', async () => {
    await b.user('coopExpert', []);
    const uid = (await s.db.getRepository(UserEntity).findOneByOrFail({ username: 'coopexpert' })).id;
    const res = await as('leadA').post('/api/experts', { userId: uid, field: '电气安全', cooperativeId: w.coopA.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ cooperativeName: '甲镇互助合作社', field: '电气安全', certificates: [] });
    const g = await s.db.getRepository(RoleGrantEntity).findOneByOrFail({ userId: uid, role: 'expert' });
    expect([g.cooperativeId, g.regionId]).toEqual([w.coopA.id, w.ta.id]);
    ids.coopExpert = uid;
  });

  it('refuses the wrong registrars, a taken username, and an unclear scope', async () => {
    const body = { username: 'expertY', password: 'expert-pass-1', name: '李工', field: '消防安全' };
    expect((await as('memberA1').post('/api/experts', { ...body, cooperativeId: w.coopA.id })).status).toBe(403);
    expect((await as('leadB').post('/api/experts', { ...body, cooperativeId: w.coopA.id })).status).toBe(403);
    expect((await as('supervisorTB').post('/api/experts', { ...body, regionId: w.d.id })).status).toBe(403);
    const taken = await as('supervisorD').post('/api/experts', { ...body, username: 'expertX', regionId: w.d.id });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'USERNAME_TAKEN']);
    const both = await as('supervisorD').post('/api/experts', { ...body, regionId: w.d.id, cooperativeId: w.coopA.id });
    expect(both.status).toBe(422);
    // an account working under other roles is not made an expert by a registrar
    const member = await as('leadA').post('/api/experts', { userId: ids.memberA2, field: '消防安全', cooperativeId: w.coopA.id });
    expect(member.body.error.fields).toEqual({ userId: '该用户已有其他角色，不能登记为专家' });
    const none = await as('supervisorD').post('/api/experts', { field: '消防安全', regionId: w.d.id });
    expect(Object.keys(none.body.error.fields).sort()).toEqual(['name', 'password', 'username']);
  });

  it('each sees the experts serving their places', async () => {
    const names = async (u: string) => (await as(u).get('/api/experts')).body.items.map((e: { username: string }) => e.username).sort();
    expect(await names('leadA')).toEqual(['coopexpert', 'expertx']);
    expect(await names('memberA1')).toEqual(['coopexpert', 'expertx']);
    expect(await names('memberB1')).toEqual(['expertx']);
    expect(await names('supervisorTB')).toEqual(['expertx']);
    expect(await names('supervisorD')).toEqual(['coopexpert', 'expertx']);
  });
});

describe('a visit end to end', () => {
  let visitId: string;
  let inspectionId: string;

  it('the supervisor schedules the expert to a member: an expert inspection; the expert and the enterprise are told', async () => {
    const res = await as('supervisorD').post('/api/expert-visits', { enterpriseId: w.a1.id, expertUserId: ids.expertX, scheduledOn: '2026-12-10', purpose: '乙炔瓶库防爆电气和消防设施专项检查' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'planned', expertName: '孙安平', enterpriseName: '甲镇一号食品厂', cooperativeId: w.coopA.id, items: [], prescriptionReady: false, canEditPrescription: false });
    visitId = res.body.id;
    inspectionId = res.body.inspectionId;
    const told = await s.db.getRepository(NotificationEntity).find({ where: { kind: 'expert_visit' } });
    expect(told.map((n) => [n.userId, n.title]).sort()).toEqual([[ids.expertX, '专家上门任务'], [ids.memberA1, '专家上门检查安排']].sort());
    expect(told[0].body).toContain('乙炔瓶库防爆电气和消防设施专项检查');
    expect(told[0].link).toBe(`/expert-visits/${visitId}`);
    const insp = await as('expertX').get(`/api/inspections/${inspectionId}`);
    expect(insp.body).toMatchObject({ type: 'expert', status: 'planned', canStart: true, assigned: true, hostName: '甲镇一号食品厂' });
    expect(insp.body.inspectors).toEqual([expect.objectContaining({ userId: ids.expertX, role: 'expert' })]);
  });

  it('refuses schedulers without reach and experts who do not serve the place', async () => {
    const body = { enterpriseId: w.a1.id, expertUserId: ids.expertX, scheduledOn: '2026-12-11', purpose: '复查' };
    expect((await as('leadB').post('/api/expert-visits', body)).status).toBe(403);
    expect((await as('memberA1').post('/api/expert-visits', body)).status).toBe(403);
    expect((await as('supervisorTB').post('/api/expert-visits', body)).status).toBe(403);
    const far = await as('supervisorD').post('/api/expert-visits', { ...body, enterpriseId: w.b1.id, expertUserId: ids.coopExpert });
    expect(far.body.error.fields).toHaveProperty('expertUserId');
    const notExpert = await as('leadA').post('/api/expert-visits', { ...body, expertUserId: ids.memberA2 });
    expect(notExpert.status).toBe(422);
  });

  it('the expert runs it with the inspection routes: the hazards are the expert\'s findings', async () => {
    expect((await download('memberA1', `/api/expert-visits/${visitId}/prescription.pdf`)).status).toBe(409);
    expect((await as('expertX').post(`/api/inspections/${inspectionId}/start`)).status).toBe(200);
    const res = await as('expertX').post(`/api/inspections/${inspectionId}/results`, {
      hazards: [
        { clientId: randomUUID(), description: '乙炔瓶库照明灯具非防爆型', category: 'electrical', level: 'general' },
        { clientId: randomUUID(), description: '瓶库与值班室未有效分隔，存在三合一情况', category: 'fire', level: 'major' },
      ],
      submit: true,
    });
    expect(res.status).toBe(200);
    const hazards = await s.db.getRepository(HazardEntity).find({ where: { inspectionId }, order: { description: 'ASC' } });
    expect(hazards.map((h) => [h.source, h.foundById, h.enterpriseId])).toEqual([
      ['expert', ids.expertX, w.a1.id],
      ['expert', ids.expertX, w.a1.id],
    ]);
    const v = await as('memberA1').get(`/api/expert-visits/${visitId}`);
    expect(v.body).toMatchObject({ status: 'submitted', hazardCount: 2, prescriptionReady: true });
    expect(v.body.items.map((i: { description: string; advice: string | null }) => [i.description, i.advice]).sort()).toEqual([
      ['乙炔瓶库照明灯具非防爆型', null],
      ['瓶库与值班室未有效分隔，存在三合一情况', null],
    ]);
  });

  it('the expert writes the prescription; the enterprise prints it', async () => {
    const v = (await as('expertX').get(`/api/expert-visits/${visitId}`)).body;
    expect(v.canEditPrescription).toBe(true);
    const lamp = v.items.find((i: { description: string }) => i.description.startsWith('乙炔瓶库照明')).hazardId;
    const body = { advice: '企业主要负责人应组织一次危化品仓储专项培训，建立瓶库每日巡查记录。', items: [{ hazardId: lamp, advice: '更换为 ExdIICT4 防爆灯具，线路穿钢管敷设' }], followUp: '一个月后回访复查' };
    expect((await as('memberA1').put(`/api/expert-visits/${visitId}/prescription`, body)).status).toBe(403);
    const other = await as('expertX').put(`/api/expert-visits/${visitId}/prescription`, { ...body, items: [{ hazardId: randomUUID(), advice: 'x' }] });
    expect(other.body.error.fields).toHaveProperty(['items.0.hazardId']);
    const res = await as('expertX').put(`/api/expert-visits/${visitId}/prescription`, body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ advice: body.advice, followUp: '一个月后回访复查' });

    const pdf = await download('memberA1', `/api/expert-visits/${visitId}/prescription.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(encodeURIComponent('整改处方-甲镇一号食品厂-2026-12-10.pdf'));
    const text = pdfText(pdf.body as Buffer);
    for (const t of ['隐患整改处方', '甲镇一号食品厂', '孙安平（高级工程师）', '2026-12-10', '乙炔瓶库防爆电气和消防设施专项检查', '乙炔瓶库照明灯具非防爆型',
      '更换为ExdIICT4防爆灯具，线路穿钢管敷设', '瓶库与值班室未有效分隔，存在三合一情况', '重大隐患', '治理方案', body.advice, '一个月后回访复查', '检查专家（签字）']) {
      expect([t, text.includes(t.replace(/\s+/g, ''))]).toEqual([t, true]);
    }
    const hz = await s.db.getRepository(HazardEntity).findOneByOrFail({ id: lamp });
    expect(text).toContain(hz.deadline);
    expect((await download('memberB1', `/api/expert-visits/${visitId}/prescription.pdf`)).status).toBe(404);
    expect((await download('memberA2', `/api/expert-visits/${visitId}`)).status).toBe(404);
  });

  it('the expert verifies the fix of their finding', async () => {
    const lamp = await s.db.getRepository(HazardEntity).findOneByOrFail({ inspectionId, description: '乙炔瓶库照明灯具非防爆型' });
    const fix = await as('memberA1').post(`/api/hazards/${lamp.id}/rectification`, { measures: '已更换防爆灯具', cost: 1200, responsible: '焦淑富', photoIds: [await photo('memberA1')] });
    expect(fix.status).toBe(200);
    const detail = await as('expertX').get(`/api/hazards/${lamp.id}`);
    expect(detail.body.actions).toContain('accept');
    const ok = await as('expertX').post(`/api/hazards/${lamp.id}/verification`, { decision: 'accept', note: '复查合格' });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('closed');
  });

  it('lists: the expert\'s own visits; the enterprise\'s', async () => {
    await as('supervisorD').post('/api/expert-visits', { enterpriseId: w.a2.id, expertUserId: ids.coopExpert, scheduledOn: '2026-12-20', purpose: '电气线路专项检查' });
    const mine = await as('expertX').get('/api/expert-visits?mine=true');
    expect(mine.body.items.map((v: { id: string }) => v.id)).toEqual([visitId]);
    expect((await as('memberA1').get('/api/expert-visits')).body.total).toBe(1);
    const all = await as('supervisorD').get('/api/expert-visits');
    // what is still to come first
    expect(all.body.items.map((v: { status: string }) => v.status)).toEqual(['planned', 'submitted']);
    expect((await as('expertX').get('/api/experts?field=危险化学品')).body.items[0]).toMatchObject({ visits: 1, visitsDone: 1 });
  });

  it('counters per cooperative, town and district: visits by state, engagements (人次), hazards found', async () => {
    const coop = await as('leadA').get(`/api/experts/stats?cooperativeId=${w.coopA.id}`);
    expect(coop.status).toBe(200);
    expect(coop.body).toEqual({ regionId: null, cooperativeId: w.coopA.id, visits: { planned: 1, inProgress: 0, done: 1, total: 2 }, engagements: 1, experts: 1, hazardsFound: 2 });
    const district = await as('supervisorD').get(`/api/experts/stats?regionId=${w.d.id}`);
    expect(district.body).toMatchObject({ visits: { total: 2, done: 1 }, engagements: 1 });
    expect((await as('supervisorD').get(`/api/experts/stats?regionId=${w.tb.id}`)).body).toMatchObject({ visits: { total: 0 }, engagements: 0 });
    expect((await as('supervisorTB').get(`/api/experts/stats?regionId=${w.ta.id}`)).status).toBe(404);
    expect((await as('memberB1').get(`/api/experts/stats?cooperativeId=${w.coopA.id}`)).status).toBe(404);
  });
});
