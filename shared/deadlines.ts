// Rectification deadlines (docs/domain.md "The hazard loop"): calendar dates in Asia/Shanghai.
import type { HazardLevel } from './enums';
import { addDays, shanghaiDate } from './dates';

export const FIX_MODES = ['immediate', 'deadline'] as const;
/** `immediate`: fixed on the spot (立即整改); `deadline`: by a date from the rules (限期整改). */
export type FixMode = (typeof FIX_MODES)[number];

/** Days from the day a hazard is found; editable per cooperative. */
export interface DeadlineRules {
  immediateDays: number;
  generalDays: number;
  majorDays: number;
  /** A major hazard's treatment plan (five fixed) is due this many days after it is found. */
  majorPlanDays: number;
}

export const DEFAULT_DEADLINE_RULES: DeadlineRules = {
  immediateDays: 0,
  generalDays: 7,
  majorDays: 30,
  majorPlanDays: 3,
};

export interface HazardDeadline {
  /** Last day to fix it, YYYY-MM-DD (overdue from 00:00 Shanghai time the day after). */
  deadline: string;
  /** Major hazards: last day for the treatment plan; null otherwise. */
  planDueOn: string | null;
}

/**
 * The deadline of a hazard found at `foundAt`. A major hazard always gets the major term and a plan date;
 * `immediate` (same day) applies to general ones.
 */
export function hazardDeadline(
  input: { level: HazardLevel; fixMode: FixMode; foundAt: Date },
  rules: DeadlineRules = DEFAULT_DEADLINE_RULES,
): HazardDeadline {
  const day = shanghaiDate(input.foundAt);
  if (input.level === 'major') {
    return { deadline: addDays(day, rules.majorDays), planDueOn: addDays(day, rules.majorPlanDays) };
  }
  const days = input.fixMode === 'immediate' ? rules.immediateDays : rules.generalDays;
  return { deadline: addDays(day, days), planDueOn: null };
}

/** Whole days from `today` to `deadline` (both YYYY-MM-DD): 0 on the day, negative once overdue. */
export function daysUntil(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Overdue: still open and `now` is past 24:00 Shanghai time of the deadline day. */
export function isOverdue(h: { status: string; deadline: string }, now: Date): boolean {
  return (h.status === 'reported' || h.status === 'pending_verification') && shanghaiDate(now) > h.deadline;
}
