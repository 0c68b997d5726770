import { maskPhone, mayReadFullPhone, phoneFor } from './phone';
import type { Principal } from './policy';

const p = (userId: string, grants: Principal['grants'] = []): Principal => ({ userId, grants });

describe('maskPhone', () => {
  it.each([
    ['13800138000', '138****8000'],
    ['0633-1234567', '063*****4567'],
    ['12345678', '123****5678'],
    ['1234567', '*******'],
    ['', ''],
  ])('%s → %s', (raw, masked) => {
    expect(maskPhone(raw)).toBe(masked);
  });
});

describe('mayReadFullPhone: the owner, their coop admin, the platform admin', () => {
  const owner = { userId: 'u1', enterpriseId: 'e1', cooperativeIds: ['c1'] };
  it.each<[string, Principal, boolean]>([
    ['the owner', p('u1'), true],
    ['a person of the owning enterprise', p('u2', [{ role: 'member', cooperativeId: 'c1', enterpriseId: 'e1' }]), true],
    ['the coop admin of the owner’s cooperative', p('u3', [{ role: 'coop_admin', cooperativeId: 'c1' }]), true],
    ['the platform admin', p('u4', [{ role: 'admin' }]), true],
    ['a fellow member of another enterprise', p('u5', [{ role: 'member', cooperativeId: 'c1', enterpriseId: 'e2' }]), false],
    ['another cooperative’s admin', p('u6', [{ role: 'coop_admin', cooperativeId: 'c2' }]), false],
    ['a supervisor', p('u7', [{ role: 'supervisor', regionId: 'r1' }]), false],
    ['an expert', p('u8', [{ role: 'expert' }]), false],
    ['nobody', p('u9'), false],
  ])('%s → %s', (_, viewer, full) => {
    expect(mayReadFullPhone(viewer, owner)).toBe(full);
    expect(phoneFor(viewer, owner, '13800138000')).toBe(full ? '13800138000' : '138****8000');
  });

  it('null stays null', () => {
    expect(phoneFor(p('x'), owner, null)).toBeNull();
  });
});
