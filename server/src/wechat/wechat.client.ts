import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '../config/config';
import { WechatTokenEntity } from './wechat-token.entity';
import {
  WX_BUSY,
  WX_OK,
  WX_SUBSCRIBE_REFUSED,
  WX_TOKEN_ERRCODES,
  code2SessionError,
  isMisconfiguration,
  phoneNumberError,
  platformError,
  wechatUnavailable,
  wxaCodeError,
} from './wechat.errors';

/** Tuning knobs; tests shorten the delays, production uses the defaults. */
export interface WeChatClientOptions {
  /** Base delay of the backoff after errcode -1 (delay = base × 2ⁿ). Default 1000 ms. */
  retryBaseMs?: number;
  /** Timeout of one HTTP request. Default 5000 ms. */
  timeoutMs?: number;
  /** Clock in epoch ms, for token expiry. Default Date.now. */
  now?: () => number;
}

export const WECHAT_CLIENT_OPTIONS = Symbol('WECHAT_CLIENT_OPTIONS');

export interface WeChatSession {
  openid: string;
  unionid?: string;
}

export interface SubscribeMessageInput {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  /** Which build the tap opens; WeChat defaults to the released one. */
  miniprogramState?: 'developer' | 'trial' | 'formal';
}

/** A number from WeChat's getPhoneNumber button, as WeChat vouches for it. */
export interface WeChatPhone {
  /** With the country code for numbers outside the mainland (e.g. +85212345678), as WeChat gives it. */
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

/** A mini-program code request (wxa/getwxacodeunlimit). */
export interface WxaCodeInput {
  /** ≤ 32 visible characters; the page reads it from `options.scene`. */
  scene: string;
  /** Page path without a leading slash or query. */
  page?: string;
  /** false while the page is not in the released version yet. */
  checkPath?: boolean;
  envVersion?: 'release' | 'trial' | 'develop';
  width?: number;
}

export type SubscribeMessageResult = { ok: true } | { ok: false; errcode: number };

/** A parsed WeChat answer; errcode is 0 when WeChat left it out. */
type WxBody = Record<string, unknown> & { errcode: number };

const MAX_ATTEMPTS = 3;
const REFRESH_MARGIN_MS = 5 * 60_000;
// Rounds of 1 s waits for another instance's token refresh (which may itself back off on -1).
const TOKEN_LOCK_TRIES = 15;
// Codes caused by the user or their client, not by us: not worth a warning.
const USER_ERRCODES: ReadonlySet<number> = new Set([40029, 40163, 41008, 45011, 40226]);

@Injectable()
export class WeChatClient {
  private readonly logger = new Logger(WeChatClient.name);
  private readonly retryBaseMs: number;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  /** The in-flight token refresh of this process, shared by concurrent callers. */
  private refreshing: Promise<string> | null = null;

  constructor(
    private readonly config: AppConfig,
    @InjectRepository(WechatTokenEntity) private readonly tokens: Repository<WechatTokenEntity>,
    @Optional() @Inject(WECHAT_CLIENT_OPTIONS) options: WeChatClientOptions = {},
  ) {
    this.retryBaseMs = options.retryBaseMs ?? 1000;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.now = options.now ?? Date.now;
  }

  /** Exchanges a wx.login code for the user's openid. The session_key stays inside this method. */
  async code2Session(code: string): Promise<WeChatSession> {
    const { appid, secret } = this.config.wechat;
    const path = '/sns/jscode2session';
    const query = { appid, secret, js_code: code, grant_type: 'authorization_code' };
    const body = await this.withBusyRetry(() => this.request(path, query));
    if (body.errcode !== WX_OK) {
      this.logFailure(path, body.errcode);
      throw code2SessionError(body.errcode);
    }
    const { openid, unionid } = body;
    if (typeof openid !== 'string' || openid === '') {
      this.logger.warn(`${path} answered without an openid`);
      throw wechatUnavailable();
    }
    return typeof unionid === 'string' && unionid !== '' ? { openid, unionid } : { openid };
  }

  /**
   * Exchanges a getPhoneNumber button code for the user's number (each success costs the app owner money:
   * call once per tap). Throws 422 for a bad/used code, 429 when WeChat limits us, 503 otherwise.
   */
  async getPhoneNumber(code: string): Promise<WeChatPhone> {
    const path = '/wxa/business/getuserphonenumber';
    const res = await this.callWithToken(path, { code });
    if (res.errcode !== WX_OK) {
      this.logFailure(path, res.errcode);
      throw phoneNumberError(res.errcode);
    }
    const info = res.phone_info as Record<string, unknown> | undefined;
    const pure = info?.purePhoneNumber;
    const full = info?.phoneNumber;
    const country = info?.countryCode;
    // countryCode may be a string or a number (WECHAT.md).
    if (typeof pure !== 'string' || !/^\d{5,15}$/.test(pure) || (typeof country !== 'string' && typeof country !== 'number')) {
      this.logger.warn(`${path} answered without a usable phone_info`);
      throw wechatUnavailable();
    }
    return { phoneNumber: typeof full === 'string' && full !== '' ? full : pure, purePhoneNumber: pure, countryCode: String(country) };
  }

