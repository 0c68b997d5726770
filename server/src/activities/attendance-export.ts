// The attendance sheets as .xlsx (exceljs' streaming writer, like the hazard ledger): one activity's 签到表, and a
// cooperative's 出勤汇总 per member enterprise over a period. Both are small (people of one cooperative), so the
// data is read first and the file written in one go.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, type ActivityKind } from '../../../shared/schemas/activities';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** "2026-12-07 14:30" in Beijing time. */
export function beijingMinute(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** An attachment named in Chinese (RFC 5987) with an ASCII fallback. */
export function xlsxDisposition(ascii: string, chinese: string): string {
  // a title may hold characters a file name cannot
  const safe = chinese.replace(/[\\/:*?"<>|\r\n]+/g, '_');
  return `attachment; filename="${ascii}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${safe}.xlsx`)}`;
}

export interface ActivitySheet {
  title: string;
  kind: ActivityKind;
  startsAt: Date;
  endsAt: Date | null;
  place: string;
  hostName: string;
  cooperativeName: string;
  invited: number;
  present: number;
  /** Every invited person and every uninvited one who signed in; `at` null = absent. */
  people: { enterpriseName: string | null; name: string; invited: boolean; at: Date | null }[];
}

export interface MemberAttendance {
  enterpriseName: string;
  /** Activities of the period it was invited to, attended (a person of it signed in), per kind. */
  invited: number;
  attended: number;
  absent: number;
  byKind: Record<ActivityKind, { invited: number; attended: number }>;
}

export interface SummarySheet {
  cooperativeName: string;
  from: string;
  to: string;
  /** Activities that took place in the period, per kind. */
  held: Record<ActivityKind, number>;
  members: MemberAttendance[];
}

function newBook(out: Writable, now: Date): ExcelJS.stream.xlsx.WorkbookWriter {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = '安全互助';
  book.created = now;
  return book;
}

function headerRow(sheet: ExcelJS.Worksheet, cells: string[]): void {
  const row = sheet.addRow(cells);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  row.commit();
}

function titleRow(sheet: ExcelJS.Worksheet, text: string, span: number): void {
  const row = sheet.addRow([text]);
  row.font = { bold: true, size: 14 };
  row.height = 24;
  sheet.mergeCells(row.number, 1, row.number, span);
  row.commit();
}

/** 签到表: the activity in a first block (label, value), then 企业, 姓名, 是否受邀, 签到时间 (or 缺席). */
export async function writeActivitySheet(out: Writable, a: ActivitySheet, now: Date): Promise<void> {
  const book = newBook(out, now);
  const sheet = book.addWorksheet('签到表', { pageSetup: { orientation: 'portrait', fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [{ width: 26 }, { width: 14 }, { width: 10 }, { width: 20 }].map((c) => ({ ...c, style: { alignment: { vertical: 'top', wrapText: true } } }));
  titleRow(sheet, `${a.title} 签到表`, 4);
  const when = `${beijingMinute(a.startsAt)}${a.endsAt ? ` – ${beijingMinute(a.endsAt).slice(11)}` : ''}`;
  const block: [string, string][] = [
    ['活动', a.title],
    ['类型', ACTIVITY_KIND_LABELS[a.kind]],
    ['时间', when],
    ['地点', a.place],
    [a.kind === 'meeting' ? '主持' : '主讲', a.hostName],
    ['合作社', a.cooperativeName],
    ['签到/受邀', `${a.present}/${a.invited}`],
  ];
  for (const [k, v] of block) {
    const row = sheet.addRow([k, v]);
    row.getCell(1).font = { bold: true };
    sheet.mergeCells(row.number, 2, row.number, 4);
    row.commit();
  }
  sheet.addRow([]).commit();
  headerRow(sheet, ['企业', '姓名', '是否受邀', '签到时间']);
  for (const p of a.people) sheet.addRow([p.enterpriseName ?? '（非成员企业）', p.name, p.invited ? '是' : '否', p.at ? beijingMinute(p.at) : '缺席']).commit();
  sheet.commit();
  await book.commit();
}

export const SUMMARY_COLUMNS = ['企业', '受邀活动', '出席', '缺席', '出席率', ...ACTIVITY_KINDS.map((k) => `${ACTIVITY_KIND_LABELS[k]}（出席/受邀）`)];

/** 出勤汇总: one row per member enterprise, the worst attendance first is the reader's sort — here by name. */
export async function writeSummarySheet(out: Writable, s: SummarySheet, now: Date): Promise<void> {
  const book = newBook(out, now);
  const sheet = book.addWorksheet('出勤汇总', { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: { orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = SUMMARY_COLUMNS.map((_, i) => ({ width: i === 0 ? 26 : i < 5 ? 9 : 13, style: { alignment: { vertical: 'top', wrapText: true } } }));
  sheet.getColumn(5).numFmt = '0%';
  titleRow(sheet, `${s.cooperativeName} 活动出勤汇总（${s.from} 至 ${s.to}）`, SUMMARY_COLUMNS.length);
  const total = ACTIVITY_KINDS.reduce((n, k) => n + s.held[k], 0);
  const held = sheet.addRow([`期间共举办 ${total} 场：${ACTIVITY_KINDS.map((k) => `${ACTIVITY_KIND_LABELS[k]} ${s.held[k]}`).join('，')}`]);
  sheet.mergeCells(held.number, 1, held.number, SUMMARY_COLUMNS.length);
  held.commit();
  headerRow(sheet, SUMMARY_COLUMNS);
  for (const m of s.members) {
    sheet
      .addRow([
        m.enterpriseName,
        m.invited,
        m.attended,
        m.absent,
        // no invitation: no rate (an empty cell, not 0%)
        m.invited > 0 ? (m.invited - m.absent) / m.invited : null,
        ...ACTIVITY_KINDS.map((k) => `${m.byKind[k].attended}/${m.byKind[k].invited}`),
      ])
      .commit();
  }
  sheet.commit();
  await book.commit();
}
