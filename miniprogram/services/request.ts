import Taro from '@tarojs/taro';
import { ERROR_MESSAGES, errorMessage, isApiErrorBody } from '../../shared/errors';
import type { LoginResponse } from '../../shared/schemas/auth';
import { relaunch } from '../lib/nav';
import { ROUTES, withQuery } from '../routes';
import { storage } from './storage';

// h5 is served by the API server itself, so '/api/...' stays relative there.
export const API_BASE = process.env.TARO_ENV === 'h5' ? '' : (process.env.TARO_APP_API_BASE ?? '');
const TIMEOUT_MS = 15000;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Query = Record<string, string | number | undefined>;

export interface RequestOptions {
  method?: Method;
  query?: Query;
  data?: unknown;
  /** Send the Bearer token and handle 401 (default true). */
  auth?: boolean;
}

interface RawResponse {
  statusCode: number;
  data: unknown;
}

async function send(url: string, method: Method, data: unknown, token?: string): Promise<RawResponse> {
  const header: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) header.Authorization = `Bearer ${token}`;
  try {
    const res = await Taro.request({
      url: `${API_BASE}${url}`,
      method,
      // Taro.request types data as an object or string; JSON bodies are objects here
      data: data as Record<string, unknown> | undefined,
      header,
      timeout: TIMEOUT_MS,
      dataType: 'json',
    });
    return { statusCode: res.statusCode, data: res.data };
  } catch {
    throw new ApiError(0, 'NETWORK', ERROR_MESSAGES.NETWORK);
  }
}

function toError(res: RawResponse): ApiError {
  let body: unknown = res.data;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      // not JSON: fall through to the generic message
    }
  }
  if (isApiErrorBody(body)) {
    const e = body.error;
    return new ApiError(res.statusCode, e.code, e.message || errorMessage(e.code), e.fields ?? {});
  }
  return new ApiError(res.statusCode, 'INTERNAL', ERROR_MESSAGES.INTERNAL);
}

export function saveSession(login: LoginResponse): void {
  storage.set('token', login.token);
  storage.set('tokenExpiresAt', login.expiresAt);
  storage.set('me', login.user);
  storage.remove('loggedOut');
}

export function clearSession(): void {
  storage.remove('token');
  storage.remove('tokenExpiresAt');
  storage.remove('me');
}

let wechatLoginInFlight: Promise<LoginResponse> | null = null;

/** wx.login → POST /api/auth/wechat. Single-flight: parallel 401s share one login. */
export function wechatLogin(): Promise<LoginResponse> {
  if (!wechatLoginInFlight) {
    wechatLoginInFlight = (async () => {
      const { code } = await Taro.login();
      // h5 production builds resolve with no code: never post an empty one
      if (!code) throw new ApiError(0, 'WECHAT_UNAVAILABLE', ERROR_MESSAGES.WECHAT_UNAVAILABLE);
      const res = await send('/api/auth/wechat', 'POST', { code });
      if (res.statusCode < 200 || res.statusCode >= 300) throw toError(res);
      const login = res.data as LoginResponse;
      saveSession(login);
      return login;
    })().finally(() => {
      wechatLoginInFlight = null;
    });
  }
  return wechatLoginInFlight;
}

/** The current page with its query (Taro adds `$taroTimestamp`/`stamp`: dropped). */
function currentUrl(): string {
  const router = Taro.getCurrentInstance().router;
  if (!router) return '';
  const path = `/${router.path.split('?')[0].replace(/^\//, '')}`;
  const params = Object.fromEntries(
    Object.entries(router.params).filter(([k, v]) => !k.startsWith('$') && k !== 'stamp' && v !== undefined),
  ) as Record<string, string>;
  return withQuery(path, params);
}

function goToLogin(): void {
  const current = currentUrl();
  if (current.split('?')[0] === ROUTES.login) return;
  relaunch(withQuery(ROUTES.login, { redirect: current || undefined }));
}

/** Silent re-login once on weapp; on h5 (or after 退出登录) send the user to the login page. */
async function reauthenticate(): Promise<string | null> {
  if (process.env.TARO_ENV === 'weapp' && !storage.get('loggedOut')) {
    try {
      return (await wechatLogin()).token;
    } catch {
      // fall through to the login page
    }
  }
  goToLogin();
  return null;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const url = opts.query ? withQuery(path, opts.query) : path;
  const auth = opts.auth ?? true;
  let res = await send(url, method, opts.data, auth ? storage.get('token') : undefined);
  if (res.statusCode === 401 && auth) {
    clearSession();
    const token = await reauthenticate();
    if (token) res = await send(url, method, opts.data, token);
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T;
  throw toError(res);
}

/** The Chinese text to show for any thrown value. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return ERROR_MESSAGES.INTERNAL;
}

export function toastError(e: unknown): void {
  void Taro.showToast({ title: messageOf(e), icon: 'none', duration: 2500 });
}
