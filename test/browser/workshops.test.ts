// The workshops desk screen on the h5 build against the real server: a member's workshops as a table with
// their risk colours and manual codes, the LEC calculator on the edit form, and 打印二维码标签 opening the
// label PDF fetched with the bearer token. SHOTS=dir saves screenshots at 390 and 1280 px.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server';
import { OFFICE_ARGS, chromiumAvailable, ensureH5Build, launchChromium, officeUrl } from './chromium';
import { apiLogin, submitLogin, tapButton } from './h5';

jest.setTimeout(240_000);

const run = chromiumAvailable();
(run ? describe : describe.skip)('workshops and QR labels (h5)', () => {
  let server: TestServer;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  async function newPage(width: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: width > 800 ? 800 : 844 }, locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => problems.push(e.message));
    return page;
  }
  async function shot(page: Page, name: string): Promise<void> {
    const dir = process.env.SHOTS;
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true });
    await page.waitForTimeout(800); // the page slide-in animation ends
    await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: (page.viewportSize()?.width ?? 0) < 800 });
  }
  async function loginAs(page: Page, username: string): Promise<void> {
    await page.goto(base);
    await submitLogin(page, username);
    await page.waitForURL((u) => u.pathname.includes('/pages/home/'));
  }

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
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    expect(problems).toEqual([]);
    problems.length = 0;
  });

  it('on a PC a member sees the workshops as a table and prints the QR label sheet (a PDF fetched with the token)', async () => {
    const { token, user } = await apiLogin(server.url, 'demo-member');
    const enterpriseId = user.roles.find((r) => r.role === 'member')?.enterpriseId ?? '';
    const res = await fetch(`${server.url}/api/enterprises/${enterpriseId}/workshops`, { headers: { Authorization: `Bearer ${token}` } });
    const { items } = (await res.json()) as { items: { name: string; manualCode: string }[] };
    expect(items.length).toBeGreaterThanOrEqual(2);

    const page = await newPage(1280);
    await loginAs(page, 'demo-member');
    await tapButton(page, '车间与二维码');
    const table = page.locator('.data-table');
    await table.getByText(items[0].name, { exact: true }).waitFor();
    for (const w of items) {
      const row = table.locator('[role=row]').filter({ hasText: w.name });
      await row.getByText(w.manualCode, { exact: true }).waitFor();
      await row.locator('.risk-tag').waitFor();
    }
    await shot(page, 'workshops-1280');

    const popup = page.context().waitForEvent('page');
    const pdf = page.waitForResponse((r) => r.url().endsWith(`/api/enterprises/${enterpriseId}/qr-labels.pdf`));
    await tapButton(page, '打印二维码标签');
    const response = await pdf;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect(await response.request().headerValue('authorization')).toMatch(/^Bearer .+/);
    // the sheet opens in a new tab from the fetched bytes
    const tab = await popup;
    await tab.waitForURL((u) => u.protocol === 'blob:');
  });

  it('on a phone the list is cards; the edit form computes the risk level with the LEC calculator', async () => {
    const page = await newPage(390);
    await loginAs(page, 'demo-member');
    await tapButton(page, '车间与二维码');
    await page.locator('.workshops__item').first().waitFor();
    await shot(page, 'workshops-390');
    await tapButton(page, '新增车间');
    await page.locator('input[name=workshopName]').fill('危化品暂存间');
    await tapButton(page, 'LEC 法计算');
    // L 3 (可能，但不经常) × E 6 (每天) × C 15 (一人死亡) = 270 → 较大风险
    const chip = (label: string, value: string) => page.locator('.chips').filter({ hasText: label }).locator('.chips__chip').filter({ has: page.getByText(value, { exact: true }) });
    await chip('L 事故发生的可能性', '3').click();
    await chip('E 暴露于危险环境的频繁程度', '6').click();
    await chip('C 发生事故可能造成的后果', '15').click();
    await page.getByText('D = L × E × C = 270', { exact: true }).waitFor();
    await page.getByText('保存后风险等级为：较大风险', { exact: true }).waitFor();
    await shot(page, 'workshop-edit-390');
    await tapButton(page, '保存');
    await page.getByText('已保存', { exact: true }).waitFor();

    const { token, user } = await apiLogin(server.url, 'demo-member');
    const enterpriseId = user.roles.find((r) => r.role === 'member')?.enterpriseId ?? '';
    const res = await fetch(`${server.url}/api/enterprises/${enterpriseId}/workshops`, { headers: { Authorization: `Bearer ${token}` } });
    const { items } = (await res.json()) as { items: { name: string; riskLevel: string; lec: { d: number } | null }[] };
    expect(items.find((w) => w.name === '危化品暂存间')).toMatchObject({ riskLevel: 'orange', lec: { d: 270 } });
  });
});
