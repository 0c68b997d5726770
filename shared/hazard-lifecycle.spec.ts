// Every (state, action, relation) combination of the hazard loop, against tables written out by hand
// from docs/domain.md "Who may move a hazard" (not derived from the code under test).
import { FINDING_SOURCES, HAZARD_LEVELS, HAZARD_STATUSES, type FindingSource, type HazardLevel, type HazardStatus } from './enums';
import { HAZARD_ACTIONS, HAZARD_RELATIONS, type HazardAction, type HazardFacts, type HazardRelation, allowedActions, decide, mayVerify } from './hazard-lifecycle';

/** yes · no · only for major hazards · only for self-found general hazards */
type Rule = 'Y' | '-' | 'major' | 'selfGeneral';

// Columns: enterprise, finder, group_leader, expert, coop_admin, supervisor, admin
const ROLE_TABLE: Record<HazardAction, Rule[]> = {
  submit_plan: ['major', '-', '-', '-', '-', '-', '-'],
  submit_rectification: ['Y', '-', '-', '-', '-', '-', '-'],
  accept: ['selfGeneral', 'Y', 'Y', 'Y', 'Y', '-', 'Y'],
  reject: ['selfGeneral', 'Y', 'Y', 'Y', 'Y', '-', 'Y'],
  request_extension: ['Y', '-', '-', '-', '-', '-', '-'],
  grant_extension: ['-', 'Y', 'Y', 'Y', 'Y', 'major', 'Y'],
  deny_extension: ['-', 'Y', 'Y', 'Y', 'Y', 'major', 'Y'],
  void: ['-', 'Y', '-', '-', 'Y', '-', 'Y'],
};

type StateOutcome = HazardStatus | 'ILLEGAL' | 'PLAN_REQUIRED' | 'PENDING' | 'NO_REQUEST';

/** Where each action leads from each state, given the plan and extension flags. */
function stateTable(action: HazardAction, f: HazardFacts): StateOutcome {
  const open = f.status === 'reported' || f.status === 'pending_verification';
  switch (action) {
    case 'submit_plan':
      return f.status === 'reported' ? 'reported' : 'ILLEGAL';
    case 'submit_rectification':
      if (f.status !== 'reported') return 'ILLEGAL';
      return f.level === 'major' && !f.hasPlan ? 'PLAN_REQUIRED' : 'pending_verification';
    case 'accept':
      return f.status === 'pending_verification' ? 'closed' : 'ILLEGAL';
    case 'reject':
      return f.status === 'pending_verification' ? 'reported' : 'ILLEGAL';
    case 'request_extension':
      if (f.status !== 'reported') return 'ILLEGAL';
      return f.extensionRequested ? 'PENDING' : 'reported';
    case 'grant_extension':
      return f.status === 'reported' ? 'reported' : 'ILLEGAL';
    case 'deny_extension':
      if (f.status !== 'reported') return 'ILLEGAL';
      return f.extensionRequested ? 'reported' : 'NO_REQUEST';
    case 'void':
      return open ? 'voided' : 'ILLEGAL';
  }
}

const CODES: Record<Exclude<StateOutcome, HazardStatus>, string> = {
  ILLEGAL: 'HAZARD_ILLEGAL_MOVE',
  PLAN_REQUIRED: 'HAZARD_PLAN_REQUIRED',
  PENDING: 'HAZARD_EXTENSION_PENDING',
  NO_REQUEST: 'HAZARD_NO_EXTENSION_REQUEST',
};

function ruleHolds(rule: Rule, level: HazardLevel, source: FindingSource): boolean {
  if (rule === 'Y') return true;
  if (rule === 'major') return level === 'major';
  if (rule === 'selfGeneral') return source === 'self' && level === 'general';
  return false;
}

function allFacts(): HazardFacts[] {
  const out: HazardFacts[] = [];
  for (const status of HAZARD_STATUSES)
    for (const level of HAZARD_LEVELS)
      for (const source of FINDING_SOURCES)
        for (const hasPlan of [false, true])
          for (const extensionRequested of [false, true]) out.push({ status, level, source, hasPlan, extensionRequested });
  return out;
}

