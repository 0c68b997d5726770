// The hazard ledger (隐患台账) as an .xlsx written row by row into a stream (exceljs' streaming writer): the
// file is never whole in memory, however many hazards it holds.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { isOverdue } from '../../../shared/deadlines';
import { shanghaiDate } from '../../../shared/dates';
import type { FindingSource, HazardLevel, HazardStatus } from '../../../shared/enums';
import { FINDING_SOURCE_TEXT, HAZARD_LEVEL_TEXT, HAZARD_STATUS_TEXT, ledgerStatusText } from '../../../shared/hazard-labels';
import { CHECK_CATEGORY_LABELS, type CheckCategory } from '../../../shared/schemas/checklists';
import { type HazardFilter, type LedgerRow, dateOf, instantOf } from './hazards-list.sql';

/** The columns a regulator expects (issue 8 point 8), in this order, with their widths in characters. */
export const LEDGER_COLUMNS: readonly { header: string; width: number }[] = [
  { header: '序号', width: 6 },
  { header: '企业', width: 24 },
  { header: '车间/部位', width: 14 },
  { header: '隐患描述', width: 40 },
  { header: '类别', width: 14 },
  { header: '等级', width: 6 },
  { header: '发现方式', width: 10 },
  { header: '发现人', width: 10 },
  { header: '发现日期', width: 12 },
  { header: '整改措施', width: 36 },
  { header: '整改资金', width: 12 },
  { header: '责任人', width: 10 },
  { header: '整改期限', width: 12 },
  { header: '完成日期', width: 12 },
  { header: '验收人', width: 10 },
  { header: '验收日期', width: 12 },
  { header: '状态', width: 12 },
];

type Cell = string | number | null;

/** One ledger line (empty cells null). For a major hazard not fixed yet, its plan (五定) gives the measures, the funds and the person. */
export function ledgerCells(n: number, r: LedgerRow, now: Date): Cell[] {
  const level = r.level as HazardLevel;
  const status = r.status as HazardStatus;
  const fixed = r.rectMeasures !== null;
  const planned = level === 'major' && !fixed;
  const fen = fixed ? r.rectCostFen : planned ? r.planFundsFen : null;
  const deadline = dateOf(r.deadline);
  return [
    n,
    r.enterpriseName,
    r.workshopName || null,
    r.description,
    CHECK_CATEGORY_LABELS[r.category as CheckCategory] ?? r.category,
    HAZARD_LEVEL_TEXT[level] ?? r.level,
    FINDING_SOURCE_TEXT[r.source as FindingSource] ?? r.source,
    r.foundByName || null,
    dateOf(r.foundOn),
    (fixed ? r.rectMeasures : planned ? r.planMeasures : null) || null,
    // fen → 元: exact, shown with two decimals by the column's format
    fen === null || fen === undefined ? null : Number(fen) / 100,
    (fixed ? r.rectResponsible : planned ? r.planResponsible : null) || null,
    deadline,
    r.rectCompletedOn ? dateOf(r.rectCompletedOn) : null,
    r.verifierName || null,
    r.verifiedAt ? shanghaiDate(instantOf(r.verifiedAt)) : null,
    ledgerStatusText(status, isOverdue({ status, deadline }, now)),
  ];
}

/** The filters in words for the title row: "待整改 · 重大 · 逾期 · 发现日期 2026-12-01 至 2026-12-31". */
export function filterText(f: HazardFilter): string {
  const parts: string[] = [];
  if (f.status) parts.push(HAZARD_STATUS_TEXT[f.status]);
  if (f.level) parts.push(HAZARD_LEVEL_TEXT[f.level]);
  if (f.source) parts.push(FINDING_SOURCE_TEXT[f.source]);
  if (f.overdue) parts.push(f.overdue === 'true' ? '逾期' : '未逾期');
  if (f.view === 'open') parts.push('本企业未销号');
  if (f.view === 'attention') parts.push('重大与逾期');
  if (f.view === 'to_verify') parts.push('待我验收');
  if (f.from || f.to) parts.push(`发现日期 ${f.from ?? '…'} 至 ${f.to ?? '…'}`);
  return parts.join(' · ');
}

/** Thrown when the person downloading went away: stop reading rows for nobody. */
export class DownloadClosed extends Error {
  constructor() {
    super('ledger download closed by the client');
  }
}

/** Waits until `out` takes more (or has closed, then throws DownloadClosed: no 'drain' would ever come). */
async function drained(out: Writable): Promise<void> {
  if (out.destroyed) throw new DownloadClosed();
  if (!out.writableNeedDrain) return;
  const stop = new AbortController();
  // the losing wait is aborted; Promise.race has handled its rejection already
  await Promise.race([once(out, 'drain', { signal: stop.signal }), once(out, 'close', { signal: stop.signal })]).finally(() => stop.abort());
  if (out.destroyed) throw new DownloadClosed();
}

/** `隐患台账-20261206.xlsx` and the Content-Disposition naming it (RFC 5987, with an ASCII fallback). */
export function ledgerDisposition(now: Date): string {
  const day = shanghaiDate(now).replace(/-/g, '');
  return `attachment; filename="hazard-ledger-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`隐患台账-${day}.xlsx`)}`;
}

/**
 * Writes the ledger into `out`: a title row, the frozen header, then every row of `batches` as it comes.
 * Waits for `out` to drain between batches so a slow download holds back the database reads.
 */
export async function writeLedger(out: Writable, batches: AsyncIterable<LedgerRow[]>, opts: { now: Date; total: number; filter: HazardFilter }): Promise<number> {
  // a download closed before the end: the zip would wait for its reader for ever, so stop waiting
  const closed = new Promise<never>((_, reject) => out.once('close', () => (out.writableFinished ? undefined : reject(new DownloadClosed()))));
  closed.catch(() => undefined);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = '安全互助';
  book.created = opts.now;
  const sheet = book.addWorksheet('隐患台账', { views: [{ state: 'frozen', ySplit: 2 }], pageSetup: { orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 } });
  // styles by column, not by row: a quarter less time per row in exceljs' writer
  sheet.columns = LEDGER_COLUMNS.map((c) => ({ width: c.width, style: { alignment: { vertical: 'top', wrapText: true } } }));
  sheet.getColumn(11).numFmt = '#,##0.00';

  const what = filterText(opts.filter);
  const title = sheet.addRow([`隐患台账（${what ? `${what}，` : ''}截至 ${shanghaiDate(opts.now)}，共 ${opts.total} 条）`]);
  title.font = { bold: true, size: 14 };
  title.height = 24;
  sheet.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
  title.commit();
  const header = sheet.addRow(LEDGER_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();

  let n = 0;
  for await (const rows of batches) {
    for (const r of rows) {
      n += 1;
      sheet.addRow(ledgerCells(n, r, opts.now)).commit();
    }
    await drained(out);
  }
  sheet.commit();
  await Promise.race([book.commit(), closed]);
  return n;
}
