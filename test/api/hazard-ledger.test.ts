// The hazard documents (issue 8 point 8): the ledger (隐患台账) as Excel, read back with exceljs — the 17
// columns, the filtered rows in list order with their values, nobody else's hazards, batches across a large
// export — and the rectification notice (整改通知书) PDF, its text read with pdftotext and its photos counted.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { addDays, shanghaiDate } from '../../shared/dates';
import { HazardEntity } from '../../server/src/hazards/hazard.entity';
import { LEDGER_COLUMNS } from '../../server/src/hazards/hazard-ledger';
import { DESCRIPTIONS, type HazardWorld, type UserName, hazardWorld } from '../support/hazard-world';
import { type TestServer, startTestServer } from '../support/server';

jest.setTimeout(180_000);

let s: TestServer;
let x: HazardWorld;
let today: string;

beforeAll(async () => {
  // the world's photos go to a directory of their own
  s = await startTestServer({ env: { FILES_DIR: mkdtempSync(join(tmpdir(), 'anquan-hazard-docs-')) } });
  x = await hazardWorld(s);
  today = shanghaiDate(s.clock.now());
});
afterAll(() => s.close());

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const download = (user: UserName, path: string) =>
  request(s.url).get(path).set('Authorization', `Bearer ${x.tokens[user]}`).buffer(true).parse(binary);

type Cells = (string | number | null)[];
async function ledger(user: UserName, query = ''): Promise<{ res: request.Response; title: string; header: Cells; rows: Cells[]; sheet: ExcelJS.Worksheet }> {
  const res = await download(user, `/api/hazards/export.xlsx${query ? `?${query}` : ''}`);
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.body as Buffer);
  const sheet = book.worksheets[0];
  const values = (n: number): Cells => {
    const row = sheet.getRow(n);
    return Array.from({ length: LEDGER_COLUMNS.length }, (_, i) => {
      const v = row.getCell(i + 1).value;
      return v === undefined || v === null ? null : (v as string | number);
    });
  };
  const rows: Cells[] = [];
  for (let n = 3; n <= sheet.rowCount; n++) rows.push(values(n));
  return { res, title: String(sheet.getRow(1).getCell(1).value), header: values(2), rows, sheet };
}
const COL = Object.fromEntries(LEDGER_COLUMNS.map((c, i) => [c.header, i])) as Record<string, number>;
const byDescription = (rows: Cells[], d: string) => rows.find((r) => r[COL['隐患描述']] === d) as Cells;

describe('the hazard ledger (Excel)', () => {
  it('the cooperative\'s hazards under the 17 columns, in list order, with the fix, the plan and the verifier', async () => {
    const { res, title, header, rows, sheet } = await ledger('leadA', `cooperativeId=${x.w.coopA.id}`);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['x-total-count']).toBe('7');
    const day = today.replace(/-/g, '');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="hazard-ledger-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`隐患台账-${day}.xlsx`)}`);
    expect(header).toEqual(['序号', '企业', '车间/部位', '隐患描述', '类别', '等级', '发现方式', '发现人', '发现日期', '整改措施', '整改资金', '责任人', '整改期限', '完成日期', '验收人', '验收日期', '状态']);
    expect(title).toContain('共 7 条');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const listed = (await x.as('leadA').get(`/api/hazards?cooperativeId=${x.w.coopA.id}&pageSize=100`)).body.items.map((i: { description: string }) => i.description);
    expect(rows.map((r) => r[COL['隐患描述']])).toEqual(listed);

    expect(byDescription(rows, DESCRIPTIONS.a1Closed)).toEqual([
      expect.any(Number), '甲镇一号食品厂', null, DESCRIPTIONS.a1Closed, '消防安全', '一般', '互查', 'memberA2', today,
      '清理通道，划设黄线', 120, '赵班长', addDays(today, 7), today, 'memberA2', today, '已销号',
    ]);
    expect(byDescription(rows, DESCRIPTIONS.a1Pending).slice(9)).toEqual(['更换灭火器并建立月检记录', 860.5, '王安全', addDays(today, 7), today, null, null, '待验收']);
    // a major hazard not fixed yet: its plan's measures, funds and person
    expect(byDescription(rows, DESCRIPTIONS.a1Major).slice(5, 17)).toEqual([
      '重大', '互查', 'memberA2', today, '加装氨泄漏报警并联动排风', 38000.5, '张厂长', addDays(today, 30), null, null, null, '待整改',
    ]);
    expect(byDescription(rows, DESCRIPTIONS.a1Gen).slice(1, 3)).toEqual(['甲镇一号食品厂', '一号包装车间']);
    expect(byDescription(rows, DESCRIPTIONS.a1Gen)[COL['整改资金']]).toBeNull();
    expect(byDescription(rows, DESCRIPTIONS.laSelf).slice(1, 8)).toEqual(['甲镇龙头乙炔厂', null, DESCRIPTIONS.laSelf, '消防安全', '一般', '自查', 'leadA']);
    expect(sheet.getRow(3).getCell(COL['整改资金'] + 1).numFmt).toBe('#,##0.00');
    expect(sheet.getRow(4).getCell(COL['隐患描述'] + 1).alignment).toMatchObject({ vertical: 'top', wrapText: true });
  });

  it('the list\'s filters; another cooperative\'s hazards never appear', async () => {
    const majors = await ledger('leadA', `cooperativeId=${x.w.coopA.id}&level=major`);
    expect(majors.rows.map((r) => r[COL['隐患描述']])).toEqual([DESCRIPTIONS.a1Major]);
    expect(majors.title).toContain('重大');
    const closed = await ledger('leadA', 'status=closed');
    expect(closed.rows.map((r) => r[COL['隐患描述']])).toEqual([DESCRIPTIONS.a1Closed]);

    const theirs = await ledger('leadB');
    expect(theirs.rows.map((r) => r[COL['隐患描述']]).sort()).toEqual([DESCRIPTIONS.b1Major, DESCRIPTIONS.b1Self].sort());
    const peek = await ledger('memberB1', `enterpriseId=${x.w.a1.id}`);
    expect(peek.res.headers['x-total-count']).toBe('0');
    expect(peek.rows).toEqual([]);
    expect(peek.header[0]).toBe('序号');

    for (const bad of ['page=2', 'foo=1', 'status=done']) {
      const res = await x.as('leadA').get(`/api/hazards/export.xlsx?${bad}`);
      expect([bad, res.status, res.body.error?.code]).toEqual([bad, 422, 'VALIDATION_FAILED']);
    }
    expect((await request(s.url).get('/api/hazards/export.xlsx')).status).toBe(401);
  });

  it('a large export: every row once, in list order, across the batches', async () => {
    // 1,234 hazards of A2 straight into the table: many share a deadline, so batches end inside ties
    const rows = Array.from({ length: 1234 }, (_, i) => {
      const status = (['reported', 'pending_verification', 'closed', 'voided'] as const)[i % 4];
      return s.db.getRepository(HazardEntity).create({
        id: randomUUID(), enterpriseId: x.w.a2.id, cooperativeId: x.w.coopA.id, inspectionId: null, originId: null, workshopId: null,
        itemId: null, itemCode: null, category: 'electrical', description: `批量隐患 ${String(i).padStart(4, '0')}`, level: i % 10 === 0 ? 'major' : 'general',
        fixMode: 'deadline', source: 'self', foundById: x.ids.memberA2, foundOn: addDays(today, -20), deadline: addDays(today, (i % 9) - 4),
        planDueOn: null, status, recurrenceOfId: null, photoIds: [], closedAt: null, version: 1,
      });
    });
    for (let i = 0; i < rows.length; i += 200) {
      await s.db.createQueryBuilder().insert().into(HazardEntity).values(rows.slice(i, i + 200)).updateEntity(false).execute();
    }
    const { res, rows: got } = await ledger('leadA', `enterpriseId=${x.w.a2.id}`);
    expect(res.headers['x-total-count']).toBe('1234');
    expect(got).toHaveLength(1234);
    const described = got.map((r) => String(r[COL['隐患描述']]));
    expect(new Set(described).size).toBe(1234);
    const listed: string[] = [];
    for (let page = 1; page <= 13; page++) {
      const p = await x.as('leadA').get(`/api/hazards?enterpriseId=${x.w.a2.id}&pageSize=100&page=${page}`);
      listed.push(...p.body.items.map((i: { description: string }) => i.description));
    }
    expect(described).toEqual(listed);
    // overdue ones are marked
    expect(got.filter((r) => String(r[COL['状态']]).endsWith('（逾期）')).length).toBeGreaterThan(0);
    expect(got.filter((r) => r[COL['状态']] === '待整改（逾期）').every((r) => String(r[COL['整改期限']]) < today)).toBe(true);
  });
});

