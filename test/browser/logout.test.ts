import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server';
import { chromiumAvailable, ensureH5Build, launchChromium } from './chromium';
import { login, tapButton } from './h5';

jest.setTimeout(180_000);

// Evaluated in the page (the test's own tsconfig has no DOM types): is a JWT kept in localStorage?
const HAS_TOKEN = "Object.keys(localStorage).some((k) => (localStorage.getItem(k) || '').includes('eyJ'))";

const run = chromiumAvailable();
(run ? describe : describe.skip)('h5 我的: 退出登录 asks first', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureH5Build();
    server = await startTestServer({ demo: true, serveH5: true });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('cancel keeps the session; confirm forgets the token and shows the login page', async () => {
    await login(page, `${server.url}/pages/mine/index`, 'demo-member');
    await page.locator('input[name=username]').waitFor({ state: 'detached' });
    await page.goto(`${server.url}/pages/mine/index`);
    await page.getByText('焦淑富', { exact: true }).waitFor();

    await tapButton(page, '退出登录');
    await page.getByText('确定要退出当前账号吗？', { exact: false }).waitFor();
    await page.getByText('取消', { exact: true }).click();
    await page.getByText('确定要退出当前账号吗？', { exact: false }).waitFor({ state: 'hidden' });
    expect(await page.evaluate(HAS_TOKEN)).toBe(true);
    await expect(page.getByText('焦淑富', { exact: true }).isVisible()).resolves.toBe(true);

    await tapButton(page, '退出登录');
    await page.getByText('退出', { exact: true }).click();
    await page.locator('input[name=username]').waitFor();
    expect(await page.evaluate(HAS_TOKEN)).toBe(false);
  });
});
