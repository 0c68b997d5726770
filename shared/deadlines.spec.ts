import { DEFAULT_DEADLINE_RULES, hazardDeadline } from './deadlines';

describe('hazardDeadline', () => {
  // 2026-03-05 23:30 in Shanghai is 15:30 UTC: the Shanghai calendar day counts, not the UTC one.
  const lateEvening = new Date('2026-03-05T15:30:00Z');
  // 2026-03-06 00:30 in Shanghai is still 03-05 in UTC.
  const pastMidnight = new Date('2026-03-05T16:30:00Z');

  it('fix now: the same Shanghai day', () => {
    expect(hazardDeadline({ level: 'general', fixMode: 'immediate', foundAt: lateEvening })).toEqual({
      deadline: '2026-03-05',
      planDueOn: null,
    });
    expect(hazardDeadline({ level: 'general', fixMode: 'immediate', foundAt: pastMidnight }).deadline).toBe('2026-03-06');
  });

  it('general: 7 days', () => {
    expect(hazardDeadline({ level: 'general', fixMode: 'deadline', foundAt: lateEvening }).deadline).toBe('2026-03-12');
  });

  it('major: 30 days and a plan within 3 days, whatever the fix mode', () => {
    for (const fixMode of ['immediate', 'deadline'] as const) {
      expect(hazardDeadline({ level: 'major', fixMode, foundAt: pastMidnight })).toEqual({
        deadline: '2026-04-05',
        planDueOn: '2026-03-09',
      });
    }
  });

  it('crosses month and leap-day boundaries', () => {
    const feb = new Date('2028-02-25T02:00:00Z');
    expect(hazardDeadline({ level: 'general', fixMode: 'deadline', foundAt: feb }).deadline).toBe('2028-03-03');
  });

  it('follows per-cooperative rules', () => {
    const rules = { ...DEFAULT_DEADLINE_RULES, generalDays: 3, majorDays: 15, majorPlanDays: 1 };
    expect(hazardDeadline({ level: 'general', fixMode: 'deadline', foundAt: lateEvening }, rules).deadline).toBe('2026-03-08');
    expect(hazardDeadline({ level: 'major', fixMode: 'deadline', foundAt: lateEvening }, rules)).toEqual({
      deadline: '2026-03-20',
      planDueOn: '2026-03-06',
    });
  });
});
