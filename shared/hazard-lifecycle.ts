// The hazard loop (docs/domain.md "The hazard loop") as one pure state machine: the server enforces it,
// the mini-program shows only the actions it allows.
import type { FindingSource, HazardLevel, HazardStatus } from './enums';

export const HAZARD_ACTIONS = [
  'submit_plan',
  'submit_rectification',
  'accept',
  'reject',
  'request_extension',
  'grant_extension',
  'deny_extension',
  'void',
] as const;
export type HazardAction = (typeof HAZARD_ACTIONS)[number];

export const HAZARD_ACTION_LABELS: Record<HazardAction, string> = {
  submit_plan: '填报治理方案',
  submit_rectification: '提交整改',
  accept: '验收通过',
  reject: '退回整改',
  request_extension: '申请延期',
  grant_extension: '批准延期',
  deny_extension: '驳回延期',
  void: '作废',
};

/**
 * How the caller stands to one hazard; the server works these out from the principal and the hazard.
 * - `enterprise`: a member (owner, safety officer) of the hazard's enterprise
 * - `finder`: the person who recorded it
 * - `group_leader`: leader of the inspection group that found it
 * - `expert`: an expert assigned to the inspection that found it
 * - `coop_admin`: admin of the hazard's cooperative; `supervisor`: of its region; `admin`: the platform
 */
export const HAZARD_RELATIONS = ['enterprise', 'finder', 'group_leader', 'expert', 'coop_admin', 'supervisor', 'admin'] as const;
export type HazardRelation = (typeof HAZARD_RELATIONS)[number];

/** What the rules look at. */
export interface HazardFacts {
  status: HazardStatus;
  level: HazardLevel;
  source: FindingSource;
  /** A major hazard's five-fixed treatment plan has been filed. */
  hasPlan: boolean;
  /** The enterprise asked for a later deadline and nobody has answered yet. */
  extensionRequested: boolean;
}

export type HazardDecision =
  | { ok: true; to: HazardStatus }
  | { ok: false; status: 403 | 409; code: 'FORBIDDEN' | 'HAZARD_ILLEGAL_MOVE' | 'HAZARD_PLAN_REQUIRED' | 'HAZARD_NO_EXTENSION_REQUEST' | 'HAZARD_EXTENSION_PENDING' };

const OPEN: readonly HazardStatus[] = ['reported', 'pending_verification'];

export function isOpenStatus(s: HazardStatus): boolean {
  return OPEN.includes(s);
}

/**
 * Whoever may verify: for peer, expert and supervisor findings someone outside the enterprise (finder,
 * group leader, expert, coop admin); a self-found general hazard may also be closed by the enterprise itself.
 */
export function mayVerify(h: Pick<HazardFacts, 'level' | 'source'>, r: ReadonlySet<HazardRelation>): boolean {
  if (r.has('admin')) return true;
  if (h.source === 'self' && h.level === 'general' && r.has('enterprise')) return true;
  if (r.has('enterprise')) return false;
  return r.has('finder') || r.has('group_leader') || r.has('expert') || r.has('coop_admin');
}

/** Granting or refusing more time: the independent verifiers (never the enterprise itself) and, for major hazards, the supervisor. */
function mayDecideExtension(h: Pick<HazardFacts, 'level'>, r: ReadonlySet<HazardRelation>): boolean {
  if (r.has('admin')) return true;
  if (r.has('enterprise')) return false;
  if (h.level === 'major' && r.has('supervisor')) return true;
  return r.has('finder') || r.has('group_leader') || r.has('expert') || r.has('coop_admin');
}

/** Role rule of each action, whatever the state. */
function mayTry(action: HazardAction, h: HazardFacts, r: ReadonlySet<HazardRelation>): boolean {
  switch (action) {
    case 'submit_plan':
      return h.level === 'major' && r.has('enterprise');
    case 'submit_rectification':
    case 'request_extension':
      return r.has('enterprise');
    case 'accept':
    case 'reject':
      return mayVerify(h, r);
    case 'grant_extension':
    case 'deny_extension':
      return mayDecideExtension(h, r);
    case 'void':
      return r.has('admin') || r.has('coop_admin') || r.has('finder');
  }
}

/** The state rule of each action: the state it needs and where it leads. */
function move(action: HazardAction, h: HazardFacts): HazardDecision {
  const illegal = { ok: false, status: 409, code: 'HAZARD_ILLEGAL_MOVE' } as const;
  switch (action) {
    case 'submit_plan':
      return h.status === 'reported' ? { ok: true, to: 'reported' } : illegal;
    case 'submit_rectification':
      if (h.status !== 'reported') return illegal;
      if (h.level === 'major' && !h.hasPlan) return { ok: false, status: 409, code: 'HAZARD_PLAN_REQUIRED' };
      return { ok: true, to: 'pending_verification' };
    case 'accept':
      return h.status === 'pending_verification' ? { ok: true, to: 'closed' } : illegal;
    case 'reject':
      return h.status === 'pending_verification' ? { ok: true, to: 'reported' } : illegal;
    case 'request_extension':
      if (h.status !== 'reported') return illegal;
      return h.extensionRequested ? { ok: false, status: 409, code: 'HAZARD_EXTENSION_PENDING' } : { ok: true, to: 'reported' };
    case 'grant_extension':
      return h.status === 'reported' ? { ok: true, to: 'reported' } : illegal;
    case 'deny_extension':
      if (h.status !== 'reported') return illegal;
      return h.extensionRequested ? { ok: true, to: 'reported' } : { ok: false, status: 409, code: 'HAZARD_NO_EXTENSION_REQUEST' };
    case 'void':
      return isOpenStatus(h.status) ? { ok: true, to: 'voided' } : illegal;
  }
}

/** May these relations take this action on this hazard now? Role first (403), then state (409). */
export function decide(action: HazardAction, h: HazardFacts, relations: ReadonlySet<HazardRelation>): HazardDecision {
  if (!mayTry(action, h, relations)) return { ok: false, status: 403, code: 'FORBIDDEN' };
  return move(action, h);
}

/** The actions to offer this person now, in the order a screen shows them. */
export function allowedActions(h: HazardFacts, relations: ReadonlySet<HazardRelation>): HazardAction[] {
  return HAZARD_ACTIONS.filter((a) => decide(a, h, relations).ok);
}
