import type { Browser, BrowserContext, Page } from 'playwright-core';
import { isValidCreditCode } from '../../shared/credit-code';
import { startTestServer, type TestServer } from '../support/server';
import { chromiumAvailable, ensureH5Build, launchChromium } from './chromium';
import { login, loginFromInvitation, tapButton } from './h5';

const COOP = '西湖镇安全生产互助合作社';
const LEAD = '日照市溶解乙炔气厂';
// 18 characters in the right alphabet, wrong check digit
const BAD_CREDIT_CODE = '91371102MA3C1234X0';

jest.setTimeout(180_000);

const run = chromiumAvailable();
(run ? describe : describe.skip)('h5 invitations: 邀请成员 and the join page', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  let joinPath = '';
  let code = '';

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    return page;
  }

  beforeAll(async () => {
    ensureH5Build();
    server = await startTestServer({ demo: true, serveH5: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    expect(pageErrors).toEqual([]);
    pageErrors.length = 0;
  });

  it('demo-lead opens 邀请成员 and gets an 8-character code with a PNG QR code', async () => {
    const page = await newPage();
    await login(page, server.url, 'demo-lead');
    await page.getByText(COOP, { exact: true }).waitFor();
    await tapButton(page, '邀请成员');
    await tapButton(page, '生成邀请码');

    const codeText = page.locator('.invite__code');
    await codeText.waitFor();
    code = (await codeText.innerText()).trim();
    expect(code).toMatch(/^[A-Z0-9]{8}$/);

    const img = page.locator('.invite__qr img');
    await img.waitFor();
    expect(await img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    // the root tsconfig has no DOM lib: describe the two <img> properties read here
    type Img = { complete: boolean; naturalWidth: number };
    await page.waitForFunction((el) => (el as unknown as Img).complete, await img.elementHandle());
    expect(await img.evaluate((el) => (el as unknown as Img).naturalWidth)).toBeGreaterThan(0);

    joinPath = `/packages/org/pages/join/index?code=${code}`;
  });

  it('demo-member follows the join link and is told the enterprise is a member already', async () => {
    expect(joinPath).not.toBe('');
    const page = await newPage();
    const accepts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/accept')) accepts.push(r.url());
    });
    await page.goto(`${server.url}${joinPath}`);
    await loginFromInvitation(page, 'demo-member');
    await page.getByText(COOP, { exact: true }).waitFor();
    await page.getByText(`邀请码 ${code}`).waitFor();
    await page.getByText('已是本合作社成员', { exact: true }).waitFor();
    await page.getByText('已是成员', { exact: true }).waitFor();
    expect(await page.getByText('以此企业加入').count()).toBe(0);

    await tapButton(page, '查看成员名录');
    await page.getByText(LEAD).first().waitFor();
    expect(page.url()).toContain('/packages/org/pages/directory/index');
    expect(accepts).toEqual([]);
  });

  it('the new-enterprise form rejects a wrong 统一社会信用代码 beside the field and sends nothing', async () => {
    expect(isValidCreditCode(BAD_CREDIT_CODE)).toBe(false);
    const page = await newPage();
    const accepts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/accept')) accepts.push(r.url());
    });
    await page.goto(`${server.url}${joinPath}`);
    await loginFromInvitation(page, 'demo-member');
    await tapButton(page, '登记其他企业加入');
    await page.locator('input[name=name]').fill('日照安新化工有限公司');
    await page.locator('input[name=creditCode]').fill(BAD_CREDIT_CODE);
    await page.locator('input[name=address]').fill('日照市东港区西湖镇工业园 8 号');
    await page.locator('input[name=headcount]').fill('35');
    await page.locator('input[name=contactName]').fill('王强');
    await page.locator('input[name=contactPhone]').fill('13800138000');
    await tapButton(page, '提交并加入');

    const creditField = page.locator('.field', { has: page.getByText('统一社会信用代码', { exact: true }) });
    await creditField.locator('.field__error').getByText('统一社会信用代码不正确（应为 18 位且校验位正确）').waitFor();
    expect(await creditField.getAttribute('class')).toContain('field--invalid');
    // a field filled correctly carries no error
    const nameField = page.locator('.field', { has: page.getByText('企业名称', { exact: true }) });
    expect(await nameField.locator('.field__error').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(accepts).toEqual([]);
  });
});
