// What a browser test against the demo server needs: pages at a width, a login, screenshots when SHOTS=dir,
// the API read with a person's token, and the page errors collected (a test fails on any).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server';
import { OFFICE_ARGS, ensureH5Build, launchChromium, officeUrl } from './chromium';
import { submitLogin } from './h5';

export interface DemoSession {
  server: TestServer;
  base: string;
  problems: string[];
  newPage(width: number): Promise<Page>;
  loginAt(width: number, username: string): Promise<Page>;
  shot(page: Page, name: string): Promise<void>;
  api<T>(token: string, p: string): Promise<T>;
  /** Closes this test's pages (afterEach). */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

export async function startDemoSession(): Promise<DemoSession> {
  ensureH5Build();
  // H5_DIR: a copy of the build, so another build of dist/h5 running meanwhile cannot pull files away mid-test
  const server = await startTestServer({ demo: true, serveH5: true, env: process.env.H5_DIR ? { H5_DIR: process.env.H5_DIR } : {} });
  const base = officeUrl(server.url);
  const browser: Browser = await launchChromium(OFFICE_ARGS);
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  const newPage = async (width: number): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width, height: width > 800 ? 800 : 844 }, locale: 'zh-CN', acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => problems.push(e.message));
    return page;
  };
  return {
    server,
    base,
    problems,
    newPage,
    async loginAt(width, username) {
      const page = await newPage(width);
      await page.goto(base);
      await submitLogin(page, username);
      await page.waitForURL((u) => u.pathname.includes('/pages/home/'));
      return page;
    },
    async shot(page, name) {
      const dir = process.env.SHOTS;
      if (!dir) return;
      fs.mkdirSync(dir, { recursive: true });
      await page.waitForTimeout(800); // the page slide-in animation ends
      await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
    },
    async api<T>(token: string, p: string): Promise<T> {
      const res = await fetch(`${server.url}${p}`, { headers: { Authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`GET ${p}: ${res.status}`);
      return (await res.json()) as T;
    },
    async closePages() {
      for (const c of contexts.splice(0)) await c.close();
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Registers the describe block's hooks (start before all, close pages and check for page errors after each,
 * close after all) and returns the session to use inside its tests.
 */
export function useDemoSession(): () => DemoSession {
  let s: DemoSession | undefined;
  beforeAll(async () => {
    s = await startDemoSession();
  });
  afterAll(async () => {
    await s?.close();
  });
  afterEach(async () => {
    if (!s) return;
    await s.closePages();
    const problems = s.problems.splice(0);
    expect(problems).toEqual([]);
  });
  return () => {
    if (!s) throw new Error('the demo session has not started');
    return s;
  };
}
