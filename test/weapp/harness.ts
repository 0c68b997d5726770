// Loads pages of the real dist/weapp build in miniprogram-simulate (official wcc compiler) with the
// shims it needs for Taro: App/getApp/getCurrentPages, and a Page() that becomes a Component calling
// onLoad/onShow on attach. wx.request / wx.login / storage are replaced by test doubles.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist', 'weapp');

/** What the fake server answers: status + JSON body. */
export interface FakeResponse {
  status: number;
  body: unknown;
  /** How long the answer takes (default 5 ms): lets a test make an older request answer last. */
  delayMs?: number;
}
export interface FakeRequest {
  method: string;
  url: string;
  path: string;
  query: Record<string, string>;
  data: unknown;
  headers: Record<string, string>;
}
export type FakeServer = (req: FakeRequest) => FakeResponse;

export interface SimComponent {
  dom: { textContent: string | null; querySelectorAll(sel: string): ArrayLike<SimNode> };
  attach(parent: unknown): void;
  detach(): void;
  /** Nodes of the page by selector (miniprogram-simulate shows classes as `main--x`; select them as `.x`). */
  querySelectorAll(sel: string): SimElement[];
}
interface SimNode {
  textContent: string | null;
}
/** One rendered node: fire WeChat events on it (`tap`, `input` with `{detail: {value}}`, `change`). */
export interface SimElement {
  dom: { textContent: string | null; tagName: string };
  dispatchEvent(name: string, options?: { detail?: unknown }): void;
}
interface Simulate {
  load(componentPath: string, options?: { compiler?: 'official' | 'simulate'; rootPath?: string }): string;
  render(id: string, props?: Record<string, unknown>): SimComponent;
  sleep(ms: number): Promise<void>;
}
type WxCallbacks = { success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: (r: unknown) => void };
type Globals = Record<string, unknown> & { wx: Record<string, unknown> };

/** Builds dist/weapp when missing (npm test builds first; a bare jest run still works). */
export function ensureWeappBuild(): void {
  if (fs.existsSync(path.join(DIST, 'app.js'))) return;
  try {
    // jest sets NODE_ENV=test, which would give a development build (React refresh hooks and all)
    execFileSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: ROOT, stdio: 'pipe', timeout: 180_000, env: { ...process.env, NODE_ENV: 'production' } });
  } catch (e) {
    throw new Error(`dist/weapp is missing and "npm run build:weapp" failed: ${(e as Error).message}`);
  }
  if (!fs.existsSync(path.join(DIST, 'app.js'))) throw new Error('dist/weapp/app.js missing after build');
}

export interface Harness {
  calls: FakeRequest[];
  storage: Map<string, unknown>;
  loginCodes: number;
  loadPage(pagePath: string, query?: Record<string, string>): Promise<SimComponent>;
}

function parseUrl(url: string): { path: string; query: Record<string, string> } {
  const u = new URL(url, 'http://weapp.test');
  return { path: u.pathname, query: Object.fromEntries(u.searchParams.entries()) };
}

/** Boots app.js once per test file; call in beforeAll after jest.resetModules() if needed. */
export function bootWeapp(server: FakeServer): Harness {
  ensureWeappBuild();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as Simulate;
  const g = global as unknown as Globals;
  const harness: Harness = { calls: [], storage: new Map(), loginCodes: 0, loadPage };

  Object.assign(g.wx, {
    request(opts: WxCallbacks & { url: string; method?: string; data?: unknown; header?: Record<string, string> }) {
      const { path: p, query } = parseUrl(opts.url);
      const req: FakeRequest = {
        method: (opts.method ?? 'GET').toUpperCase(),
        url: opts.url,
        path: p,
        query,
        data: opts.data,
        headers: opts.header ?? {},
      };
      harness.calls.push(req);
      const res = server(req);
      setTimeout(() => {
        const r = { statusCode: res.status, data: res.body, header: {}, errMsg: 'request:ok' };
        opts.success?.(r);
        opts.complete?.(r);
      }, res.delayMs ?? 5);
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} };
    },
    login(opts: WxCallbacks) {
      harness.loginCodes += 1;
      const r = { code: `wx-code-${harness.loginCodes}`, errMsg: 'login:ok' };
      setTimeout(() => {
        opts.success?.(r);
        opts.complete?.(r);
      }, 1);
    },
    getStorageSync: (key: string) => (harness.storage.has(key) ? harness.storage.get(key) : ''),
    setStorageSync: (key: string, v: unknown) => void harness.storage.set(key, v),
    removeStorageSync: (key: string) => void harness.storage.delete(key),
    onNeedPrivacyAuthorization: () => undefined,
  });

  let appInstance: Record<string, unknown> = {};
  const stack: Record<string, unknown>[] = [];
  let pendingQuery: Record<string, string> = {};
  let pendingRoute = '';
  g.App = (options: Record<string, unknown>) => {
    appInstance = options;
  };
  g.getApp = () => appInstance;
  g.getCurrentPages = () => stack;
  g.Page = (options: Record<string, unknown> & { data?: unknown }) => {
    const { data, ...methods } = options;
    (g.Component as (o: unknown) => void)({
      data,
      methods,
      lifetimes: {
        attached(this: Record<string, unknown> & { onLoad: (q: unknown) => void; onShow: () => void }) {
          // read at attach time: a page loaded again renders a new instance with its own query
          const query = pendingQuery;
          const route = pendingRoute;
          this.route = route;
          this.__route__ = route;
          this.options = query;
          stack.push(this);
          this.onLoad(query);
          this.onShow();
          (this as unknown as { onReady?: () => void }).onReady?.();
        },
      },
    });
  };

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(DIST, 'app.js'));
  const app = appInstance as { onLaunch?: (o: unknown) => void; onShow?: (o: unknown) => void };
  app.onLaunch?.({ path: 'pages/home/index', query: {}, scene: 1001 });
  app.onShow?.({ path: 'pages/home/index', query: {}, scene: 1001 });

  const loaded = new Map<string, string>();
  async function loadPage(pagePath: string, query: Record<string, string> = {}): Promise<SimComponent> {
    pendingQuery = query;
    pendingRoute = pagePath;
    // the page's JS registers its component once (require cache): later loads render that id again
    let id = loaded.get(pagePath);
    if (!id) {
      id = simulate.load(path.join(DIST, pagePath), { compiler: 'official', rootPath: DIST });
      loaded.set(pagePath, id);
    }
    const comp = simulate.render(id);
    const doc = g.document as { createElement(tag: string): unknown };
    comp.attach(doc.createElement('parent-wrapper'));
    return comp;
  }
  return harness;
}

/** Polls the rendered page until `pred` holds on its text (React renders asynchronously). */
export async function waitForText(comp: SimComponent, pred: (text: string) => boolean, timeoutMs = 4000): Promise<string> {
  const start = Date.now();
  let text = '';
  while (Date.now() - start < timeoutMs) {
    text = comp.dom.textContent ?? '';
    if (pred(text)) return text;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`page text did not match within ${timeoutMs} ms; got: ${text.slice(0, 500)}`);
}
