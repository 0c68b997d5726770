import type { CreateUserBody, Me } from '../../shared/schemas/auth';
import { request } from './request';

/** A desk user (browser login) created by the platform admin or a coop admin, within their scope. */
export function createUser(body: CreateUserBody): Promise<Me> {
  return request('/api/users', { method: 'POST', data: body });
}
