import { createHash, randomBytes } from 'node:crypto';
import { checkTemplateData } from './keywords';
import { errmsg, isRecord, randomId } from './wx-http';

// What the simulated WeChat remembers, and its answers as JSON bodies. No HTTP here (see simulator.ts).

export interface SimCall {
  path: string;
  query: Record<string, string>;
  body: unknown;
}

export interface SimMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: string;
  lang?: string;
  receivedAt: string;
}

export interface SimStateOptions {
  appid: string;
  secret: string;
  acceptUnknownCodes: boolean;
  now: () => number;
}

export type WxBody = Record<string, unknown>;

interface PhoneCodeRecord {
  phone: string;
  issuedAt: number;
  used: boolean;
}

interface CodeRecord {
  openid: string;
  unionid?: string;
  issuedAt: number;
  used: boolean;
}

const CODE_TTL_MS = 5 * 60_000;
const TOKEN_TTL_S = 7200;
const OLD_TOKEN_GRACE_MS = 5 * 60_000;
const LOGIN_WINDOW_MS = 60_000;
const LOGIN_LIMIT = 100;
const FORCE_REFRESH_GAP_MS = 30_000;
const FORCE_REFRESH_PER_DAY = 20;

export const fail = (errcode: number, detail?: string): WxBody => ({ errcode, errmsg: errmsg(errcode, detail) });
export const newOpenid = (): string => `o${randomId(27)}`;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export class SimState {
  readonly calls: SimCall[] = [];
  readonly messages: SimMessage[] = [];
  private readonly codes = new Map<string, CodeRecord>();
  /** Codes of the getPhoneNumber button: 5 minutes, once, each bound to one number. */
  private readonly phoneCodes = new Map<string, PhoneCodeRecord>();
  private readonly openids = new Set<string>();
  private readonly logins = new Map<string, number[]>();
  /** Every access token handed out (basic and stable) → expiry in epoch ms. */
  private readonly tokens = new Map<string, { expiresAt: number; stable: boolean }>();
  private stableToken: string | null = null;
  private forcedAt: number[] = [];
  /** Injected errcodes per path, consumed one per call. */
  private readonly failures = new Map<string, number[]>();
  /** Answer delay per path in ms (tests: keep a sender busy mid-send). */
  readonly delays = new Map<string, number>();

  constructor(private readonly opts: SimStateOptions) {}

  issueCode(openid: string = newOpenid(), unionid?: string): { code: string; openid: string } {
    const code = randomId(32);
    this.codes.set(code, { openid, unionid, issuedAt: this.opts.now(), used: false });
    this.openids.add(openid);
    return { code, openid };
  }

  /** A code as the getPhoneNumber button gives it (e.detail.code), for a mainland mobile number. */
  issuePhoneCode(phone = `138${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`): { code: string; phone: string } {
    const code = randomId(64, 'abcdef0123456789');
    this.phoneCodes.set(code, { phone, issuedAt: this.opts.now(), used: false });
    return { code, phone };
  }

  failNext(path: string, errcode: number, times = 1): void {
    const key = path.startsWith('/') ? path : `/${path}`;
    const queue = this.failures.get(key) ?? [];
    for (let i = 0; i < times; i++) queue.push(errcode);
    this.failures.set(key, queue);
  }

  takeFailure(path: string): number | undefined {
    return this.failures.get(path)?.shift();
  }

  /** Subscribe messages accepted, counted per template and per openid (and in all). */
  messageCounts(): { total: number; byTemplate: Record<string, number>; byOpenid: Record<string, number> } {
    const byTemplate: Record<string, number> = {};
    const byOpenid: Record<string, number> = {};
    for (const m of this.messages) {
      byTemplate[m.template_id] = (byTemplate[m.template_id] ?? 0) + 1;
      byOpenid[m.touser] = (byOpenid[m.touser] ?? 0) + 1;
    }
    return { total: this.messages.length, byTemplate, byOpenid };
  }

  reset(): void {
    this.calls.length = 0;
    this.messages.length = 0;
    this.codes.clear();
    this.phoneCodes.clear();
    this.openids.clear();
    this.logins.clear();
    this.tokens.clear();
    this.failures.clear();
    this.delays.clear();
    this.stableToken = null;
    this.forcedAt = [];
  }

  /** GET /sns/jscode2session */
  jscode2session(q: Record<string, string>): WxBody {
    const bad = this.checkCredentials(q.appid, q.secret);
    if (bad) return bad;
    const code = q.js_code ?? '';
    if (code === '') return fail(41008);
    const now = this.opts.now();
    let rec = this.codes.get(code);
    if (!rec && this.opts.acceptUnknownCodes) {
      // Demo mode: WeChat DevTools makes its own codes; the same code always maps to the same openid.
      const digest = createHash('sha256').update(`${this.opts.appid}:${code}`).digest('base64url');
      rec = { openid: `o${digest.slice(0, 27)}`, issuedAt: now, used: false };
      this.codes.set(code, rec);
    }
    if (!rec) return fail(40029);
    if (rec.used) return fail(40163);
    if (now - rec.issuedAt > CODE_TTL_MS) return fail(40029);
    const recent = (this.logins.get(rec.openid) ?? []).filter((t) => now - t < LOGIN_WINDOW_MS);
    if (recent.length >= LOGIN_LIMIT) return fail(45011);
    rec.used = true;
    this.logins.set(rec.openid, [...recent, now]);
    this.openids.add(rec.openid);
    const sessionKey = randomBytes(16).toString('base64');
    return rec.unionid
      ? { session_key: sessionKey, openid: rec.openid, unionid: rec.unionid }
      : { session_key: sessionKey, openid: rec.openid };
  }

  /** GET /cgi-bin/token: a new token each call; the previous ones keep working 5 more minutes. */
  token(q: Record<string, string>): WxBody {
    if (q.grant_type !== 'client_credential') return fail(40002);
    const bad = this.checkCredentials(q.appid, q.secret);
    if (bad) return bad;
    const now = this.opts.now();
    for (const t of this.tokens.values()) {
      if (!t.stable) t.expiresAt = Math.min(t.expiresAt, now + OLD_TOKEN_GRACE_MS);
    }
    const token = this.newToken(false);
    return { access_token: token, expires_in: TOKEN_TTL_S };
  }

  /** POST /cgi-bin/stable_token: the same token while valid; force_refresh limited. */
  stableTokenCall(body: unknown): WxBody {
    if (!isRecord(body)) return fail(47001);
    if (body.grant_type !== 'client_credential') return fail(40002);
    const bad = this.checkCredentials(str(body.appid), str(body.secret));
    if (bad) return bad;
    const now = this.opts.now();
    const current = this.stableToken ? this.tokens.get(this.stableToken) : undefined;
    if (body.force_refresh === true) {
      this.forcedAt = this.forcedAt.filter((t) => now - t < 86_400_000);
      if (this.forcedAt.length >= FORCE_REFRESH_PER_DAY) return fail(45009);
      const last = this.forcedAt[this.forcedAt.length - 1];
      if (last !== undefined && now - last < FORCE_REFRESH_GAP_MS) return fail(45011);
      this.forcedAt.push(now);
      if (current) current.expiresAt = Math.min(current.expiresAt, now + OLD_TOKEN_GRACE_MS);
    } else if (current && current.expiresAt > now) {
      return { access_token: this.stableToken, expires_in: Math.floor((current.expiresAt - now) / 1000) };
    }
    this.stableToken = this.newToken(true);
    return { access_token: this.stableToken, expires_in: TOKEN_TTL_S };
  }

  /** POST /cgi-bin/message/subscribe/send */
  sendSubscribe(q: Record<string, string>, body: unknown): WxBody {
    const tokenError = this.checkToken(q.access_token);
    if (tokenError) return tokenError;
    if (!isRecord(body)) return fail(47001);
    const touser = str(body.touser);
    if (!this.openids.has(touser)) return fail(40003);
    const templateId = str(body.template_id);
    if (templateId.trim() === '') return fail(40037);
    const page = body.page;
    if (page !== undefined && (typeof page !== 'string' || /\s|:\/\//.test(page))) return fail(41030);
    const problem = checkTemplateData(body.data);
    if (problem) return fail(47003, problem);
    this.messages.push({
      touser,
      template_id: templateId,
      ...(typeof page === 'string' ? { page } : {}),
      data: body.data as SimMessage['data'], // checked by checkTemplateData
      ...(typeof body.miniprogram_state === 'string' ? { miniprogram_state: body.miniprogram_state } : {}),
      ...(typeof body.lang === 'string' ? { lang: body.lang } : {}),
      receivedAt: new Date(this.opts.now()).toISOString(),
    });
    return { errcode: 0, errmsg: 'ok', msgid: 2_000_000_000 + this.messages.length };
  }

  /** POST /wxa/business/getuserphonenumber: a phone code → the number, once, within 5 minutes. */
  userPhoneNumber(q: Record<string, string>, body: unknown): WxBody {
    const tokenError = this.checkToken(q.access_token);
    if (tokenError) return tokenError;
    if (!isRecord(body)) return fail(47001);
    const code = str(body.code);
    if (code === '') return fail(40029);
    let rec = this.phoneCodes.get(code);
    if (!rec && this.opts.acceptUnknownCodes) {
      // Demo mode: DevTools makes its own codes; the same code always gives the same number.
      const digits = parseInt(createHash('sha256').update(`phone:${code}`).digest('hex').slice(0, 12), 16) % 100_000_000;
      rec = { phone: `138${String(digits).padStart(8, '0')}`, issuedAt: this.opts.now(), used: false };
      this.phoneCodes.set(code, rec);
    }
    // WeChat answers an unknown, expired or already used code alike: 40029 invalid code.
    if (!rec || rec.used || this.opts.now() - rec.issuedAt > CODE_TTL_MS) return fail(40029);
    rec.used = true;
    return {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: rec.phone,
        purePhoneNumber: rec.phone,
        // WeChat sends a string or a number here.
        countryCode: '86',
        watermark: { timestamp: Math.floor(this.opts.now() / 1000), appid: this.opts.appid },
      },
    };
  }

  /** For callers that need a valid token check of their own (future simulated endpoints). */
  checkToken(token: string | undefined): WxBody | null {
    if (!token) return fail(41001);
    const t = this.tokens.get(token);
    if (!t) return fail(40001);
    if (t.expiresAt <= this.opts.now()) return fail(42001);
    return null;
  }

  private checkCredentials(appid: string | undefined, secret: string | undefined): WxBody | null {
    if (!appid) return fail(41002);
    if (!secret) return fail(41004);
    if (appid !== this.opts.appid) return fail(40013);
    if (secret !== this.opts.secret) return fail(40125);
    return null;
  }

  private newToken(stable: boolean): string {
    // Real tokens are ~136+ chars of this alphabet, prefixed by a number and an underscore.
    const token = `${Math.floor(this.opts.now() / 1000) % 100}_${randomId(132)}`;
    this.tokens.set(token, { expiresAt: this.opts.now() + TOKEN_TTL_S * 1000, stable });
    return token;
  }
}
