// The attendance exports: one activity's 签到表 and a cooperative's 出勤汇总 per member over a period, parsed
// back with exceljs; who may download them (another cooperative 404, a member 403) and bad periods (422).
import ExcelJS from 'exceljs';
import request from 'supertest';
import { CHECKIN_WINDOW_MS } from '../../shared/checkin-code';
import { addDays, shanghaiDate } from '../../shared/dates';
import { Builders, type World, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

jest.setTimeout(120_000);

let s: TestServer;
let w: World;
const tokens: Record<string, string> = {};
let study: string;
let drill: string;
let today: string;

type Cells = (string | number | null)[];
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const as = (user: string) => ({
  get: (path: string) => request(s.url).get(path).set('Authorization', `Bearer ${tokens[user]}`),
  post: (path: string, body: object) => request(s.url).post(path).set('Authorization', `Bearer ${tokens[user]}`).send(body),
});

async function sheetOf(user: string, path: string): Promise<{ res: request.Response; rows: Cells[] }> {
  const res = await request(s.url).get(path).set('Authorization', `Bearer ${tokens[user]}`).buffer(true).parse(binary);
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.body as Buffer);
  const sheet = book.worksheets[0];
  const rows: Cells[] = [];
  for (let n = 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    rows.push(Array.from({ length: Math.max(1, row.cellCount) }, (_, i) => (row.getCell(i + 1).value ?? null) as string | number | null));
  }
  return { res, rows };
}

const hoursFromNow = (h: number) => new Date(s.clock.now().getTime() + h * 3_600_000).toISOString();

async function signIn(user: string, id: string): Promise<void> {
  // just after a rotation, so the code is good for the next request
  s.clock.advance(CHECKIN_WINDOW_MS - (s.clock.now().getTime() % CHECKIN_WINDOW_MS) + 20);
  const { qrText } = (await as('leadA').get(`/api/activities/${id}/checkin-code`)).body as { qrText: string };
  expect((await as(user).post(`/api/activities/${id}/checkin`, { code: qrText })).status).toBe(200);
}

beforeAll(async () => {
  s = await startTestServer();
  const b = new Builders(s.db, s.url);
  w = await twoCooperatives(b);
  for (const u of ['leadA', 'memberA1', 'memberA2', 'leadB', 'supervisorD', 'supervisorTB']) tokens[u] = await b.token(u);
  today = shanghaiDate(s.clock.now());
  const base = { cooperativeId: w.coopA.id, place: '合作社会议室', hostName: '焦自祥' };
  // study: two members invited, A1 comes; drill: everyone (the lead enterprise too), A2 comes; a later meeting: not yet held
  const a = await as('leadA').post('/api/activities', { ...base, kind: 'study', title: '安全生产法集中学习', startsAt: hoursFromNow(-2), invitedEnterpriseIds: [w.a1.id, w.a2.id] });
  expect(a.status).toBe(201);
  study = a.body.id;
  const d = await as('leadA').post('/api/activities', { ...base, kind: 'drill', title: '乙炔泄漏应急演练', startsAt: hoursFromNow(-1), details: { kind: 'drill', emergencyPlan: '乙炔泄漏专项预案' } });
  expect(d.status).toBe(201);
  drill = d.body.id;
  expect((await as('leadA').post('/api/activities', { ...base, kind: 'meeting', title: '周例会', startsAt: hoursFromNow(3) })).status).toBe(201);
  await signIn('memberA1', study);
  await signIn('memberA2', drill);
});
afterAll(() => s.close());

