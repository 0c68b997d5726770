// Deadline reminders and overdue escalation (docs/domain.md "The hazard loop"): which notice a hazard is
// due for on a given Shanghai day. The job asks every run; the notice's key makes each one exactly once.
import { daysUntil } from './deadlines';
import type { HazardLevel, HazardStatus } from './enums';
import { clipText } from './text';

/**
 * - `d3` / `d1` / `d0`: to the enterprise, 3 days and 1 day before and on the deadline day;
 * - `oc`: overdue (day 1 after the deadline) to the coop admin and the enterprise;
 * - `os`: overdue to the supervisor: day 7, or day 1 for a major hazard.
 * Short codes: they are part of the notice's dedupe key.
 */
export const REMINDER_STEPS = ['d3', 'd1', 'd0', 'oc', 'os'] as const;
export type ReminderStep = (typeof REMINDER_STEPS)[number];

/** Days after the deadline at which a general hazard reaches the supervisor. */
export const SUPERVISOR_AFTER_DAYS = 7;

/**
 * The notices due today. Before the deadline only the latest step counts: a job that missed the "3 days"
 * day (server down, hazard found 2 days before its deadline) sends one reminder, not a burst. A fix
 * waiting for verification needs no reminder to the enterprise, but its lateness still escalates.
 */
export function dueReminders(h: { status: HazardStatus; level: HazardLevel; deadline: string }, today: string): ReminderStep[] {
  if (h.status !== 'reported' && h.status !== 'pending_verification') return [];
  const left = daysUntil(h.deadline, today);
  if (left >= 0) {
    if (h.status !== 'reported' || left > 3) return [];
    return [left === 0 ? 'd0' : left === 1 ? 'd1' : 'd3'];
  }
  const late = -left;
  const steps: ReminderStep[] = ['oc'];
  if (h.level === 'major' || late >= SUPERVISOR_AFTER_DAYS) steps.push('os');
  return steps;
}

/** The notice text of a step (Chinese, for the inbox and later the push). */
export function reminderText(step: ReminderStep, h: { deadline: string; description: string; enterpriseName: string }, today: string): { title: string; body: string } {
  const what = clipText(h.description);
  const late = -daysUntil(h.deadline, today);
  switch (step) {
    case 'd3':
    case 'd1':
      return { title: '整改期限临近', body: `隐患「${what}」须于 ${h.deadline} 前整改完成，还剩 ${daysUntil(h.deadline, today)} 天。` };
    case 'd0':
      return { title: '今天整改到期', body: `隐患「${what}」今天（${h.deadline}）到期，请尽快整改并提交整改照片。` };
    case 'oc':
      return { title: '隐患逾期未整改', body: `「${h.enterpriseName}」的隐患「${what}」已超过整改期限 ${h.deadline}（逾期 ${late} 天）。` };
    case 'os':
      return { title: '隐患逾期升级', body: `「${h.enterpriseName}」的隐患「${what}」逾期 ${late} 天未销号（期限 ${h.deadline}），已上报监管。` };
  }
}
