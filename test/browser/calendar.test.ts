// Issue 9's screens on the h5 build against the real server with the demo year: a member confirms a notice
// (unconfirmed first, 确认已读, the API then says confirmed); the coop admin at a desk reads who has not
// confirmed in a table; the calendar, an activity, the organiser's sign-in QR, the expert's visits with the
// prescription, and the subscription settings render with demo data. SHOTS=dir saves screenshots at 390/1280.
import type { ActivityList } from '../../shared/schemas/activities';
import type { ExpertVisit, ExpertVisitList } from '../../shared/schemas/experts';
import type { Notice, NoticeAcks, NoticeList } from '../../shared/schemas/notices';
import { chromiumAvailable } from './chromium';
import { apiLogin, tapButton } from './h5';
import { useDemoSession } from './session';

jest.setTimeout(240_000);

const run = chromiumAvailable();
(run ? describe : describe.skip)('activities, notices and expert visits in the browser (h5)', () => {
  const session = useDemoSession();

  it('the member sees an unconfirmed notice first and confirms it; the API then has the confirmation', async () => {
    const member = await apiLogin(session().server.url, 'demo-member');
    const pending = await session().api<NoticeList>(member.token, '/api/notices?box=received&unconfirmed=true');
    expect(pending.total).toBeGreaterThan(0);
    const target = pending.items[0];

    const page = await session().loginAt(390, 'demo-member');
    await page.goto(`${session().base}/packages/notices/pages/list/index`);
    await page.getByText(`${pending.total} 条待确认`).waitFor();
    const first = page.locator('.ntc__item').first();
    expect(await first.innerText()).toContain('待确认');
    await session().shot(page, 'notices-390');
    await page.locator('.ntc__item').filter({ hasText: target.title }).first().click();
    await page.waitForURL((u) => u.pathname.includes('/packages/notices/pages/detail/'));
    await session().shot(page, 'notice-detail-390');
    await tapButton(page, '确认已读');
    await page.locator('.ntc__confirmed').waitFor();
    expect(await page.locator('.ntc__confirmed').innerText()).toContain('确认已读');
    const after = await session().api<Notice>(member.token, `/api/notices/${target.id}`);
    expect(after.confirmedAt).not.toBeNull();
  });

  it('the coop admin at a desk reads who has not confirmed, as a table, with 提醒未确认', async () => {
    const lead = await apiLogin(session().server.url, 'demo-lead');
    const published = await session().api<NoticeList>(lead.token, '/api/notices?box=published&pageSize=50');
    const open = published.items.find((n) => n.confirmedCount < n.recipientCount);
    if (!open) throw new Error('the demo has no notice of demo-lead with people still to confirm');
    const acks = await session().api<NoticeAcks>(lead.token, `/api/notices/${open.id}/acks`);

    const page = await session().loginAt(1280, 'demo-lead');
    await page.goto(`${session().base}/packages/notices/pages/list/index`);
    await page.getByText('我发布的', { exact: true }).click();
    await page.locator('.ntc__item').filter({ hasText: open.title }).first().waitFor();
    await session().shot(page, 'notices-published-1280');
    await page.goto(`${session().base}/packages/notices/pages/acks/index?id=${open.id}`);
    await page.getByText(`未确认（${acks.pending.length}）`).waitFor();
    const rows = page.locator('.data-table [role=row]');
    // a header per table plus one row per person
    expect(await rows.count()).toBe(acks.pending.length + acks.confirmed.length + (acks.confirmed.length > 0 ? 2 : 1));
    expect(await page.locator('.data-table').first().innerText()).toContain(acks.pending[0].name);
    expect(await page.locator('.ntc__remind').innerText()).toContain(`提醒未确认（${acks.pending.length} 人）`);
    await session().shot(page, 'notice-acks-1280');
  });

  it('the calendar, an activity, the organiser’s QR, the expert’s visits and the subscription settings render', async () => {
    const lead = await apiLogin(session().server.url, 'demo-lead');
    const acts = await session().api<ActivityList>(lead.token, '/api/activities?pageSize=50');
    expect(acts.total).toBeGreaterThan(0);
    const act = acts.items[0];

    const member = await session().loginAt(390, 'demo-member');
    await member.goto(`${session().base}/packages/calendar/pages/list/index`);
    await member.locator('.cal__title').waitFor();
    await session().shot(member, 'calendar-390');
    await member.goto(`${session().base}/packages/calendar/pages/detail/index?id=${act.id}`);
    await member.getByText(act.title).first().waitFor();
    // no camera scanner in a browser: it says where to sign in
    await member.getByText('签到请在微信“安全互助”小程序中扫码').waitFor();
    await session().shot(member, 'activity-390');
    await member.goto(`${session().base}/packages/settings/pages/subscriptions/index`);
    await member.locator('.subs__row').first().waitFor();
    expect(await member.locator('.subs__row').count()).toBe(6);
    await session().shot(member, 'subscriptions-390');

    const desk = await session().loginAt(1280, 'demo-lead');
    await desk.goto(`${session().base}/packages/calendar/pages/detail/index?id=${act.id}`);
    await desk.getByText(act.title).first().waitFor();
    await desk.getByText('出示签到码', { exact: true }).waitFor();
    await session().shot(desk, 'activity-1280');
    await desk.goto(`${session().base}/packages/calendar/pages/code/index?id=${act.id}`);
    await desk.locator('.cal__qr img').waitFor();
    expect(await desk.locator('.cal__qr img').getAttribute('src')).toMatch(/^data:image\/png/);
    await session().shot(desk, 'checkin-code-1280');

    await desk.goto(`${session().base}/packages/experts/pages/visits/index`);
    await desk.locator('.data-table [role=row]').nth(1).waitFor();
    await session().shot(desk, 'expert-visits-1280');
    // 安排专家上门: the cooperative's member and an expert serving it, a purpose; the visit opens
    await desk.getByText('＋ 安排专家上门', { exact: true }).click();
    await desk.waitForURL((u) => u.pathname.includes('/packages/experts/pages/schedule/'));
    const groups = desk.locator('.exp__chips');
    await groups.nth(1).locator('.exp__chip').first().waitFor();
    const entName = await groups.nth(0).locator('.exp__chip').first().innerText();
    await groups.nth(0).locator('.exp__chip').first().click();
    await groups.nth(1).locator('.exp__chip').first().click();
    await desk.locator('.exp__purpose textarea').fill('冬季消防与用电安全专项检查');
    await session().shot(desk, 'expert-schedule-1280');
    await tapButton(desk, '安排上门');
    await desk.waitForURL((u) => u.pathname.includes('/packages/experts/pages/visit/'));
    await desk.getByText('检查重点：冬季消防与用电安全专项检查').waitFor();
    const made = await session().api<ExpertVisit>(lead.token, `/api/expert-visits/${new URL(desk.url()).searchParams.get('id')}`);
    expect(made).toMatchObject({ enterpriseName: entName, purpose: '冬季消防与用电安全专项检查', status: 'planned' });

    const expert = await apiLogin(session().server.url, 'demo-expert');
    const visits = await session().api<ExpertVisitList>(expert.token, '/api/expert-visits?mine=true&status=submitted&pageSize=5');
    expect(visits.total).toBeGreaterThan(0);
    const ex = await session().loginAt(390, 'demo-expert');
    await ex.goto(`${session().base}/packages/experts/pages/visits/index?mine=true`);
    await ex.locator('.exp__item').first().waitFor();
    await session().shot(ex, 'expert-visits-390');
    await ex.goto(`${session().base}/packages/experts/pages/visit/index?id=${visits.items[0].id}`);
    await ex.getByText('整改处方 PDF', { exact: true }).waitFor();
    await session().shot(ex, 'expert-visit-390');
  });
});
