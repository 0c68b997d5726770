import { type Principal, accessScope, canReadInspection, canScheduleInspection } from './policy';

describe('inspection access', () => {
  const host = { id: 'B', cooperativeIds: ['C'], regionIds: ['T', 'D'] };
  const who = (userId: string, ...grants: Principal['grants']): Principal => ({ userId, grants });
  const memberA = who('ua', { role: 'member', cooperativeId: 'C', enterpriseId: 'A' });

  it('a member of A reads an inspection of host B only when assigned to it', () => {
    expect(canReadInspection(memberA, { host, assignedUserIds: [] })).toBe(false);
    expect(canReadInspection(memberA, { host, assignedUserIds: ['ua'] })).toBe(true);
    expect(canReadInspection(who('ub', { role: 'member', cooperativeId: 'C', enterpriseId: 'B' }), { host, assignedUserIds: [] })).toBe(true);
    expect(canReadInspection(who('uc', { role: 'coop_admin', cooperativeId: 'C' }), { host, assignedUserIds: [] })).toBe(true);
    expect(canReadInspection(who('us', { role: 'supervisor', regionId: 'T' }), { host, assignedUserIds: [] })).toBe(true);
    expect(canReadInspection(who('ux', { role: 'expert', regionId: 'D' }), { host, assignedUserIds: [] })).toBe(false);
    expect(canReadInspection(who('ux', { role: 'expert', regionId: 'D' }), { host, assignedUserIds: ['ux'] })).toBe(true);
  });

  it('only the cooperative admin (or the platform admin) schedules rounds', () => {
    expect(canScheduleInspection(memberA, 'C')).toBe(false);
    expect(canScheduleInspection(who('uc', { role: 'coop_admin', cooperativeId: 'C' }), 'C')).toBe(true);
    expect(canScheduleInspection(who('uc', { role: 'coop_admin', cooperativeId: 'X' }), 'C')).toBe(false);
    expect(canScheduleInspection(who('u0', { role: 'admin' }), 'C')).toBe(true);
  });

  it('the access scope carries the caller for the assigned-inspection condition', () => {
    expect(accessScope(memberA).userId).toBe('ua');
  });
});