describe('hazard lifecycle: every state × action × single relation', () => {
  const facts = allFacts();
  let checked = 0;
  it.each(HAZARD_RELATIONS.map((r, i) => [r, i] as const))('%s', (relation, column) => {
    for (const f of facts) {
      for (const action of HAZARD_ACTIONS) {
        const got = decide(action, f, new Set<HazardRelation>([relation]));
        const label = `${relation} ${action} ${JSON.stringify(f)}`;
        if (!ruleHolds(ROLE_TABLE[action][column], f.level, f.source)) {
          expect([label, got]).toEqual([label, { ok: false, status: 403, code: 'FORBIDDEN' }]);
        } else {
          const want = stateTable(action, f);
          const expected = want in CODES ? { ok: false, status: 409, code: CODES[want as keyof typeof CODES] } : { ok: true, to: want };
          expect([label, got]).toEqual([label, expected]);
        }
        checked++;
      }
    }
  });
  afterAll(() => expect(checked).toBe(HAZARD_RELATIONS.length * facts.length * HAZARD_ACTIONS.length));

  it('nobody (no relation) may do anything', () => {
    for (const f of facts) for (const a of HAZARD_ACTIONS) expect(decide(a, f, new Set()).ok).toBe(false);
  });
});

describe('hazard lifecycle: people with two relations', () => {
  const peerGeneral: HazardFacts = { status: 'pending_verification', level: 'general', source: 'peer', hasPlan: false, extensionRequested: true };
  const selfGeneral: HazardFacts = { ...peerGeneral, source: 'self' };
  const selfMajor: HazardFacts = { ...peerGeneral, source: 'self', level: 'major' };

  it('a coop admin whose own enterprise has the hazard is the enterprise: no verifying or granting its own', () => {
    const r = new Set<HazardRelation>(['enterprise', 'coop_admin']);
    expect(decide('accept', peerGeneral, r)).toMatchObject({ ok: false, status: 403 });
    expect(decide('deny_extension', { ...peerGeneral, status: 'reported' }, r)).toMatchObject({ ok: false, status: 403 });
    // voiding a record made in error stays the coop admin's right
    expect(decide('void', peerGeneral, r)).toEqual({ ok: true, to: 'voided' });
  });

  it('the safety officer who found a self hazard closes a general one but not a major one', () => {
    const r = new Set<HazardRelation>(['enterprise', 'finder']);
    expect(decide('accept', selfGeneral, r)).toEqual({ ok: true, to: 'closed' });
    expect(decide('accept', selfMajor, r)).toMatchObject({ ok: false, status: 403 });
  });

  it('a finder who also leads the group may verify and grant', () => {
    const r = new Set<HazardRelation>(['finder', 'group_leader']);
    expect(allowedActions(peerGeneral, r)).toEqual(['accept', 'reject', 'void']);
    expect(allowedActions({ ...peerGeneral, status: 'reported' }, r)).toEqual(['grant_extension', 'deny_extension', 'void']);
  });

  it('allowedActions is exactly the actions decide allows', () => {
    for (const f of allFacts())
      for (const rel of HAZARD_RELATIONS) {
        const r = new Set<HazardRelation>([rel]);
        expect(allowedActions(f, r)).toEqual(HAZARD_ACTIONS.filter((a) => decide(a, f, r).ok));
      }
  });

  it('mayVerify never lets the enterprise verify a finding from outside', () => {
    for (const source of ['peer', 'expert', 'supervisor'] as const)
      for (const level of HAZARD_LEVELS) expect(mayVerify({ source, level }, new Set<HazardRelation>(['enterprise', 'finder', 'coop_admin']))).toBe(false);
  });

  it('nothing moves a closed or voided hazard', () => {
    for (const status of ['closed', 'voided'] as const)
      for (const rel of HAZARD_RELATIONS) expect(allowedActions({ ...peerGeneral, status }, new Set<HazardRelation>([rel, 'admin']))).toEqual([]);
  });
});
