// The demo's calendar year through the API the way the screens read it: the story's counters (22 study sessions,
// 11 exchanges, 3 drills, 21 expert engagements), attendance and materials, demo-expert's visits planned and done
// with a printable prescription, notices some members have not confirmed, demo-member's inbox.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { HazardRemindersJob } from '../../server/src/jobs/hazard-reminders.job';
import { type TestServer, startTestServer } from '../support/server';

jest.setTimeout(180_000);

let s: TestServer;
const tokens: Record<string, string> = {};
let coopId: string;

beforeAll(async () => {
  s = await startTestServer({ demo: true, env: { FILES_DIR: mkdtempSync(join(tmpdir(), 'anquan-demo-files-')) } });
  for (const u of ['demo-lead', 'demo-member', 'demo-expert', 'demo-supervisor']) {
    tokens[u] = (await request(s.url).post('/api/auth/password').send({ username: u, password: 'demo-pass-2026' })).body.token;
  }
  coopId = (await as('demo-lead').get('/api/me')).body.roles.find((r: { role: string }) => r.role === 'coop_admin').cooperativeId;
});
afterAll(() => s.close());

const as = (user: string) => ({
  get: (path: string) => request(s.url).get(path).set('Authorization', `Bearer ${tokens[user]}`),
  post: (path: string, body?: object) => request(s.url).post(path).set('Authorization', `Bearer ${tokens[user]}`).send(body ?? {}),
});
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

it('the story\'s counters for the cooperative and the district', async () => {
  const acts = await as('demo-lead').get(`/api/activities/stats?cooperativeId=${coopId}`);
  expect(acts.body.byKind).toMatchObject({ study: 22, exchange: 11, drill: 3 });
  expect(acts.body.attendance).toBeGreaterThan(200);
  const experts = await as('demo-supervisor').get(`/api/experts/stats?cooperativeId=${coopId}`);
  expect(experts.body.engagements).toBe(21);
  expect(experts.body.visits.planned).toBe(2);
  expect(experts.body.hazardsFound).toBeGreaterThan(15);
  const me = await as('demo-supervisor').get('/api/me');
  const district = me.body.roles[0].regionId;
  expect((await as('demo-supervisor').get(`/api/experts/stats?regionId=${district}`)).body.engagements).toBe(21);
});

it('a drill with its plan, attendance and material; what is coming next for demo-member', async () => {
  const drills = await as('demo-lead').get(`/api/activities?cooperativeId=${coopId}&kind=drill&pageSize=10`);
  const first = drills.body.items.find((a: { title: string }) => a.title === '乙炔气瓶泄漏着火应急演练');
  const detail = (await as('demo-lead').get(`/api/activities/${first.id}`)).body;
  expect(detail.details).toMatchObject({ kind: 'drill', emergencyPlan: '日照市溶解乙炔气厂生产安全事故应急预案' });
  expect(detail.materials).toHaveLength(1);
  const file = await request(s.url).get(detail.materials[0].signedUrl).buffer(true).parse(binary);
  expect(file.status).toBe(200);
  const text = execFileSync('pdftotext', ['-', '-'], { input: file.body as Buffer }).toString('utf8').replace(/\s+/g, '');
  expect(text).toContain('应急预案（演练版）');
  const att = (await as('demo-lead').get(`/api/activities/${first.id}/attendance`)).body;
  expect(att.present).toBeGreaterThan(0);
  expect(att.present + att.absent.length).toBeGreaterThanOrEqual(att.invited);
  const coming = await as('demo-member').get('/api/activities?invited=true&from=2000-01-01&to=2100-01-01&pageSize=100');
  const ahead = coming.body.items.filter((a: { startsAt: string }) => Date.parse(a.startsAt) > Date.now());
  expect(ahead.map((a: { kind: string }) => a.kind).sort()).toEqual(['drill', 'meeting', 'study']);
  // the organiser can show the sign-in code of next week's study
  expect((await as('demo-lead').get(`/api/activities/${ahead[0].id}/checkin-code`)).body.code).toMatch(/^\d+\./);
});

it('demo-expert: visits planned and done; demo-member prints last week\'s prescription', async () => {
  const mine = await as('demo-expert').get('/api/expert-visits?mine=true&pageSize=100');
  const statuses = mine.body.items.map((v: { status: string }) => v.status);
  expect(statuses.filter((x: string) => x === 'planned')).toHaveLength(2);
  expect(statuses.filter((x: string) => x === 'submitted').length).toBeGreaterThanOrEqual(18);
  const own = await as('demo-member').get('/api/expert-visits?status=submitted');
  const last = own.body.items[0];
  expect(last.purpose).toBe('油炸车间燃气与冷库安全专项检查');
  const pdf = await request(s.url).get(`/api/expert-visits/${last.id}/prescription.pdf`).set('Authorization', `Bearer ${tokens['demo-member']}`).buffer(true).parse(binary);
  expect(pdf.status).toBe(200);
  const text = execFileSync('pdftotext', ['-', '-'], { input: pdf.body as Buffer }).toString('utf8').replace(/\s+/g, '');
  for (const t of ['隐患整改处方', '日照青亚食品有限公司', '冷库内照明线路接头未做防潮处理', '冷库内线路接头改用防水接线盒', '一个月后回访复查']) expect([t, text.includes(t)]).toEqual([t, true]);
  // the expert's hazards are in the expert's verification queue once fixed
  const queue = await as('demo-expert').get('/api/hazards?view=to_verify&pageSize=100');
  expect(queue.body.items.some((h: { source: string }) => h.source === 'expert')).toBe(true);
});

it('notices: some members have not confirmed; demo-member has them in the inbox and confirms one', async () => {
  const pub = await as('demo-lead').get('/api/notices?box=published');
  const winter = pub.body.items.find((n: { title: string }) => n.title === '关于开展冬季消防安全专项检查的通知');
  const acks = (await as('demo-lead').get(`/api/notices/${winter.id}/acks`)).body;
  expect(acks.pending).toHaveLength(2);
  expect(acks.pending.every((p: { reminded: number }) => p.reminded === 1)).toBe(true);
  const un = await as('demo-member').get('/api/notices?box=received&unconfirmed=true');
  expect(un.body.items.map((n: { title: string }) => n.title).sort()).toEqual(['东港区应急管理局关于加强岁末年初安全防范工作的通知', '关于召开第四季度安全生产例会的通知']);
  const inbox = await as('demo-member').get('/api/notifications?unread=true&pageSize=100');
  const kinds = new Set(inbox.body.items.map((n: { kind: string }) => n.kind));
  for (const k of ['notice_published', 'activity_invited', 'expert_visit']) expect([k, kinds.has(k)]).toEqual([k, true]);
  // and the assignments of the hazard loop; its deadline reminders once the reminder job has run (a second
  // after `npm start`; the tests run it by hand)
  await s.app.get(HazardRemindersJob).run();
  const all = await as('demo-member').get('/api/notifications?pageSize=100');
  const allKinds = new Set(all.body.items.map((n: { kind: string }) => n.kind));
  for (const k of ['inspection_assigned', 'hazard_reminder']) expect([k, allKinds.has(k)]).toEqual([k, true]);
  const id = un.body.items[0].id;
  expect((await as('demo-member').post(`/api/notices/${id}/ack`)).body.confirmedAt).toEqual(expect.any(String));
  expect((await as('demo-member').get('/api/notices?box=received&unconfirmed=true')).body.total).toBe(1);
});
