import { countdown, eventDetails, ledgerFileName, progressText } from './hazard-labels';

describe('hazard badges and timeline words', () => {
  it('counts down to the deadline, today, then overdue in red; nothing once finished', () => {
    expect(countdown({ status: 'reported', daysLeft: 3, overdue: false })).toEqual({ text: '剩3天', tone: 'orange' });
    expect(countdown({ status: 'reported', daysLeft: 12, overdue: false })).toEqual({ text: '剩12天', tone: 'blue' });
    expect(countdown({ status: 'pending_verification', daysLeft: 0, overdue: false })).toEqual({ text: '今天到期', tone: 'orange' });
    expect(countdown({ status: 'reported', daysLeft: -2, overdue: true })).toEqual({ text: '逾期2天', tone: 'red' });
    expect(countdown({ status: 'closed', daysLeft: -20, overdue: false })).toBeNull();
    expect(countdown({ status: 'voided', daysLeft: 5, overdue: false })).toBeNull();
  });

  it('shows a deadline change and the recorded fields, not internal ones', () => {
    expect(eventDetails({ data: { deadlineBefore: '2026-12-08', deadlineAfter: '2026-12-20', version: 3 } })).toEqual(['整改期限：2026-12-08 → 2026-12-20']);
    expect(eventDetails({ data: { measures: '更换漏电保护器', cost: 320, responsible: '王强' } })).toEqual(['措施：更换漏电保护器', '费用：320.00 元', '责任人：王强']);
    expect(eventDetails({ data: null })).toEqual([]);
    expect(eventDetails({ kind: 'reported', data: { deadline: '2026-12-08' } })).toEqual(['整改期限：2026-12-08']);
    expect(eventDetails({ kind: 'plan_submitted', data: { deadline: '2026-12-20', funds: 5000 } })).toEqual(['完成时限：2026-12-20', '资金：5000.00 元']);
  });

  it('names the ledger by day and reports download progress', () => {
    expect(ledgerFileName('2026-12-06')).toBe('隐患台账-20261206.xlsx');
    expect(progressText(512 * 1024, 2 * 1024 * 1024)).toBe('已下载 512 KB / 2.0 MB（25%）');
    expect(progressText(3 * 1024 * 1024, null)).toBe('已下载 3.0 MB');
  });
});
