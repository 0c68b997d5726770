import type { ActivityStats } from '../../../../shared/schemas/activities';
import type { ExpertStats } from '../../../../shared/schemas/experts';
import { activityBars, bars, periods, visitBars, yearSentence } from './year';

const acts = (byKind: Partial<ActivityStats['byKind']>, attendance: number): ActivityStats => {
  const full = { study: 0, teaching: 0, exchange: 0, meeting: 0, drill: 0, ...byKind };
  return { byKind: full, total: Object.values(full).reduce((x, y) => x + y, 0), attendance };
};
const experts = (engagements: number, hazardsFound: number, done = 0): ExpertStats => ({
  regionId: null,
  cooperativeId: 'c1',
  visits: { planned: 2, inProgress: 1, done, total: done + 3 },
  engagements,
  experts: 3,
  hazardsFound,
});

describe('the year in numbers', () => {
  it('the periods: the last 12 months to today (365 days), then this year and the two before', () => {
    expect(periods('2026-12-07')).toEqual([
      { key: 'last12', label: '近12个月', from: '2025-12-08', to: '2026-12-07' },
      { key: '2026', label: '2026年', from: '2026-01-01', to: '2026-12-31' },
      { key: '2025', label: '2025年', from: '2025-01-01', to: '2025-12-31' },
      { key: '2024', label: '2024年', from: '2024-01-01', to: '2024-12-31' },
    ]);
    // across a leap day
    expect(periods('2024-03-01')[0].from).toBe('2023-03-03');
  });

  it('the sentence names the kinds that took place, in the fixed order, and the expert engagements', () => {
    expect(yearSentence('东港区安全互助合作社', '2026年', acts({ drill: 3, study: 22, exchange: 11 }, 640), experts(21, 57))).toBe(
      '2026年，东港区安全互助合作社共组织集中学习22次、经验交流11次、应急演练3次，参加640人次；专家上门“把脉问诊”21人次，发现隐患57项。',
    );
  });

  it('an empty year says so rather than listing zeros', () => {
    expect(yearSentence('后村镇', '2025年', acts({}, 0), experts(0, 0))).toBe('2025年，后村镇尚未组织学习、交流或演练活动；尚无专家上门检查。');
  });

  it('bars scale to the longest; a small non-zero value stays visible and zero stays empty', () => {
    expect(bars([
      { key: 'a', label: 'A', value: 50 },
      { key: 'b', label: 'B', value: 25 },
      { key: 'c', label: 'C', value: 1 },
      { key: 'd', label: 'D', value: 0 },
    ]).map((b) => b.pct)).toEqual([100, 50, 4, 0]);
    expect(bars([{ key: 'z', label: 'Z', value: 0 }])[0].pct).toBe(0);
  });

  it('the activity bars follow the five kinds; the visit bars done, in progress, planned', () => {
    expect(activityBars(acts({ study: 22, drill: 3 }, 0)).map((b) => [b.label, b.value])).toEqual([
      ['集中学习', 22],
      ['专题教', 0],
      ['经验交流', 0],
      ['座谈会/周例会', 0],
      ['应急演练', 3],
    ]);
    expect(visitBars(experts(5, 1, 18)).map((b) => [b.label, b.value])).toEqual([
      ['已完成', 18],
      ['检查中', 1],
      ['已安排', 2],
    ]);
  });
});
