import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import QRCode from 'qrcode';
import { type SimCall, type SimMessage, SimState, type WxBody, fail } from './sim-state';
import { type ContentKind, INVALID_JSON, isRecord, readJsonBody, sendJson } from './wx-http';

export type { SimCall, SimMessage } from './sim-state';

export interface WeChatSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  appid: string;
  secret: string;
  /** Demo mode: unknown codes log in with an openid derived from the code (WeChat DevTools codes). */
  acceptUnknownCodes?: boolean;
  /** Clock in epoch ms, so tests can move time. */
  now?: () => number;
}

export interface WeChatSimulator {
  /** Base URL to use as WECHAT_API_BASE, e.g. http://127.0.0.1:3901 */
  readonly url: string;
  /** A code as wx.login gives it: valid 5 minutes, usable once. */
  issueCode(openid?: string, opts?: { unionid?: string }): string;
  /** A code as the getPhoneNumber button gives it, bound to `phone` (default: a random 138 number). */
  issuePhoneCode(phone?: string): string;
  /** The next `times` (default 1) calls to `path` (e.g. '/sns/jscode2session') answer `errcode`. */
  failNext(path: string, errcode: number, times?: number): void;
  /** The next `times` subscribe sends fail the way WeChat does (SEND_FAILURES: busy -1, 42001, 40001, 43101 …). */
  failSend(kind: SendFailure, times?: number): void;
  /** Answers of `path` wait `ms` first (0 to stop): a sender stays mid-send long enough to be killed. */
  delay(path: string, ms: number): void;
  /** Subscribe messages accepted, counted per template id and per openid. */
  messageCounts(): { total: number; byTemplate: Record<string, number>; byOpenid: Record<string, number> };
  /** Every call to a WeChat route, oldest first. */
  readonly calls: SimCall[];
  /** Subscribe messages accepted, oldest first. */
  readonly messages: SimMessage[];
  /** Forgets codes, tokens, injected failures, calls and messages. */
  reset(): void;
  close(): Promise<void>;
}

/** Subscribe-send failures tests ask for, by their WeChat errcode. */
export const SEND_FAILURES = {
  busy: -1,
  token_expired: 42001,
  token_invalid: 40001,
  refused: 43101,
  bad_data: 47003,
  bad_template: 40037,
  bad_page: 41030,
} as const;
export type SendFailure = keyof typeof SEND_FAILURES;
const SEND_PATH = '/cgi-bin/message/subscribe/send';

type Route = (query: Record<string, string>, body: unknown) => WxBody | Promise<WxBody | Buffer>;

// getwxacodeunlimit's scene: ≤ 32 visible characters of this set (docs/wechat.md).
const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;

/**
 * wxa/getwxacodeunlimit: image bytes on success, JSON errors like WeChat's (40169 scene length, 40129 bad
 * scene characters, 41030 bad page). The image is an ordinary QR code of `page?scene=` standing in for the
 * round mini-program code.
 */
async function wxaCodeUnlimit(state: SimState, q: Record<string, string>, body: unknown): Promise<WxBody | Buffer> {
  const tokenError = state.checkToken(q.access_token);
  if (tokenError) return tokenError;
  if (!isRecord(body)) return fail(47001);
  const scene = typeof body.scene === 'string' ? body.scene : '';
  if (scene.length === 0 || scene.length > 32) return fail(40169);
  if (!SCENE_CHARS.test(scene)) return fail(40129);
  const page = body.page === undefined ? '' : body.page;
  if (typeof page !== 'string' || page.startsWith('/') || page.includes('?')) return fail(41030);
  const width = body.width === undefined ? 430 : Number(body.width);
  const size = Number.isFinite(width) ? Math.min(1280, Math.max(280, Math.round(width))) : 430;
  return QRCode.toBuffer(`wxacode:${page}?scene=${scene}`, { type: 'png', width: size, margin: 1 });
}

