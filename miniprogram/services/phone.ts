import type { Me } from '../../shared/schemas/auth';
import { request } from './request';
import { storage } from './storage';

/** Binds the number behind a getPhoneNumber button code (5 minutes, once); answers the updated user. */
export async function bindPhone(code: string): Promise<Me> {
  const me = await request<Me>('/api/me/phone', { method: 'POST', data: { code } });
  storage.set('me', me);
  return me;
}