describe('签到表 of one activity', () => {
  it('holds the activity and every invitee, present with the time or 缺席', async () => {
    const { res, rows } = await sheetOf('leadA', `/api/activities/${study}/attendance.xlsx`);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('签到表-安全生产法集中学习-')}`);
    expect(rows[0][0]).toBe('安全生产法集中学习 签到表');
    const block = Object.fromEntries(rows.slice(1, 8).map((r) => [r[0], r[1]]));
    expect(block).toMatchObject({ 活动: '安全生产法集中学习', 类型: '集中学习', 地点: '合作社会议室', 主讲: '焦自祥', 合作社: '甲镇互助合作社', '签到/受邀': '1/2' });
    expect(String(block['时间'])).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    const header = rows.findIndex((r) => r[0] === '企业');
    expect(rows[header]).toEqual(['企业', '姓名', '是否受邀', '签到时间']);
    const people = rows.slice(header + 1);
    expect(people).toHaveLength(2);
    const a1 = people.find((r) => r[1] === 'memberA1') as Cells;
    expect(a1.slice(0, 3)).toEqual(['甲镇一号食品厂', 'memberA1', '是']);
    expect(String(a1[3])).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(people.find((r) => r[1] === 'memberA2')).toEqual(['甲镇二号玩具厂', 'memberA2', '是', '缺席']);
  });

  it('another cooperative: 404; a member who did not organise it: 403', async () => {
    expect((await as('leadB').get(`/api/activities/${study}/attendance.xlsx`)).status).toBe(404);
    const member = await as('memberA1').get(`/api/activities/${study}/attendance.xlsx`);
    expect(member.status).toBe(403);
    expect(member.body.error.code).toBe('FORBIDDEN');
  });
});

describe('出勤汇总 per member over a period', () => {
  const path = (q: string) => `/api/activities/attendance.xlsx?${q}`;

  it('one row per member: invited, attended, absent, rate and per kind; an activity not yet begun does not count', async () => {
    const q = `cooperativeId=${w.coopA.id}&from=${addDays(today, -1)}&to=${addDays(today, 1)}`;
    for (const user of ['leadA', 'supervisorD']) {
      const { res, rows } = await sheetOf(user, path(q));
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('出勤汇总-甲镇互助合作社-'));
      expect(rows[0][0]).toBe(`甲镇互助合作社 活动出勤汇总（${addDays(today, -1)} 至 ${addDays(today, 1)}）`);
      expect(rows[1][0]).toBe('期间共举办 2 场：集中学习 1，专题教 0，经验交流 0，座谈会/周例会 0，应急演练 1');
      expect(rows[2].slice(0, 6)).toEqual(['企业', '受邀活动', '出席', '缺席', '出席率', '集中学习（出席/受邀）']);
      expect(rows[2][9]).toBe('应急演练（出席/受邀）');
      const byName = Object.fromEntries(rows.slice(3).map((r) => [r[0], r.slice(1)]));
      expect(Object.keys(byName).sort()).toEqual(['甲镇一号食品厂', '甲镇二号玩具厂', '甲镇龙头乙炔厂'].sort());
      // columns: invited, attended, absent, rate, study, teaching, exchange, meeting, drill
      expect(byName['甲镇一号食品厂']).toEqual([2, 1, 1, 0.5, '1/1', '0/0', '0/0', '0/0', '0/1']);
      expect(byName['甲镇二号玩具厂']).toEqual([2, 1, 1, 0.5, '0/1', '0/0', '0/0', '0/0', '1/1']);
      expect(byName['甲镇龙头乙炔厂']).toEqual([1, 0, 1, 0, '0/0', '0/0', '0/0', '0/0', '0/1']);
    }
  });

  it('a period without activities: every member with no invitation and no rate', async () => {
    const { rows } = await sheetOf('leadA', path(`cooperativeId=${w.coopA.id}&from=2020-01-01&to=2020-01-31`));
    expect(rows[1][0]).toContain('期间共举办 0 场');
    expect(rows.slice(3).map((r) => r.slice(0, 5))).toContainEqual(['甲镇一号食品厂', 0, 0, 0, null]);
  });

  it('another cooperative (or one outside a supervisor\'s town): 404; a member: 403', async () => {
    const q = `cooperativeId=${w.coopA.id}&from=${today}&to=${today}`;
    expect((await as('leadB').get(path(q))).status).toBe(404);
    expect((await as('supervisorTB').get(path(q))).status).toBe(404);
    expect((await as('memberA1').get(path(q))).status).toBe(403);
  });

  it('bad dates: 422 with the field', async () => {
    const c = `cooperativeId=${w.coopA.id}`;
    const wrong = await as('leadA').get(path(`${c}&from=2026-13-01&to=2026-12-31`));
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.fields).toHaveProperty('from');
    const backwards = await as('leadA').get(path(`${c}&from=2026-12-31&to=2026-12-01`));
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.fields.to).toBe('结束日期不能早于开始日期');
    expect((await as('leadA').get(path(`${c}&from=2025-01-01&to=2026-12-31`))).status).toBe(422);
    expect((await as('leadA').get(path(`from=2026-12-01&to=2026-12-31`))).status).toBe(422);
  });
});
