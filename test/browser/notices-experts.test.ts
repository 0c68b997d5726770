// The desk's publishing screens on the h5 build against the real server with the demo year: demo-lead publishes
// a notice to the cooperative at 1280 px (confirmed in the modal) and the API then lists it with its recipients;
// demo-supervisor registers an expert for the district and the roster shows them, with the counters.
// SHOTS=dir saves screenshots of the new pages at 390 and 1280.
import type { ExpertList } from '../../shared/schemas/experts';
import type { Notice, NoticeList } from '../../shared/schemas/notices';
import { chromiumAvailable } from './chromium';
import { apiLogin, tapButton } from './h5';
import { useDemoSession } from './session';

jest.setTimeout(240_000);

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const run = chromiumAvailable();
(run ? describe : describe.skip)('publishing notices and registering experts in the browser (h5)', () => {
  const session = useDemoSession();

  it('demo-lead publishes a notice at a desk; the API then lists it with its recipients', async () => {
    const title = '关于元旦前开展消防安全自查的通知';
    const page = await session().loginAt(1280, 'demo-lead');
    await page.goto(`${session().base}/packages/notices/pages/list/index`);
    await page.locator('.ntc__item').first().waitFor();
    await session().shot(page, 'notices-list-1280');
    await tapButton(page, '发布通知');
    await page.waitForURL((u) => u.pathname.includes('/packages/notices/pages/edit/'));
    // the lead admins one cooperative: it is chosen already
    await page.locator('.ntc__chip--on').filter({ hasText: '合作社' }).waitFor();
    await tapButton(page, '发布');
    await page.getByText('请填写此项').first().waitFor();
    await page.locator('input[name=title]').fill(title);
    await page.locator('.ntc__textarea textarea').fill('各成员企业：请于12月30日前完成消防设施、疏散通道自查，并在系统中上报隐患。');
    // the checklist as a PDF from the computer (the browser's own file dialog)
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.att__add-pdf').click()]);
    await chooser.setFiles({ name: '消防自查表.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByText('附件 1（PDF）').waitFor();
    await session().shot(page, 'notice-edit-1280');
    await tapButton(page, '发布');
    await page.getByText('所有成员企业的人员都会收到并需确认', { exact: false }).waitFor();
    await page.locator('.taro-modal__foot').getByText('发布', { exact: true }).click();
    await page.waitForURL((u) => u.pathname.includes('/packages/notices/pages/acks/'));

    const lead = await apiLogin(session().server.url, 'demo-lead');
    const published = await session().api<NoticeList>(lead.token, '/api/notices?box=published&pageSize=50');
    const mine = published.items.filter((n) => n.title === title);
    expect(mine).toHaveLength(1);
    expect(mine[0].recipientCount).toBeGreaterThan(1);
    expect(mine[0].confirmedCount).toBe(0);
    await page.getByText(`未确认（${mine[0].recipientCount}）`).waitFor();
    // the PDF went with it, byte for byte
    const full = await session().api<Notice>(lead.token, `/api/notices/${mine[0].id}`);
    expect(full.attachments.map((a) => a.mime)).toEqual(['application/pdf']);
    const file = await fetch(`${session().server.url}${full.attachments[0].signedUrl}`);
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);

    // the detail offers 修改并重新发布 to the publisher
    await page.goto(`${session().base}/packages/notices/pages/detail/index?id=${mine[0].id}`);
    await page.locator('.ntc__republish').waitFor();
    await session().shot(page, 'notice-detail-manage-1280');
    await tapButton(page, '修改并重新发布');
    await page.waitForURL((u) => u.pathname.includes('/packages/notices/pages/edit/'));
    await page.getByText('当前第 1 版', { exact: false }).waitFor();
    expect(await page.locator('input[name=title]').inputValue()).toBe(title);
    await session().shot(page, 'notice-republish-1280');

    const phone = await session().loginAt(390, 'demo-lead');
    await phone.goto(`${session().base}/packages/notices/pages/edit/index`);
    await phone.locator('input[name=title]').waitFor();
    await session().shot(phone, 'notice-edit-390');
  });

  it('demo-supervisor publishes a bulletin to a town on a phone; its cooperatives’ people receive it', async () => {
    const title = '关于近期燃气安全事故的通报';
    const page = await session().loginAt(390, 'demo-supervisor');
    await page.goto(`${session().base}/packages/notices/pages/edit/index`);
    // a supervisor publishes to the district or one of its towns, never straight to a cooperative
    await page.locator('.ntc__chip').filter({ hasText: '（区）' }).waitFor();
    expect(await page.locator('.ntc__chip').filter({ hasText: '（合作社）' }).count()).toBe(0);
    const town = page.locator('.ntc__chip').filter({ hasText: '西湖镇（镇）' });
    await town.click();
    await page.locator('.ntc__cat').filter({ hasText: '通报' }).click();
    await page.locator('input[name=title]').fill(title);
    await page.locator('.ntc__textarea textarea').fill('近期外地发生一起燃气泄漏事故，请各企业排查燃气管道和报警装置。');
    await session().shot(page, 'notice-edit-supervisor-390');
    await tapButton(page, '发布');
    await page.getByText('发布到「西湖镇」后', { exact: false }).waitFor();
    await page.locator('.taro-modal__foot').getByText('发布', { exact: true }).click();
    await page.waitForURL((u) => u.pathname.includes('/packages/notices/pages/acks/'));

    const member = await apiLogin(session().server.url, 'demo-member');
    const got = await session().api<NoticeList>(member.token, '/api/notices?box=received&pageSize=50');
    const n = got.items.find((x) => x.title === title);
    expect(n).toMatchObject({ category: 'bulletin', scopeName: '西湖镇', recipient: true, confirmedAt: null });
  });

  it('demo-supervisor registers an expert for the district; the roster shows them', async () => {
    const page = await session().loginAt(1280, 'demo-supervisor');
    await page.goto(`${session().base}/packages/experts/pages/roster/index`);
    await page.locator('.exp__stats').waitFor();
    await session().shot(page, 'expert-roster-before-1280');
    await tapButton(page, '登记专家');
    await page.waitForURL((u) => u.pathname.includes('/packages/experts/pages/register/'));
    await page.locator('input[name=username]').fill('qian-expert');
    await page.locator('input[name=password]').fill('qian-pass-2026');
    await page.locator('input[name=name]').fill('钱工程师');
    await page.locator('.exp__field').filter({ hasText: '消防安全' }).click();
    await page.locator('.exp__cert-input input').first().fill('注册消防工程师（一级）');
    await page.locator('input[name=title]').fill('高级工程师 · 日照市消防协会');
    await page.locator('.exp__scope').filter({ hasText: '（区）' }).first().click();
    await session().shot(page, 'expert-register-1280');
    // the roster below in the page stack has a 登记专家 button too: this form's own
    await page.locator('.exp__submit').click();
    await page.waitForURL((u) => u.pathname.includes('/packages/experts/pages/roster/'));
    await page.locator('.exp__table').getByText('钱工程师').waitFor();
    expect(await page.locator('.exp__table').innerText()).toContain('注册消防工程师（一级）');
    await session().shot(page, 'expert-roster-1280');

    const sup = await apiLogin(session().server.url, 'demo-supervisor');
    const experts = await session().api<ExpertList>(sup.token, '/api/experts?pageSize=100');
    const qian = experts.items.find((x) => x.name === '钱工程师');
    expect(qian).toMatchObject({ field: '消防安全', certificates: ['注册消防工程师（一级）'], title: '高级工程师 · 日照市消防协会', cooperativeId: null });
    expect(qian?.regionName).toBeTruthy();

    const phone = await session().loginAt(390, 'demo-supervisor');
    await phone.goto(`${session().base}/packages/experts/pages/roster/index`);
    await phone.getByText('钱工程师').first().waitFor();
    await session().shot(phone, 'expert-roster-390');
    await phone.goto(`${session().base}/packages/experts/pages/register/index`);
    await phone.locator('input[name=username]').waitFor();
    await session().shot(phone, 'expert-register-390');
    // an existing user: a member works under another role, so is not offered
    await phone.locator('.exp__mode-existing').click();
    await phone.locator('.exp__search-input input').fill('demo-member');
    await phone.locator('.exp__search-btn').click();
    await phone.getByText('没有找到可登记的用户', { exact: false }).waitFor();
    await session().shot(phone, 'expert-register-existing-390');
  });
});
