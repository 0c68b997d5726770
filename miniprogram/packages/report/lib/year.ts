// The year in numbers for a cooperative, a town or the district: the sentence a yearly report opens with, and
// the bars the page draws. Pure, so the wording and the scaling are tested without a page.
import { addDays } from '../../../../shared/dates';
import { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS, type ActivityKind, type ActivityStats } from '../../../../shared/schemas/activities';
import type { ExpertStats } from '../../../../shared/schemas/experts';

/** A period the counters cover: the last 12 months (to today) or a calendar year; inclusive Shanghai dates. */
export interface Period {
  key: string;
  /** How the sentence opens: 近12个月 / 2026年 */
  label: string;
  from: string;
  to: string;
}

/** The last 12 months up to `today`, then this calendar year and the two before. */
export function periods(today: string): Period[] {
  const year = Number(today.slice(0, 4));
  const last12 = { key: 'last12', label: '近12个月', from: addDays(today, -364), to: today };
  return [last12, ...[year, year - 1, year - 2].map((y) => ({ key: String(y), label: `${y}年`, from: `${y}-01-01`, to: `${y}-12-31` }))];
}

// how the sentence counts each kind (a study is a session, a drill is a drill …)
const KIND_WORDS: Record<ActivityKind, string> = {
  study: '集中学习',
  teaching: '专题教学',
  exchange: '经验交流',
  meeting: '座谈会/周例会',
  drill: '应急演练',
};

/** e.g. 近12个月，东港区安全互助合作社共组织集中学习22次、经验交流11次、应急演练3次，专家上门“把脉问诊”21人次。 */
export function yearSentence(placeName: string, period: string, a: ActivityStats, e: ExpertStats): string {
  const parts = ACTIVITY_KINDS.filter((k) => (a.byKind[k] ?? 0) > 0).map((k) => `${KIND_WORDS[k]}${a.byKind[k]}次`);
  const acts = parts.length > 0 ? `共组织${parts.join('、')}，参加${a.attendance}人次` : '尚未组织学习、交流或演练活动';
  const experts = e.engagements > 0 ? `专家上门“把脉问诊”${e.engagements}人次，发现隐患${e.hazardsFound}项` : '尚无专家上门检查';
  return `${period}，${placeName}${acts}；${experts}。`;
}

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** Width in percent of the longest bar; a non-zero value stays visible. */
  pct: number;
}

export function bars(rows: readonly { key: string; label: string; value: number }[]): Bar[] {
  const max = Math.max(0, ...rows.map((r) => r.value));
  return rows.map((r) => ({ ...r, pct: max === 0 || r.value === 0 ? 0 : Math.max(4, Math.round((r.value / max) * 100)) }));
}

export const activityBars = (a: ActivityStats): Bar[] =>
  bars(ACTIVITY_KINDS.map((k) => ({ key: k, label: ACTIVITY_KIND_LABELS[k], value: a.byKind[k] ?? 0 })));

export const visitBars = (e: ExpertStats): Bar[] =>
  bars([
    { key: 'done', label: '已完成', value: e.visits.done },
    { key: 'inProgress', label: '检查中', value: e.visits.inProgress },
    { key: 'planned', label: '已安排', value: e.visits.planned },
  ]);
