import { storage } from '../../../services/storage';

/** The enterprise a page is about: the `enterpriseId` parameter, else the person's own member enterprise. */
export function enterpriseOf(param: string | undefined): string {
  if (param) return param;
  const me = storage.get('me');
  return me?.roles.find((r) => r.role === 'member' && r.enterpriseId)?.enterpriseId ?? '';
}