  /** The app's access token from the shared database cache, refreshed when under 5 minutes remain. */
  async getAccessToken(): Promise<string> {
    if (this.refreshing) return this.refreshing;
    const row = await this.tokens.findOneBy({ appid: this.config.wechat.appid });
    if (row && this.isFresh(row)) return row.token;
    this.refreshing ??= this.refreshToken().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** Sends a subscribe message. ok:false carries WeChat's errcode (43101: no quota, spend it anyway).
   *  Throws AppError WECHAT_UNAVAILABLE / WECHAT_MISCONFIGURED when WeChat cannot be asked at all. */
  async sendSubscribeMessage(input: SubscribeMessageInput): Promise<SubscribeMessageResult> {
    const path = '/cgi-bin/message/subscribe/send';
    const res = await this.callWithToken(path, {
      touser: input.touser,
      template_id: input.templateId,
      page: input.page,
      data: input.data,
      miniprogram_state: input.miniprogramState,
      lang: 'zh_CN',
    });
    if (res.errcode === WX_OK) return { ok: true };
    if (res.errcode !== WX_SUBSCRIBE_REFUSED) this.logFailure(path, res.errcode);
    return { ok: false, errcode: res.errcode };
  }

  /**
   * A mini-program code image (unlimited count). WeChat answers image bytes on success and JSON on error.
   * Throws 503 WECHAT_MISCONFIGURED (bad scene/page, unauthorised), 429 (rate limit) or 503 WECHAT_UNAVAILABLE.
   */
  async getWxaCodeUnlimit(input: WxaCodeInput): Promise<Buffer> {
    const path = '/wxa/getwxacodeunlimit';
    const payload = {
      scene: input.scene,
      page: input.page,
      check_path: input.checkPath,
      env_version: input.envVersion,
      width: input.width,
    };
    let renewed = false;
    let attempt = 0;
    for (;;) {
      const token = await this.getAccessToken();
      const res = await this.request(path, { access_token: token }, payload, true);
      if (Buffer.isBuffer(res)) return res;
      if (WX_TOKEN_ERRCODES.has(res.errcode) && !renewed) {
        renewed = true;
        await this.tokens.delete({ appid: this.config.wechat.appid, token });
        continue;
      }
      if (res.errcode === WX_BUSY && attempt < MAX_ATTEMPTS - 1) {
        await this.backoff(attempt++);
        continue;
      }
      this.logFailure(path, res.errcode);
      throw wxaCodeError(res.errcode === WX_OK ? WX_BUSY : res.errcode);
    }
  }

  /** POSTs JSON with the access token; renews the token once on token errors, backs off on -1. */
  private async callWithToken(path: string, payload: unknown): Promise<WxBody> {
    let renewed = false;
    let attempt = 0;
    for (;;) {
      const token = await this.getAccessToken();
      const res = await this.request(path, { access_token: token }, payload);
      if (WX_TOKEN_ERRCODES.has(res.errcode) && !renewed) {
        renewed = true;
        await this.tokens.delete({ appid: this.config.wechat.appid, token }); // only if nobody replaced it yet
        continue;
      }
      if (res.errcode === WX_BUSY && attempt < MAX_ATTEMPTS - 1) {
        await this.backoff(attempt++);
        continue;
      }
      return res;
    }
  }

  /**
   * Fetches a new token unless someone already did. Single-flight per process (getAccessToken) and, on
   * MySQL/MariaDB, across instances: the refresh runs under a named lock (GET_LOCK) and whoever waited for
   * it reads the new token instead of fetching another (each fetch invalidates the previous token).
   */
  private async refreshToken(): Promise<string> {
    const { appid } = this.config.wechat;
    // Another instance (or the caller just before us) may have refreshed meanwhile.
    const row = await this.tokens.findOneBy({ appid });
    if (row && this.isFresh(row)) return row.token;
    const ds = this.tokens.manager.connection;
    if (ds.options.type !== 'mysql' && ds.options.type !== 'mariadb') return this.fetchToken();

    // GET_LOCK names are server-wide: the database name keeps two deployments (or test databases) apart.
    const name = `wechat_token:${String(ds.options.database)}:${appid}`.slice(0, 64);
    const runner = ds.createQueryRunner();
    try {
      for (let i = 0; i < TOKEN_LOCK_TRIES; i++) {
        // 1 s waits: below the 2 s query timeout of the pool (database/resilience.ts)
        const [got] = (await runner.query('SELECT GET_LOCK(?, 1) AS got', [name])) as { got: number | string | null }[];
        if (Number(got?.got) === 1) {
          try {
            const again = await this.tokens.findOneBy({ appid });
            if (again && this.isFresh(again)) return again.token;
            return await this.fetchToken();
          } finally {
            await runner.query('SELECT RELEASE_LOCK(?)', [name]);
          }
        }
        const again = await this.tokens.findOneBy({ appid });
        if (again && this.isFresh(again)) return again.token;
      }
      this.logger.warn('gave up waiting for another instance to refresh the access token');
      throw wechatUnavailable();
    } finally {
      await runner.release();
    }
  }

  /** GET /cgi-bin/token, stored for every instance. */
  private async fetchToken(): Promise<string> {
    const { appid, secret } = this.config.wechat;
    const path = '/cgi-bin/token';
    const body = await this.withBusyRetry(() =>
      this.request(path, { grant_type: 'client_credential', appid, secret }),
    );
    if (body.errcode !== WX_OK) {
      this.logFailure(path, body.errcode);
      throw platformError(body.errcode);
    }
    const token = body.access_token;
    const expiresIn = Number(body.expires_in);
    if (typeof token !== 'string' || token === '' || !(expiresIn > 0)) {
      this.logger.warn(`${path} answered without a usable token`);
      throw wechatUnavailable();
    }
    const now = this.now();
    await this.tokens.save({ appid, token, expiresAt: new Date(now + expiresIn * 1000), updatedAt: new Date(now) });
    return token;
  }

  private isFresh(row: WechatTokenEntity): boolean {
    return row.expiresAt.getTime() - this.now() > REFRESH_MARGIN_MS;
  }

  /** Repeats a call while WeChat answers -1 (busy), up to MAX_ATTEMPTS; returns the last answer. */
  private async withBusyRetry(call: () => Promise<WxBody>): Promise<WxBody> {
    for (let attempt = 0; ; attempt++) {
      const body = await call();
      if (body.errcode !== WX_BUSY || attempt >= MAX_ATTEMPTS - 1) return body;
      await this.backoff(attempt);
    }
  }

  private backoff(attempt: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.retryBaseMs * 2 ** attempt));
  }

