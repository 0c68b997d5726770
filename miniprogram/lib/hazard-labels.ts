// Words and badges of the hazard loop as people read them (the shared contract carries codes only).
import type { FindingSource, HazardLevel, HazardStatus } from '../../shared/enums';
import type { FixMode } from '../../shared/deadlines';
import type { Hazard, HazardEvent, HazardEventKind } from '../../shared/schemas/hazards';

export const HAZARD_STATUS_LABELS: Record<HazardStatus, string> = {
  reported: '待整改',
  pending_verification: '待验收',
  closed: '已销号',
  voided: '已作废',
};

export const HAZARD_LEVEL_LABELS: Record<HazardLevel, string> = { general: '一般', major: '重大' };

export const FINDING_SOURCE_LABELS: Record<FindingSource, string> = {
  self: '自查',
  peer: '互查',
  expert: '专家检查',
  supervisor: '监管检查',
};

export const FIX_MODE_LABELS: Record<FixMode, string> = { immediate: '立即整改', deadline: '限期整改' };

export const HAZARD_EVENT_LABELS: Record<HazardEventKind, string> = {
  reported: '发现隐患',
  plan_submitted: '填报治理方案',
  rectification_submitted: '提交整改',
  accepted: '验收通过，销号',
  rejected: '退回整改',
  extended: '延期',
  extension_requested: '申请延期',
  extension_denied: '驳回延期',
  voided: '作废',
  rechecked: '回头看复查',
};

export type BadgeTone = 'red' | 'orange' | 'blue' | 'green' | 'grey';

export interface Countdown {
  text: string;
  tone: BadgeTone;
}

/** "剩3天" / "今天到期" / "逾期2天" (red) for an open hazard; null once it is closed or voided. */
export function countdown(h: Pick<Hazard, 'status' | 'daysLeft' | 'overdue'>): Countdown | null {
  if (h.status !== 'reported' && h.status !== 'pending_verification') return null;
  if (h.overdue || h.daysLeft < 0) return { text: `逾期${Math.max(1, -h.daysLeft)}天`, tone: 'red' };
  if (h.daysLeft === 0) return { text: '今天到期', tone: 'orange' };
  return { text: `剩${h.daysLeft}天`, tone: h.daysLeft <= 3 ? 'orange' : 'blue' };
}

export const STATUS_TONES: Record<HazardStatus, BadgeTone> = {
  reported: 'orange',
  pending_verification: 'blue',
  closed: 'green',
  voided: 'grey',
};

const MONEY = (v: string | number | boolean) => (typeof v === 'number' ? `${v.toFixed(2)} 元` : String(v));

// The details an event carries (`data`), in the words of the timeline; unknown keys are shown as they are.
const DATA_LABELS: Record<string, { label: string; format?: (v: string | number | boolean) => string }> = {
  measures: { label: '措施' },
  cost: { label: '费用', format: MONEY },
  funds: { label: '资金', format: MONEY },
  responsible: { label: '责任人' },
  deadline: { label: '整改期限' },
  contingency: { label: '预案' },
  completedOn: { label: '完成日期' },
  requestedDeadline: { label: '申请期限' },
  mark: { label: '复查结果', format: (v) => (v === 'recurred' ? '复发' : v === 'still_fixed' ? '仍已整改' : String(v)) },
};

/** The lines under one timeline entry: the deadline change first, then what else it recorded. */
export function eventDetails(e: Pick<HazardEvent, 'data'> & { kind?: HazardEvent['kind'] }): string[] {
  const data = e.data ?? {};
  const lines: string[] = [];
  if (data.deadlineBefore !== undefined || data.deadlineAfter !== undefined) {
    lines.push(`整改期限：${String(data.deadlineBefore ?? '—')} → ${String(data.deadlineAfter ?? '—')}`);
  }
  for (const [k, v] of Object.entries(data)) {
    if (k === 'deadlineBefore' || k === 'deadlineAfter') continue;
    const d = DATA_LABELS[k];
    if (!d) continue; // internal fields (ids, versions) are not for people
    // a plan's deadline is the plan's own 时限, not the hazard's
    const label = k === 'deadline' && e.kind === 'plan_submitted' ? '完成时限' : d.label;
    lines.push(`${label}：${d.format ? d.format(v) : String(v)}`);
  }
  return lines;
}

/** `隐患台账-20261206.xlsx` for the day given (YYYY-MM-DD). */
export function ledgerFileName(day: string): string {
  return `隐患台账-${day.replace(/-/g, '')}.xlsx`;
}

/** "1.2 MB / 3.4 MB (35%)" or "1.2 MB" when the size is unknown. */
export function progressText(received: number, total: number | null): string {
  const mb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);
  if (!total) return `已下载 ${mb(received)}`;
  return `已下载 ${mb(received)} / ${mb(total)}（${Math.min(100, Math.floor((received * 100) / total))}%）`;
}
