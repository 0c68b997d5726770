import { dueReminders, reminderText } from './reminders';

const h = (deadline: string, over: Partial<{ status: 'reported' | 'pending_verification' | 'closed' | 'voided'; level: 'general' | 'major' }> = {}) => ({
  status: over.status ?? ('reported' as const),
  level: over.level ?? ('general' as const),
  deadline,
});

describe('dueReminders', () => {
  it('3 days, 1 day before and on the day, to the enterprise', () => {
    expect(dueReminders(h('2026-12-10'), '2026-12-06')).toEqual([]);
    expect(dueReminders(h('2026-12-10'), '2026-12-07')).toEqual(['d3']);
    expect(dueReminders(h('2026-12-10'), '2026-12-09')).toEqual(['d1']);
    expect(dueReminders(h('2026-12-10'), '2026-12-10')).toEqual(['d0']);
  });
  it('catches up with the latest step only', () => {
    // found two days before its deadline, or a job that was down on the "3 days" day
    expect(dueReminders(h('2026-12-10'), '2026-12-08')).toEqual(['d3']);
  });
  it('overdue from the day after: coop admin at once, supervisor on day 7 or at once for major', () => {
    expect(dueReminders(h('2026-12-10'), '2026-12-11')).toEqual(['oc']);
    expect(dueReminders(h('2026-12-10'), '2026-12-16')).toEqual(['oc']);
    expect(dueReminders(h('2026-12-10'), '2026-12-17')).toEqual(['oc', 'os']);
    expect(dueReminders(h('2026-12-10', { level: 'major' }), '2026-12-11')).toEqual(['oc', 'os']);
    // across a month and a year
    expect(dueReminders(h('2026-12-28'), '2027-01-04')).toEqual(['oc', 'os']);
  });
  it('a fix waiting for verification: no reminder to fix, but lateness still escalates', () => {
    expect(dueReminders(h('2026-12-10', { status: 'pending_verification' }), '2026-12-09')).toEqual([]);
    expect(dueReminders(h('2026-12-10', { status: 'pending_verification' }), '2026-12-11')).toEqual(['oc']);
  });
  it('closed and voided hazards: nothing', () => {
    for (const status of ['closed', 'voided'] as const) expect(dueReminders(h('2026-12-10', { status }), '2026-12-20')).toEqual([]);
  });
});

describe('reminderText', () => {
  it('says how many days are left or late', () => {
    const x = { deadline: '2026-12-10', description: '配电箱未上锁', enterpriseName: '甲厂' };
    expect(reminderText('d1', x, '2026-12-09').body).toContain('还剩 1 天');
    expect(reminderText('oc', x, '2026-12-12').body).toContain('逾期 2 天');
    expect(reminderText('os', x, '2026-12-17').body).toContain('甲厂');
  });
});