  /** One HTTP call; parses the body as JSON whatever its content type. Never logs the query (secret). */
  private async request(path: string, query: Record<string, string>, json?: unknown): Promise<WxBody>;
  private async request(path: string, query: Record<string, string>, json: unknown, image: true): Promise<WxBody | Buffer>;
  private async request(path: string, query: Record<string, string>, json?: unknown, image = false): Promise<WxBody | Buffer> {
    const url = `${this.config.wechat.apiBase}${path}?${new URLSearchParams(query).toString()}`;
    let status: number;
    let text: string;
    try {
      const res = await fetch(url, {
        method: json === undefined ? 'GET' : 'POST',
        headers: json === undefined ? undefined : { 'content-type': 'application/json' },
        body: json === undefined ? undefined : JSON.stringify(json),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = res.status;
      // Image answers (mini-program codes) are bytes; an error is JSON whatever the call.
      if (image && res.ok && /^image\//i.test(res.headers.get('content-type') ?? '')) {
        return Buffer.from(await res.arrayBuffer());
      }
      text = await res.text();
    } catch (err) {
      this.logger.warn(`${path} unreachable: ${describeError(err)}`);
      throw wechatUnavailable();
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      this.logger.warn(`${path} answered HTTP ${status} with a non-JSON body`);
      throw wechatUnavailable();
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      this.logger.warn(`${path} answered HTTP ${status} with a non-object body`);
      throw wechatUnavailable();
    }
    const raw = (parsed as Record<string, unknown>).errcode;
    const errcode = raw === undefined || raw === null ? WX_OK : Number(raw);
    if (!Number.isInteger(errcode)) {
      this.logger.warn(`${path} answered a malformed errcode`);
      throw wechatUnavailable();
    }
    return { ...(parsed as Record<string, unknown>), errcode };
  }

  private logFailure(path: string, errcode: number): void {
    const line = `${path} failed with errcode ${errcode}`;
    if (isMisconfiguration(errcode)) this.logger.error(`${line} (check WECHAT_APPID / WECHAT_SECRET)`);
    else if (USER_ERRCODES.has(errcode)) this.logger.debug(line);
    else this.logger.warn(line);
  }
}

function describeError(err: unknown): string {
  // Duck-typed: fetch errors may come from another realm (Jest's vm), where instanceof Error fails.
  // fetch wraps the socket error: its code (ECONNREFUSED…) is the useful part; never print the URL (secret).
  const e = (typeof err === 'object' && err !== null ? err : {}) as { name?: unknown; cause?: { code?: unknown } };
  const name = typeof e.name === 'string' ? e.name : 'Error';
  return typeof e.cause?.code === 'string' ? `${name} ${e.cause.code}` : name;
}
