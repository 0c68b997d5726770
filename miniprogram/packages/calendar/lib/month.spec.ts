import { dayLabel, monthLabel, monthRange, shiftMonth, thisMonth } from './month';

describe('calendar months', () => {
  it('a month is its first to its last Beijing day, February of a leap year included', () => {
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });
  it('moves across the year boundary and labels in Chinese', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(monthLabel('2027-01')).toBe('2027年1月');
    expect(dayLabel('2026-12-07')).toBe('12月7日 周一');
  });
  it('this month is Beijing’s: 23:30 UTC on 30 November is already December there', () => {
    expect(thisMonth(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12');
  });
});