/** Starts the local stand-in for api.weixin.qq.com (docs/wechat.md describes the behaviour it copies). */
export async function startWeChatSimulator(opts: WeChatSimulatorOptions): Promise<WeChatSimulator> {
  const state = new SimState({
    appid: opts.appid,
    secret: opts.secret,
    acceptUnknownCodes: opts.acceptUnknownCodes ?? false,
    now: opts.now ?? Date.now,
  });

  // WeChat routes: method, content type of the answer, handler.
  const routes: Record<string, { method: 'GET' | 'POST' | 'ANY'; kind: ContentKind; handle: Route }> = {
    '/sns/jscode2session': { method: 'ANY', kind: 'text', handle: (q) => state.jscode2session(q) },
    '/cgi-bin/token': { method: 'GET', kind: 'json', handle: (q) => state.token(q) },
    '/cgi-bin/stable_token': { method: 'POST', kind: 'json', handle: (_q, b) => state.stableTokenCall(b) },
    '/cgi-bin/message/subscribe/send': { method: 'POST', kind: 'json', handle: (q, b) => state.sendSubscribe(q, b) },
    '/wxa/business/getuserphonenumber': { method: 'POST', kind: 'json', handle: (q, b) => state.userPhoneNumber(q, b) },
    '/wxa/getwxacodeunlimit': { method: 'POST', kind: 'json', handle: (q, b) => wxaCodeUnlimit(state, q, b) },
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const query = Object.fromEntries(url.searchParams);
    const raw = await readJsonBody(req);
    const method = req.method ?? 'GET';

    if (url.pathname.startsWith('/__sim/')) {
      control(url.pathname, method, raw === INVALID_JSON ? undefined : raw, res);
      return;
    }
    const route = routes[url.pathname];
    if (!route) {
      sendJson(res, { errcode: -1, errmsg: 'not simulated' }, 'json', 404);
      return;
    }
    const body = raw === INVALID_JSON ? undefined : raw;
    state.calls.push({ path: url.pathname, query, body });
    const delay = state.delays.get(url.pathname);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const injected = state.takeFailure(url.pathname);
    if (injected !== undefined) {
      sendJson(res, fail(injected), route.kind);
    } else if (route.method !== 'ANY' && route.method !== method) {
      sendJson(res, fail(43002), route.kind);
    } else if (raw === INVALID_JSON) {
      sendJson(res, fail(47001), route.kind);
    } else {
      const out = await route.handle(query, body);
      if (Buffer.isBuffer(out)) {
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': out.length });
        res.end(out);
      } else {
        sendJson(res, out, route.kind);
      }
    }
  };

  // Control routes for tests and demo runs in another process.
  const control = (path: string, method: string, body: unknown, res: ServerResponse): void => {
    const b = isRecord(body) ? body : {};
    if (path === '/__sim/codes' && method === 'POST') {
      const openid = typeof b.openid === 'string' && b.openid !== '' ? b.openid : undefined;
      const unionid = typeof b.unionid === 'string' && b.unionid !== '' ? b.unionid : undefined;
      sendJson(res, state.issueCode(openid, unionid));
    } else if (path === '/__sim/phone-codes' && method === 'POST') {
      sendJson(res, state.issuePhoneCode(typeof b.phone === 'string' && b.phone !== '' ? b.phone : undefined));
    } else if (path === '/__sim/fail' && method === 'POST') {
      const times = b.times === undefined ? 1 : Number(b.times);
      if (typeof b.path !== 'string' || !Number.isInteger(b.errcode) || !Number.isInteger(times)) {
        sendJson(res, { error: 'expected {path: string, errcode: integer, times?: integer}' }, 'json', 400);
        return;
      }
      state.failNext(b.path, b.errcode as number, times);
      sendJson(res, { ok: true });
    } else if (path === '/__sim/delay' && method === 'POST') {
      if (typeof b.path !== 'string' || !Number.isInteger(b.ms) || (b.ms as number) < 0) {
        sendJson(res, { error: 'expected {path: string, ms: integer ≥ 0}' }, 'json', 400);
        return;
      }
      state.delays.set(b.path.startsWith('/') ? b.path : `/${b.path}`, b.ms as number);
      sendJson(res, { ok: true });
    } else if (path === '/__sim/messages/counts' && method === 'GET') {
      sendJson(res, state.messageCounts());
    } else if (path === '/__sim/messages' && method === 'GET') {
      sendJson(res, { messages: state.messages });
    } else if (path === '/__sim/calls' && method === 'GET') {
      sendJson(res, { calls: state.calls });
    } else if (path === '/__sim/reset' && method === 'POST') {
      state.reset();
      sendJson(res, { ok: true });
    } else {
      sendJson(res, { error: 'unknown control route' }, 'json', 404);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, { errcode: -1, errmsg: `simulator error: ${err instanceof Error ? err.stack : String(err)}` }, 'json', 500);
      else res.destroy();
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo; // listening on TCP, so never a pipe name
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    issueCode: (openid, o) => state.issueCode(openid, o?.unionid).code,
    issuePhoneCode: (phone) => state.issuePhoneCode(phone).code,
    failNext: (path, errcode, times) => state.failNext(path, errcode, times),
    failSend: (kind, times) => state.failNext(SEND_PATH, SEND_FAILURES[kind], times),
    delay: (path, ms) => void state.delays.set(path.startsWith('/') ? path : `/${path}`, ms),
    messageCounts: () => state.messageCounts(),
    calls: state.calls,
    messages: state.messages,
    reset: () => state.reset(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections(); // fetch keeps connections alive; don't wait for them
      }),
  };
}
