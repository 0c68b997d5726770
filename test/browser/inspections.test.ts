// A self patrol on the h5 build against the real server: a workshop's label link (/q/<token>) opens the scan
// page, 开始日巡查 starts the patrol, an item passes, another fails with a photo chosen in the browser, the
// answers reach the server, and the patrol is submitted. SHOTS=dir saves screenshots at 390 and 1280 px.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Inspection } from '../../shared/schemas/inspections';
import type { Workshop } from '../../shared/schemas/workshops';
import { startTestServer, type TestServer } from '../support/server';
import { OFFICE_ARGS, chromiumAvailable, ensureH5Build, launchChromium, officeUrl } from './chromium';
import { apiLogin, submitLogin, tapButton } from './h5';

jest.setTimeout(240_000);

const run = chromiumAvailable();
(run ? describe : describe.skip)('a self patrol in the browser (h5)', () => {
  let server: TestServer;
  let base: string;
  let browser: Browser;
  let photo: string;
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
  async function api<T>(token: string, p: string): Promise<T> {
    const res = await fetch(`${server.url}${p}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  }

  beforeAll(async () => {
    ensureH5Build();
    server = await startTestServer({ demo: true, serveH5: true });
    base = officeUrl(server.url);
    browser = await launchChromium(OFFICE_ARGS);
    // a phone-sized photo of a distribution box
    photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'patrol-')), 'box.jpg');
    await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 120, g: 130, b: 140 } } }).jpeg().toFile(photo);
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

  it('label link → scan page → 开始日巡查 → pass, fail with a photo → on the server → submitted', async () => {
    const { token, user } = await apiLogin(server.url, 'demo-member');
    const enterpriseId = user.roles.find((r) => r.role === 'member')?.enterpriseId ?? '';
    const { items: workshops } = await api<{ items: Workshop[] }>(token, `/api/enterprises/${enterpriseId}/workshops`);
    const ws = workshops[0];
    const labelPath = new URL(ws.qrUrl ?? '').pathname;
    expect(labelPath).toMatch(/^\/q\/.+/);

    const page = await newPage(390);
    await page.goto(base);
    await submitLogin(page, 'demo-member');
    await page.waitForURL((u) => u.pathname.includes('/pages/home/'));
    // what a phone's browser does with the label's link
    await page.goto(`${base}${labelPath}`);
    await page.waitForURL((u) => u.pathname.includes('/packages/inspect/pages/scan/'));
    await page.getByText(ws.name, { exact: true }).first().waitFor();
    await shot(page, 'scan-390');
    await tapButton(page, '开始日巡查');
    await page.waitForURL((u) => u.pathname.includes('/packages/inspect/pages/run/'));
    const inspectionId = new URL(page.url()).searchParams.get('id') ?? '';
    expect(inspectionId).not.toBe('');
    await page.locator('.run__item').first().waitFor();

    const started = await api<Inspection>(token, `/api/inspections/${inspectionId}`);
    const passFail = started.items.filter((i) => i.answerType === 'pass_fail');
    const [first, second] = passFail;
    const itemBox = (text: string) => page.locator('.run__item').filter({ has: page.getByText(text, { exact: true }) });

    await itemBox(first.text).locator('.run__answer-pass').click();
    await page.getByText('全部记录已同步', { exact: true }).waitFor();

    await itemBox(second.text).locator('.run__answer-fail').click();
    await page.getByText('记录隐患（由检查项带出，可修改）', { exact: true }).waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.locator('.photos__add').click();
    await (await chooser).setFiles(photo);
    await page.locator('.finding-form .photos__thumb').first().waitFor();
    await shot(page, 'run-hazard-390');
    await page.locator('.finding-form__save').click();
    await page.getByText('全部记录已同步', { exact: true }).waitFor();

    const recorded = await api<Inspection>(token, `/api/inspections/${inspectionId}`);
    expect(recorded.results).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ itemId: first.id, answer: 'pass', workshopId: ws.id }),
        expect.objectContaining({ itemId: second.id, answer: 'fail', workshopId: ws.id }),
      ]),
    );
    const hazard = recorded.findings.find((f) => f.kind === 'hazard' && f.itemId === second.id);
    expect(hazard).toMatchObject({ description: `不符合：${second.text}`, category: second.category });
    expect(hazard?.photoIds).toHaveLength(1);
    // the photo was stored (re-encoded) and is served to its uploader
    const file = await fetch(`${server.url}/api/files/${hazard?.photoIds[0]}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('image/jpeg');

    await tapButton(page, '回头看与提交');
    await page.waitForURL((u) => u.pathname.includes('/packages/inspect/pages/detail/'));
    await tapButton(page, '提交检查');
    await page.locator('.taro-modal__foot').getByText('提交', { exact: true }).click();
    await page.getByText('本次发现的隐患（1）', { exact: true }).waitFor();
    await shot(page, 'detail-submitted-390');
    const submitted = await api<Inspection>(token, `/api/inspections/${inspectionId}`);
    expect(submitted.status).toBe('submitted');
    expect(submitted.hazards).toEqual([expect.objectContaining({ itemId: second.id, status: 'reported' })]);
    // the hazard found opens its own page
    await page.locator('.inspection__hazard').first().click();
    await page.waitForURL((u) => u.pathname.includes('/packages/hazard/pages/detail/') && u.search.includes(submitted.hazards[0].id));
    await page.locator('.hazard').getByText(`不符合：${second.text}`).first().waitFor();
  });

  it('on a PC the coop admin schedules a mutual round: host, checklist, a group of two from other members with a leader', async () => {
    const { token, user } = await apiLogin(server.url, 'demo-lead');
    const coopId = user.roles.find((r) => r.role === 'coop_admin')?.cooperativeId ?? '';
    const { items: people } = await api<{ items: { userId: string; name: string; enterpriseId: string | null; role: string }[] }>(token, `/api/cooperatives/${coopId}/inspectors`);
    const { items: members } = await api<{ items: { id: string; name: string }[] }>(token, `/api/enterprises?cooperativeId=${coopId}&pageSize=100`);
    // a host with people of its own, and two people from other members
    const host = members.find((m) => people.some((p) => p.enterpriseId === m.id)) ?? members[0];
    const others = people.filter((p) => p.role === 'member' && p.enterpriseId && p.enterpriseId !== host.id);
    expect(others.length).toBeGreaterThanOrEqual(2);
    const hostPerson = people.find((p) => p.enterpriseId === host.id);

    const page = await newPage(1280);
    await page.goto(base);
    await submitLogin(page, 'demo-lead');
    await page.waitForURL((u) => u.pathname.includes('/pages/home/'));
    await page.goto(`${base}/packages/inspect/pages/list/index`);
    await page.locator('.data-table [role=row]').nth(1).waitFor();
    await shot(page, 'inspections-1280');
    await tapButton(page, '安排互查');
    await page.getByText('检查组（点选成员；再点“设为组长”）', { exact: true }).waitFor();
    await page.locator('.schedule__host').filter({ hasText: new RegExp(`^${host.name}$`) }).click();
    // the host's own people are not offered
    if (hostPerson) expect(await page.locator('.schedule__person').filter({ hasText: host.name }).count()).toBe(0);
    await page.locator('.schedule__checklist').first().click();
    const pick = (p: { name: string }) => page.locator('.schedule__person').filter({ hasText: new RegExp(`^${p.name} · `) }).first().click();
    await pick(others[0]);
    await pick(others[1]);
    await page.locator('.schedule__leader').filter({ hasText: others[1].name }).click(); // the second one leads
    await page.getByText(`${others[1].name}（组长）`, { exact: true }).waitFor();
    await shot(page, 'schedule-1280');
    await tapButton(page, '安排互查并通知检查组');
    await page.waitForURL((u) => u.pathname.includes('/packages/inspect/pages/detail/'));
    const id = new URL(page.url()).searchParams.get('id') ?? '';
    await page.locator('.inspection').getByText('待开始', { exact: true }).waitFor();
    await shot(page, 'scheduled-1280');

    const round = await api<Inspection>(token, `/api/inspections/${id}`);
    expect(round).toMatchObject({ type: 'mutual', status: 'planned', hostEnterpriseId: host.id });
    expect(round.inspectors.map((i) => [i.userId, i.role]).sort()).toEqual(
      [
        [others[0].userId, 'member'],
        [others[1].userId, 'leader'],
      ].sort(),
    );
  });
});