/** The PDF's text, via poppler's pdftotext. */
function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
}
const images = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Subtype\s*\/Image/g) ?? []).length;

describe('the rectification notice (PDF)', () => {
  it('for one hazard: title, enterprise, round, the hazard with its requirement and its before-photo, signature lines', async () => {
    const res = await download('memberA1', `/api/hazards/${x.hz.a1Major}/notice.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf).replace(/\s+/g, '');
    for (const t of ['隐患整改通知书', '甲镇一号食品厂', DESCRIPTIONS.a1Major, '重大', addDays(today, 30), '互查', '治理方案', '签字']) expect([t, text.includes(t)]).toEqual([t, true]);
    expect(text).not.toContain(DESCRIPTIONS.a1Gen);
    expect(images(pdf)).toBe(1);
  });

  it('for a round: every hazard it found with its photos; readers only', async () => {
    const res = await download('leadA', `/api/inspections/${x.r1}/notice.pdf`);
    expect(res.status).toBe(200);
    const pdf = res.body as Buffer;
    const text = pdfText(pdf).replace(/\s+/g, '');
    for (const key of ['a1Gen', 'a1Major', 'a1Pending', 'a1Closed', 'a1Now'] as const) expect([key, text.includes(DESCRIPTIONS[key])]).toEqual([key, true]);
    expect(text).toContain('一号包装车间');
    expect(text).not.toContain(DESCRIPTIONS.laPeer);
    expect(images(pdf)).toBe(2);

    expect((await download('memberB1', `/api/inspections/${x.r1}/notice.pdf`)).status).toBe(404);
    expect((await download('leadB', `/api/hazards/${x.hz.a1Gen}/notice.pdf`)).status).toBe(404);
    expect((await download('memberA1', `/api/hazards/${randomUUID()}/notice.pdf`)).status).toBe(404);
    // the group that made the round may print it
    expect((await download('staffLA', `/api/inspections/${x.r1}/notice.pdf`)).status).toBe(200);
  });

  it('for a self-found hazard: the daily patrol and whoever found it; no photos, no image', async () => {
    const res = await download('leadA', `/api/hazards/${x.hz.laSelf}/notice.pdf`);
    expect(res.status).toBe(200);
    const text = pdfText(res.body as Buffer).replace(/\s+/g, '');
    for (const t of ['甲镇龙头乙炔厂', DESCRIPTIONS.laSelf, '日常巡查', '检查人员：leadA', addDays(today, 7)]) expect([t, text.includes(t)]).toEqual([t, true]);
    expect(images(res.body as Buffer)).toBe(0);
  });
});
