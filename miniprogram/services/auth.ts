import type { Principal } from '../../shared/policy';
import type { LoginResponse, Me, PasswordLoginBody } from '../../shared/schemas/auth';
import { clearSession, request, saveSession, wechatLogin } from './request';
import { storage } from './storage';

export { wechatLogin };

export async function passwordLogin(body: PasswordLoginBody): Promise<LoginResponse> {
  const login = await request<LoginResponse>('/api/auth/password', { method: 'POST', data: body, auth: false });
  saveSession(login);
  return login;
}

export async function fetchMe(): Promise<Me> {
  const me = await request<Me>('/api/me');
  storage.set('me', me);
  return me;
}

export function hasToken(): boolean {
  return !!storage.get('token');
}

export function cachedMe(): Me | undefined {
  return storage.get('me');
}

/** 退出登录: forget the token and stop the silent WeChat re-login until the user logs in again. */
export function logout(): void {
  clearSession();
  storage.set('loggedOut', true);
}

export function principalOf(me: Me): Principal {
  return { userId: me.id, grants: me.roles };
}

/** Enterprises the user belongs to (member grants), without duplicates. */
export function myEnterpriseIds(me: Me): string[] {
  const ids = me.roles.map((g) => (g.role === 'member' ? g.enterpriseId : null)).filter((v): v is string => !!v);
  return Array.from(new Set(ids));
}
