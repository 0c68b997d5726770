// Chinese words for the hazard codes, for documents the server writes (the ledger, the notice). The same
// words as miniprogram/lib/hazard-labels.ts, which the screens use.
import type { FindingSource, HazardLevel, HazardStatus } from './enums';

export const HAZARD_STATUS_TEXT: Record<HazardStatus, string> = {
  reported: '待整改',
  pending_verification: '待验收',
  closed: '已销号',
  voided: '已作废',
};

export const HAZARD_LEVEL_TEXT: Record<HazardLevel, string> = { general: '一般', major: '重大' };

export const FINDING_SOURCE_TEXT: Record<FindingSource, string> = {
  self: '自查',
  peer: '互查',
  expert: '专家检查',
  supervisor: '监管检查',
};

/** The ledger's 状态 cell: the status, and 逾期 for an open hazard past its deadline. */
export function ledgerStatusText(status: HazardStatus, overdue: boolean): string {
  return overdue ? `${HAZARD_STATUS_TEXT[status]}（逾期）` : HAZARD_STATUS_TEXT[status];
}
