// The create / edit form's state and the request bodies built from it, checked with the shared schemas.
import { shanghaiDate } from '../../../../shared/dates';
import {
  type ActivityDetails,
  type ActivityKind,
  type CreateActivityInput,
  type UpdateActivityBody,
  createActivitySchema,
  updateActivitySchema,
} from '../../../../shared/schemas/activities';
import { issuesToFields, zhErrorMap } from '../../../../shared/zod-messages';

export interface FollowUpForm {
  text: string;
  owner: string;
  /** YYYY-MM-DD or '' */
  dueOn: string;
}

/** Every kind's record at once: switching the kind keeps what was typed for the other. */
export interface DetailsForm {
  minutes: string;
  decisions: string[];
  followUps: FollowUpForm[];
  emergencyPlan: string;
  scenario: string;
  participants: string;
  findings: string;
  outline: string;
}

export interface BasicsForm {
  cooperativeId: string;
  kind: ActivityKind;
  title: string;
  /** Beijing date and times (HH:mm); end '' = open-ended */
  date: string;
  start: string;
  end: string;
  place: string;
  hostName: string;
  /** Member enterprises; none = every member. */
  invited: string[];
}

export const emptyDetails = (): DetailsForm => ({
  minutes: '', decisions: [], followUps: [], emergencyPlan: '', scenario: '', participants: '', findings: '', outline: '',
});

export const emptyBasics = (now = new Date()): BasicsForm => ({
  cooperativeId: '', kind: 'study', title: '', date: shanghaiDate(new Date(now.getTime() + 86400_000)), start: '14:00', end: '', place: '', hostName: '', invited: [],
});

/** The record's fields from a saved activity, for completing it. */
export function detailsFormOf(d: ActivityDetails | null): DetailsForm {
  const f = emptyDetails();
  if (!d) return f;
  if (d.kind === 'meeting') return { ...f, minutes: d.minutes, decisions: [...d.decisions], followUps: d.followUps.map((x) => ({ text: x.text, owner: x.owner, dueOn: x.dueOn ?? '' })) };
  if (d.kind === 'drill') return { ...f, emergencyPlan: d.emergencyPlan, scenario: d.scenario, participants: d.participants, findings: d.findings };
  return { ...f, outline: d.outline };
}

/** The kind's record, or null when nothing was written (a drill always has one: its plan is required). */
export function detailsOf(kind: ActivityKind, f: DetailsForm): ActivityDetails | null {
  if (kind === 'drill') return { kind, emergencyPlan: f.emergencyPlan, scenario: f.scenario, participants: f.participants, findings: f.findings };
  if (kind === 'meeting') {
    const decisions = f.decisions.filter((x) => x.trim());
    const followUps = f.followUps.filter((x) => x.text.trim()).map((x) => ({ text: x.text, owner: x.owner, dueOn: x.dueOn || null }));
    if (!f.minutes.trim() && decisions.length === 0 && followUps.length === 0) return null;
    return { kind, minutes: f.minutes, decisions, followUps };
  }
  return f.outline.trim() ? { kind, outline: f.outline } : null;
}

/** `2026-12-18` + `14:30` → an instant in Beijing time. */
export const instantOf = (date: string, time: string): string => `${date}T${time}:00+08:00`;

export type Checked<T> = { ok: true; body: T } | { ok: false; errors: Record<string, string> };

/** A drill without its plan: the schema says so at `details` or `details.emergencyPlan`; shown under the plan field. */
function withPlanError(errors: Record<string, string>): Record<string, string> {
  const plan = errors['details.emergencyPlan'] ?? errors.details;
  return plan ? { ...errors, 'details.emergencyPlan': '请填写所演练的应急预案' } : errors;
}

export function checkCreate(b: BasicsForm, d: DetailsForm, materialIds: string[], description: string): Checked<CreateActivityInput> {
  const body: CreateActivityInput = {
    cooperativeId: b.cooperativeId,
    kind: b.kind,
    title: b.title,
    startsAt: instantOf(b.date, b.start),
    endsAt: b.end ? instantOf(b.date, b.end) : null,
    place: b.place,
    hostName: b.hostName,
    description,
    materialIds,
    details: detailsOf(b.kind, d),
    invitedEnterpriseIds: b.invited,
  };
  const parsed = createActivitySchema.safeParse(body, { errorMap: zhErrorMap });
  if (parsed.success) return { ok: true, body: parsed.data };
  const errors = withPlanError(issuesToFields(parsed.error.issues));
  if (errors.cooperativeId) errors.cooperativeId = '请选择合作社';
  return { ok: false, errors };
}

export function checkUpdate(kind: ActivityKind, d: DetailsForm, materialIds: string[], description: string): Checked<UpdateActivityBody> {
  const body = { description, materialIds, details: detailsOf(kind, d) };
  const parsed = updateActivitySchema.safeParse(body, { errorMap: zhErrorMap });
  if (parsed.success) return { ok: true, body: parsed.data };
  return { ok: false, errors: withPlanError(issuesToFields(parsed.error.issues)) };
}
