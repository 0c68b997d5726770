// Phone numbers of people are personal data. One rule everywhere a number is shown: in full to its
// owner, to a coop admin of a cooperative the owner belongs to, and to the platform admin; masked
// (138****8000) to everyone else who may see the record at all.
import { type Principal, isAdmin, isCoopAdminOf } from './policy';

/** 13800138000 → 138****8000: the first 3 and last 4 characters stay, at least 4 stars between. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(Math.max(4, phone.length - 7))}${phone.slice(-4)}`;
}

/**
 * Whose number it is: the user themselves, or for an enterprise's contact phone its own people
 * (enterpriseId), and the cooperatives the owner belongs to (which coop admins may read it in full).
 */
export interface PhoneOwner {
  userId?: string;
  enterpriseId?: string;
  cooperativeIds: readonly string[];
}

export function mayReadFullPhone(viewer: Principal, owner: PhoneOwner): boolean {
  if (isAdmin(viewer)) return true;
  if (owner.userId !== undefined && viewer.userId === owner.userId) return true;
  if (owner.enterpriseId !== undefined && viewer.grants.some((g) => g.role === 'member' && g.enterpriseId === owner.enterpriseId)) {
    return true;
  }
  return owner.cooperativeIds.some((c) => isCoopAdminOf(viewer, c));
}

/** The number as this viewer may see it (null stays null). */
export function phoneFor(viewer: Principal, owner: PhoneOwner, phone: string): string;
export function phoneFor(viewer: Principal, owner: PhoneOwner, phone: string | null): string | null;
export function phoneFor(viewer: Principal, owner: PhoneOwner, phone: string | null): string | null {
  if (phone === null) return null;
  return mayReadFullPhone(viewer, owner) ? phone : maskPhone(phone);
}
