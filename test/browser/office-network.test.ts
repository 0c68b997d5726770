// The browser app on a plain-http office address (not localhost, not https): it must load, stay within
// its CSP, send compressed and cacheable assets, and let people log in with the keyboard on a phone.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server';
import { OFFICE_ARGS, chromiumAvailable, ensureH5Build, launchChromium, officeUrl } from './chromium';

jest.setTimeout(180_000);

const run = chromiumAvailable();
(run ? describe : describe.skip)('h5 on a plain-http office address', () => {
  let server: TestServer;
  let browser: Browser;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    ensureH5Build();
    server = await startTestServer({ demo: true, serveH5: true });
    base = officeUrl(server.url);
    browser = await launchChromium(OFFICE_ARGS);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => problems.push(e.message));
    // CSP violations and blocked upgrades show up as console errors
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of 401/.test(m.text())) problems.push(m.text());
    });
  });
  afterEach(async () => {
    await context.close();
    expect(problems).toEqual([]);
    problems.length = 0;
  });

  it('loads, and the login page fits a 390 px phone with an enabled-looking button; Enter submits', async () => {
    expect(new URL(base).hostname).not.toMatch(/localhost|127\.0\.0\.1/);
    await page.goto(base);
    const submit = page.locator('.login__submit');
    await submit.waitFor();
    // no horizontal overflow: nothing sticks out of the 390 px viewport
    const overflow = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
      return doc.documentElement.scrollWidth - doc.documentElement.clientWidth;
    });
    expect(overflow).toBe(0);
    const box = await submit.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    // the primary colour, full strength (a washed-out button reads as disabled)
    // (the test tsconfig has no DOM types: the callback runs in the page)
    const opacity = await submit.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { opacity: string } }).getComputedStyle(el).opacity);
    expect(opacity).toBe('1');

    await page.locator('input[name=username]').fill('demo-lead');
    await page.locator('input[name=password]').fill('demo-pass-2026');
    await page.locator('input[name=password]').press('Enter');
    await page.waitForURL((u) => !u.pathname.includes('/login/'));
    await page.getByText('西湖镇安全生产互助合作社', { exact: true }).waitFor();
  });

  it('a login form error clears once the field is filled in', async () => {
    await page.goto(base);
    await page.locator('.login__submit').click();
    await page.getByText('请输入用户名', { exact: true }).waitFor();
    await page.locator('input[name=username]').fill('demo-lead');
    await page.getByText('请输入用户名', { exact: true }).waitFor({ state: 'detached' });
    // the other field's error stays until that one is fixed
    await page.getByText('请输入密码', { exact: true }).waitFor();
  });

  it('tapping the tab bar breaks no CSP rule', async () => {
    await page.goto(base);
    await page.locator('input[name=username]').fill('demo-member');
    await page.locator('input[name=password]').fill('demo-pass-2026');
    await page.locator('.login__submit').click();
    await page.waitForURL((u) => !u.pathname.includes('/login/'));
    for (const tab of ['检查', '隐患', '我的', '首页']) {
      await page.locator('.weui-tabbar__item').filter({ hasText: tab }).click();
      await page.waitForTimeout(300);
    }
    expect(page.url()).toContain('/pages/home/index');
  });

  it('sends scripts compressed with a year of caching, and only asks for https when on https', async () => {
    const html = await fetch(`${base.replace(new URL(base).hostname, '127.0.0.1')}/`);
    const csp = html.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(html.headers.get('cache-control')).toBe('no-cache');
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(await html.text())?.[1];
    expect(script).toBeDefined();

    for (const enc of ['br', 'gzip']) {
      const res = await fetch(`${server.url}${script}`, { headers: { 'Accept-Encoding': enc } });
      expect(res.headers.get('content-encoding')).toBe(enc);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('vary')).toContain('Accept-Encoding');
      expect(res.headers.get('content-type')).toMatch(/javascript/);
      expect((await res.text()).length).toBeGreaterThan(1000); // fetch decodes it: real JavaScript
    }
    const identity = await fetch(`${server.url}${script}`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(identity.headers.get('content-encoding')).toBeNull();

    // an untrusted X-Forwarded-Proto changes nothing
    const spoofed = await fetch(`${server.url}/`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(spoofed.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
  });

  it('behind a trusted proxy that says https, the CSP upgrades insecure requests again', async () => {
    const proxied = await startTestServer({ env: { TRUST_PROXY: 'loopback' } });
    try {
      const viaHttps = await fetch(`${proxied.url}/api/health`, { headers: { 'X-Forwarded-Proto': 'https' } });
      expect(viaHttps.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
      expect(viaHttps.headers.get('strict-transport-security')).toContain('max-age=');
      const viaHttp = await fetch(`${proxied.url}/api/health`, { headers: { 'X-Forwarded-Proto': 'http' } });
      expect(viaHttp.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    } finally {
      await proxied.close();
    }
  });
});
