// The hazard loop on the h5 build against the real server with the demo season: the member opens a hazard of
// its enterprise waiting for a fix from the 隐患 tab, submits the rectification with a photo chosen in the
// browser; the coop admin, on a PC, finds it in the verification queue and accepts it; the API then says closed.
// SHOTS=dir saves screenshots at 390 and 1280 px.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Page as Paged } from '../../shared/schemas/common';
import type { Hazard, HazardDetail } from '../../shared/schemas/hazards';
import { startTestServer, type TestServer } from '../support/server';
import { OFFICE_ARGS, chromiumAvailable, ensureH5Build, launchChromium, officeUrl } from './chromium';
import { apiLogin, submitLogin, tapButton } from './h5';

jest.setTimeout(240_000);

const run = chromiumAvailable();
(run ? describe : describe.skip)('the hazard loop in the browser (h5)', () => {
  let server: TestServer;
  let base: string;
  let browser: Browser;
  let photo: string;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  async function newPage(width: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: width > 800 ? 800 : 844 }, locale: 'zh-CN', acceptDownloads: true });
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
  async function api<T>(token: string, p: string): Promise<T> {
    const res = await fetch(`${server.url}${p}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  }
  async function loginAt(width: number, username: string): Promise<Page> {
    const page = await newPage(width);
    await page.goto(base);
    await submitLogin(page, username);
    await page.waitForURL((u) => u.pathname.includes('/pages/home/'));
    return page;
  }

  beforeAll(async () => {
    ensureH5Build();
    server = await startTestServer({ demo: true, serveH5: true });
    base = officeUrl(server.url);
    browser = await launchChromium(OFFICE_ARGS);
    photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fix-')), 'after.jpg');
    await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 90, g: 140, b: 110 } } }).jpeg().toFile(photo);
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

  it('the member fixes a hazard with a photo; the coop admin accepts it from the verification queue; the hazard is closed', async () => {
    const member = await apiLogin(server.url, 'demo-member');
    // the first general hazard waiting for the enterprise's fix, in the order the member's list shows them
    const open = await api<Paged<Hazard>>(member.token, '/api/hazards?view=open&status=reported&pageSize=50');
    let target: HazardDetail | undefined;
    for (const h of open.items.filter((x) => x.level === 'general')) {
      const d = await api<HazardDetail>(member.token, `/api/hazards/${h.id}`);
      if (d.actions.includes('submit_rectification')) {
        target = d;
        break;
      }
    }
    if (!target) throw new Error('the demo has no general hazard waiting for demo-member’s fix');
    const hz = target;

    const page = await loginAt(390, 'demo-member');
    await page.goto(`${base}/pages/hazards/index`);
    const item = page.locator('.hz-item').filter({ hasText: hz.description }).first();
    await item.waitFor();
    expect(await page.locator('.hz-item').first().locator('.hz-badge').count()).toBeGreaterThanOrEqual(2);
    await shot(page, 'hazards-390');
    await item.click();
    await page.waitForURL((u) => u.pathname.includes('/packages/hazard/pages/detail/'));
    expect(new URL(page.url()).searchParams.get('id')).toBe(hz.id);
    await page.locator('.hz-timeline__event').first().waitFor();
    expect(await page.locator('.hz-timeline__event').first().innerText()).toContain('发现隐患');
    await shot(page, 'hazard-detail-390');

    await tapButton(page, '提交整改');
    await page.waitForURL((u) => u.pathname.includes('/packages/hazard/pages/rectify/'));
    await page.locator('.hz-field--measures textarea').fill('拆除临时拉线，改为穿管敷设并加装漏电保护器');
    await page.locator('.field__input input').nth(0).fill('360');
    await page.locator('.field__input input').nth(1).fill('演示安全员');
    const chooser = page.waitForEvent('filechooser');
    await page.locator('.hz-photos__add').click();
    await (await chooser).setFiles(photo);
    await page.locator('.hz-photos__item .hz-photos__thumb').first().waitFor();
    await shot(page, 'rectify-390');
    await tapButton(page, '提交整改，申请验收');
    await page.waitForURL((u) => u.pathname.includes('/packages/hazard/pages/detail/'));
    await page.locator('.hazard .hz-status').getByText('待验收', { exact: true }).waitFor();
    await page.getByText('整改情况', { exact: true }).waitFor();
    await shot(page, 'hazard-pending-390');
    // a tap on the after-photo previews it full size (fetched with the token, shown from memory)
    await page.locator('.hazard__fix .hz-photos__thumb').first().click();
    const preview = page.locator('.preview-image img').first();
    await preview.waitFor();
    expect(await preview.getAttribute('src')).toMatch(/^blob:/);
    expect(await preview.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(320); // the photo, not its thumbnail
    await page.locator('.preview-image').click();
    await page.locator('.preview-image').waitFor({ state: 'detached' });

    const fixed = await api<HazardDetail>(member.token, `/api/hazards/${hz.id}`);
    expect(fixed.status).toBe('pending_verification');
    expect(fixed.rectification).toMatchObject({ measures: '拆除临时拉线，改为穿管敷设并加装漏电保护器', cost: 360, responsible: '演示安全员' });
    expect(fixed.rectification?.photoIds).toHaveLength(1);

    // the coop admin at a desk: the verification queue, the hazard, 验收通过
    const lead = await loginAt(1280, 'demo-lead');
    await lead.goto(`${base}/packages/hazard/pages/verify/index`);
    const row = lead.locator('.data-table [role=row]').filter({ hasText: hz.description }).first();
    await row.waitFor();
    await shot(lead, 'verify-queue-1280');
    await row.click();
    await lead.waitForURL((u) => u.pathname.includes('/packages/hazard/pages/detail/'));
    await lead.getByText('整改后照片', { exact: true }).waitFor();
    await tapButton(lead, '验收通过');
    await lead.locator('.taro-modal__foot').getByText('通过', { exact: true }).click();
    await lead.locator('.hazard .hz-status').getByText('已销号', { exact: true }).waitFor();
    await shot(lead, 'hazard-closed-1280');
    // 整改通知书: fetched with the token, opened in a new tab
    const tab = lead.context().waitForEvent('page');
    const answer = lead.waitForResponse((r) => r.url().endsWith(`/api/hazards/${hz.id}/notice.pdf`));
    await tapButton(lead, '整改通知书');
    const res = await answer;
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    // (its body is gone once the tab takes it: the server's own tests read the PDF)
    expect((await tab).url()).toMatch(/^blob:/);

    const closed = await api<HazardDetail>(member.token, `/api/hazards/${hz.id}`);
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    expect(closed.events.map((e) => e.kind).slice(-2)).toEqual(['rectification_submitted', 'accepted']);
    expect(closed.actions).toEqual([]);
  });

  it('the coop admin’s ledger at a desk: per-member counts, filters, and the Excel export with its progress', async () => {
    const page = await loginAt(1280, 'demo-lead');
    await page.goto(`${base}/packages/hazard/pages/ledger/index`);
    await page.locator('.summary [role=row]').nth(1).waitFor();
    await page.locator('.hz-table [role=row]').nth(1).waitFor();
    await shot(page, 'ledger-1280');
    await page.locator('.ledger__level-major').click();
    await page.waitForTimeout(500);
    const levels = await page.locator('.hz-table .hz-level').allInnerTexts();
    expect(levels.length).toBeGreaterThan(0);
    expect(new Set(levels)).toEqual(new Set(['重大']));
    // the progress line flashes by on a small export: keep every text it shows
    // (page scripts as strings: the test's TypeScript has no DOM types)
    await page.evaluate(`(() => {
      const seen = (window.progressSeen = []);
      new MutationObserver(() => {
        const t = document.querySelector('.ledger__progress')?.textContent;
        if (t && seen[seen.length - 1] !== t) seen.push(t);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);
    const download = page.waitForEvent('download');
    await tapButton(page, '导出 Excel');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^隐患台账-\d{8}\.xlsx$/);
    const seen = (await page.evaluate('window.progressSeen')) as string[];
    expect(seen[0]).toBe('正在生成台账…');
    // the row count from X-Total-Count, then the bytes
    expect(seen.some((t) => /^共 \d+ 条，已下载 \d+(\.\d)? (KB|MB)/.test(t))).toBe(true);
    const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-')), 'l.xlsx');
    await file.saveAs(saved);
    // an xlsx is a zip
    expect(fs.readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
