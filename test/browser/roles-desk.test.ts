// Every person at home: each role's home page, the platform admin's controls, a coop admin's invitation
// list with revoke, a stranger opening an invitation link, inner pages with title and back, and the desk
// layout (side navigation, lists as tables) at 1280 px. On a plain-http office address, like a real office.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server';
import { OFFICE_ARGS, chromiumAvailable, ensureH5Build, launchChromium, officeUrl } from './chromium';
import { apiLogin, submitLogin, tapButton } from './h5';

const COOP = '西湖镇安全生产互助合作社';
const OTHER_COOP = '涛雒镇海产品加工安全生产互助合作社';

jest.setTimeout(240_000);

type Grants = { role: string; cooperativeId?: string }[];

async function api<T>(base: string, token: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

const run = chromiumAvailable();
(run ? describe : describe.skip)('role homes, admin controls, invitations and the desk layout (h5)', () => {
  let server: TestServer;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  async function newPage(width = 390): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: width > 800 ? 800 : 844 }, locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => problems.push(e.message));
    return page;
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

  it.each([
    ['demo-admin', '全部合作社', ['平台管理', '区域管理', '新建合作社', '新建桌面账号', OTHER_COOP]],
    ['demo-supervisor', '辖区内的合作社', [COOP, OTHER_COOP]],
    ['demo-expert', '服务的合作社', [COOP]],
    ['demo-lead', '我的合作社', [COOP, '邀请成员', '邀请记录']],
    ['demo-member', '我的合作社', [COOP]],
  ])('%s gets a home of their own: %s', async (username, heading, expected) => {
    const page = await newPage();
    await loginAs(page, username);
    await page.getByText(new RegExp(`^${heading}（\\d+）$`)).waitFor();
    for (const text of expected) await page.getByText(text, { exact: true }).first().waitFor();
    // nobody with a role is told to join a cooperative
    expect(await page.getByText('加入合作社', { exact: true }).count()).toBe(0);
    if (username !== 'demo-admin') expect(await page.getByText('平台管理', { exact: true }).count()).toBe(0);
    if (username === 'demo-member' || username === 'demo-expert') expect(await page.getByText('邀请成员', { exact: true }).count()).toBe(0);
  });

  it('the platform admin creates a cooperative and a desk user for its admin, who can then log in', async () => {
    const page = await newPage();
    await loginAs(page, 'demo-admin');
    await tapButton(page, '新建合作社');
    await page.getByText('所在区域', { exact: true }).waitFor();
    // a form error clears as soon as the field is filled
    await tapButton(page, '建立合作社');
    await page.getByText('请填写合作社名称', { exact: true }).waitFor();
    await page.locator('input[name=coopName]').fill('三庄镇安全生产互助合作社');
    await page.getByText('请填写合作社名称', { exact: true }).waitFor({ state: 'detached' });
    await page.locator('.choice__chip').filter({ hasText: /^西湖镇$/ }).click();
    await page.locator('.choice__chip').filter({ hasText: /^机械加工$/ }).click();
    await tapButton(page, '建立合作社');
    await page.getByText('已建立：三庄镇安全生产互助合作社', { exact: true }).waitFor();

    await tapButton(page, '开设管理员账号');
    await page.locator('input[name=name]').fill('三庄镇合作社 赵主任');
    await page.locator('input[name=newUsername]').fill('sanzhuang-admin');
    await page.locator('input[name=newPassword]').fill('sanzhuang-2026');
    await page.locator('.choice__chip').filter({ hasText: /^合作社管理员$/ }).click();
    await page.locator('.choice__chip').filter({ hasText: /^三庄镇安全生产互助合作社$/ }).click();
    await tapButton(page, '开设账号');
    await page.getByText('已开设：三庄镇合作社 赵主任', { exact: true }).waitFor();

    // the new desk user logs in and manages the new cooperative
    const res = await fetch(`${server.url}/api/auth/password`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'sanzhuang-admin', password: 'sanzhuang-2026' }),
    });
    expect(res.status).toBe(200);
    const { token, user } = (await res.json()) as { token: string; user: { roles: Grants } };
    expect(user.roles).toEqual([expect.objectContaining({ role: 'coop_admin' })]);
    const coop = await api<{ name: string }>(server.url, token, `/api/cooperatives/${user.roles[0].cooperativeId}`);
    expect(coop.body.name).toBe('三庄镇安全生产互助合作社');
  });

  it('the platform admin adds a town under a district', async () => {
    const page = await newPage();
    await loginAs(page, 'demo-admin');
    await tapButton(page, '区域管理');
    await page.locator('input[name=regionName]').fill('后村镇');
    await page.locator('.choice__chip').first().click();
    await tapButton(page, '新增乡镇');
    await page.getByText('后村镇', { exact: true }).last().waitFor();
    const { token } = await apiLogin(server.url, 'demo-admin');
    const regions = await api<{ items: { name: string; level: string }[] }>(server.url, token, '/api/regions');
    expect(regions.body.items).toContainEqual(expect.objectContaining({ name: '后村镇', level: 'town' }));
  });

  it('a coop admin lists the invitations issued and revokes one', async () => {
    const { token, user } = await apiLogin(server.url, 'demo-lead');
    const coopId = user.roles.find((r) => r.role === 'coop_admin')?.cooperativeId ?? '';
    const issued = await api<{ code: string }>(server.url, token, `/api/cooperatives/${coopId}/invitations`, { method: 'POST', body: {} });
    const { code } = issued.body;

    const page = await newPage();
    await loginAs(page, 'demo-lead');
    await tapButton(page, '邀请记录');
    const row = page.locator('.invitations__item').filter({ hasText: code });
    await row.getByText('有效', { exact: true }).waitFor();
    await row.locator('.nut-button').filter({ hasText: '作废' }).click();
    await page.getByText(`作废后邀请码 ${code} 不能再用于加入合作社`, { exact: false }).waitFor();
    await page.locator('.taro-modal__foot').getByText('作废', { exact: true }).click();
    await row.getByText('已作废', { exact: true }).waitFor();

    const preview = await fetch(`${server.url}/api/invitations/${code}`);
    expect(((await preview.json()) as { valid: boolean }).valid).toBe(false);
  });

  it('a coop admin sends a pre-registered enterprise its own invitation from the enterprise page', async () => {
    const page = await newPage();
    await loginAs(page, 'demo-lead');
    await tapButton(page, '成员名录');
    const member = '日照东方彩印包装有限公司';
    await page.locator('.directory__item').filter({ hasText: member }).click();
    await page.waitForURL((u) => u.pathname.includes('/packages/org/pages/enterprise/'));
    await tapButton(page, '发送专属邀请');
    await page.getByText(new RegExp(`为已登记的“${member}”生成专属邀请`)).waitFor();
    await tapButton(page, '生成邀请码');
    await page.getByText(`邀请码（仅限 ${member}）`, { exact: true }).waitFor();
    const code = (await page.locator('.invite__code').innerText()).trim();
    const preview = (await (await fetch(`${server.url}/api/invitations/${code}`)).json()) as { enterpriseName: string | null };
    expect(preview.enterpriseName).toBe(member);
  });

  it('a stranger opening an invitation link in a browser is shown the code to scan in WeChat, in Beijing time', async () => {
    const { token, user } = await apiLogin(server.url, 'demo-lead');
    const coopId = user.roles.find((r) => r.role === 'coop_admin')?.cooperativeId ?? '';
    const inv = await api<{ code: string; joinUrl: string; expiresAt: string }>(server.url, token, `/api/cooperatives/${coopId}/invitations`, {
      method: 'POST',
      body: {},
    });
    const link = new URL(inv.body.joinUrl);
    const page = await newPage();
    await page.goto(`${base}${link.pathname}${link.search}`);
    await page.getByText(COOP, { exact: true }).waitFor();
    await page.getByText(/请用手机微信“扫一扫”扫描上方二维码/).waitFor();
    // no bare login form: the invitation explains itself
    expect(await page.locator('input[name=password]').count()).toBe(0);
    const img = page.locator('.join__qr img');
    await img.waitFor();
    expect(await img.getAttribute('src')).toBe(`/api/invitations/${inv.body.code}/qrcode.png`);
    type Img = { complete: boolean; naturalWidth: number };
    await page.waitForFunction((el) => (el as unknown as Img).complete, await img.elementHandle());
    expect(await img.evaluate((el) => (el as unknown as Img).naturalWidth)).toBeGreaterThan(0);
    // the expiry in Beijing time, whatever the browser's zone
    const beijing = new Date(new Date(inv.body.expiresAt).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    await page.getByText(`邀请码 ${inv.body.code} · 有效期至 ${beijing}`).waitFor();
  });

  it('inner pages have a title and a way back', async () => {
    const page = await newPage();
    await loginAs(page, 'demo-lead');
    await tapButton(page, '成员名录');
    const bar = page.locator('#taro-navigation-bar');
    await bar.getByText(`${COOP} · 成员名录`).waitFor();
    await bar.locator('.taro-navigation-bar-back').click();
    await page.waitForURL((u) => u.pathname.includes('/pages/home/'));
  });

  it('at 1280 px the side navigation opens what a role needs; phones keep the tab bar', async () => {
    const desk = await newPage(1280);
    await loginAs(desk, 'demo-admin');
    const nav = desk.locator('.desk-nav');
    for (const item of ['首页', '检查', '隐患', '我的', '区域管理', '新建合作社', '新建桌面账号']) await nav.getByText(item, { exact: true }).waitFor();
    await nav.getByText('区域管理', { exact: true }).click();
    await desk.waitForURL((u) => u.pathname.includes('/packages/admin/pages/regions/'));
    await desk.getByText('新增区域', { exact: true }).waitFor();
    await nav.getByText('首页', { exact: true }).click();
    await desk.waitForURL((u) => u.pathname.includes('/pages/home/'));

    const phone = await newPage(390);
    await loginAs(phone, 'demo-admin');
    expect(await phone.locator('.desk-nav').count()).toBe(0);
    expect(await phone.locator('.weui-tabbar').isVisible()).toBe(true);
  });

  it('at 1280 px the directory is a table beside a side navigation', async () => {
    const page = await newPage(1280);
    await loginAs(page, 'demo-lead');
    await tapButton(page, '成员名录');
    const table = page.locator('.directory__table');
    await table.waitFor();
    for (const h of ['企业名称', '行业', '地址', '联系人', '联系电话', '加入日期']) await table.getByText(h, { exact: true }).waitFor();
    const rows = table.locator('.data-table__row:not(.data-table__head)');
    expect(await rows.count()).toBe(20);
    // one row per enterprise: name and phone side by side on one line
    const first = rows.first();
    const cells = first.locator('.data-table__cell');
    const boxes = await Promise.all([cells.nth(0).boundingBox(), cells.nth(4).boundingBox()]);
    const phoneMiddle = boxes[1]!.y + boxes[1]!.height / 2;
    expect(phoneMiddle).toBeGreaterThan(boxes[0]!.y);
    expect(phoneMiddle).toBeLessThan(boxes[0]!.y + boxes[0]!.height);
    expect(boxes[1]!.x).toBeGreaterThan(boxes[0]!.x + boxes[0]!.width);
    // the side navigation stays on the left, also on an inner page, with this page marked
    const nav = await page.locator('.desk-nav').boundingBox();
    expect(nav!.x).toBe(0);
    expect(nav!.height).toBeGreaterThan(600);
    expect(nav!.width).toBeLessThan(260);
    expect(await page.locator('.desk-nav__item--on').innerText()).toBe('成员名录');
    // the phone tab bar gives way to it
    expect(await page.locator('.taro-tabbar__tabbar').isVisible()).toBe(false);
    // no phone-width column: the table uses the width
    expect((await table.boundingBox())!.width).toBeGreaterThan(900);
    // and a row opens the enterprise
    await first.click();
    await page.waitForURL((u) => u.pathname.includes('/packages/org/pages/enterprise/'));
  });
});
