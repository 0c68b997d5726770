import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server';
import { chromiumAvailable, ensureH5Build, launchChromium } from './chromium';
import { apiLogin, login, loginFromInvitation, submitLogin, tapButton } from './h5';

const COOP = '西湖镇安全生产互助合作社';
const LEAD = '日照市溶解乙炔气厂';

jest.setTimeout(180_000);

const run = chromiumAvailable();
(run ? describe : describe.skip)('h5 in headless chromium against the real server', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureH5Build();
    server = await startTestServer({ demo: true, serveH5: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterEach(async () => {
    await page.context().close();
    expect(pageErrors).toEqual([]);
    pageErrors.length = 0;
  });

  it('demo-lead logs in, sees the cooperative on 首页 and its members in 成员名录', async () => {
    await login(page, server.url, 'demo-lead');
    await page.getByText(COOP, { exact: true }).waitFor();
    await page.getByText('邀请成员', { exact: true }).waitFor();
    await tapButton(page, '成员名录');
    await page.getByText('龙头企业', { exact: true }).first().waitFor();
    // the home page stays in the DOM behind (its cards name the lead too): the directory's visible one
    await page.getByText(LEAD).filter({ visible: true }).first().waitFor();
    await page.getByText(/共 2\d 家成员企业/).waitFor();
    // search narrows the list to one member (server-side `q`)
    await page.locator('.directory__search input').fill('青亚');
    await page.getByText('搜索', { exact: true }).click();
    await page.getByText('找到 1 家成员企业').waitFor();
    await page.getByText('日照青亚食品有限公司').first().waitFor();
    expect(page.url()).toContain('/packages/org/pages/directory/index');
  });

  it('a wrong password shows the API message and stays on the login page', async () => {
    await page.goto(server.url);
    await submitLogin(page, 'demo-lead', 'wrong-password');
    await page.getByText('用户名或密码错误').waitFor();
    expect(page.url()).toContain('/packages/auth/pages/login/index');
  });

  it('the QR join URL opens the join page with the cooperative name', async () => {
    const { token, user } = await apiLogin(server.url, 'demo-lead');
    const coopId = user.roles.find((r) => r.role === 'coop_admin')?.cooperativeId;
    const inv = await fetch(`${server.url}/api/cooperatives/${coopId}/invitations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: '{}',
    });
    const { joinUrl, code } = (await inv.json()) as { joinUrl: string; code: string };
    const joinPath = new URL(joinUrl).pathname + new URL(joinUrl).search;
    expect(joinPath).toBe(`/packages/org/pages/join/index?code=${code}`);

    // demo-member (whose enterprise is in this cooperative already) follows the link: login first, then
    // back to the invitation, which says there is nothing to join
    await page.goto(`${server.url}${joinPath}`);
    await loginFromInvitation(page, 'demo-member');
    await page.getByText(COOP, { exact: true }).waitFor();
    await page.getByText(`邀请码 ${code}`, { exact: false }).waitFor();
    await page.getByText('已是本合作社成员', { exact: true }).waitFor();
    expect(await page.getByText('以此企业加入').count()).toBe(0);
  });
});
