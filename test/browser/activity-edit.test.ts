// 新建活动 in the browser (h5 build, real server, demo year): demo-lead (the coop admin) organises an experience
// exchange at a desk (1280 px), confirms it in the modal, sees it on the calendar; the API then has it with every
// member invited. A drill without its plan shows the error beside the field (390 px); 导出签到表 downloads an xlsx.
// SHOTS=dir saves screenshots at 390/1280.
import fs from 'node:fs';
import { shanghaiDate } from '../../shared/dates';
import type { Activity, ActivityList } from '../../shared/schemas/activities';
import { chromiumAvailable } from './chromium';
import { apiLogin, tapButton } from './h5';
import { useDemoSession } from './session';

jest.setTimeout(240_000);

const TITLE = '冬季安全生产经验交流会';

const run = chromiumAvailable();
(run ? describe : describe.skip)('organising an activity in the browser (h5)', () => {
  const session = useDemoSession();

  it('demo-lead creates an exchange at a desk; the calendar shows it and the API has it, every member invited', async () => {
    const lead = await apiLogin(session().server.url, 'demo-lead');
    const page = await session().loginAt(1280, 'demo-lead');
    await page.goto(`${session().base}/packages/calendar/pages/list/index`);
    await page.locator('.cal__title').waitFor();
    await page.getByText('导出出勤汇总', { exact: false }).waitFor();
    await session().shot(page, 'calendar-list-1280');
    await tapButton(page, '新建活动');
    await page.waitForURL((u) => u.pathname.includes('/packages/calendar/pages/edit/'));
    await page.locator('.cal__member').first().waitFor();
    await page.locator('.cal__pick-exchange').click();
    const inputs = page.locator('.field__input input');
    await inputs.nth(0).fill(TITLE);
    await inputs.nth(1).fill('合作社二楼会议室');
    await inputs.nth(2).fill('焦自祥');
    await page.locator('.cal__outline textarea').fill('一、冬季用火用电\n二、受限空间作业');
    await session().shot(page, 'activity-new-1280');
    await page.locator('.cal__pick-exchange').scrollIntoViewIfNeeded();
    await session().shot(page, 'activity-new-top-1280');
    await tapButton(page, '发布活动');
    await page.locator('.taro-modal__foot').getByText('发布', { exact: true }).click();
    await page.waitForURL((u) => u.pathname.includes('/packages/calendar/pages/detail/'));
    await page.getByText(TITLE).first().waitFor();
    await page.getByText('完善记录', { exact: true }).waitFor();
    await session().shot(page, 'activity-detail-1280');
    const id = new URL(page.url()).searchParams.get('id') ?? '';

    // 导出签到表: the browser saves the xlsx
    const [download] = await Promise.all([page.waitForEvent('download'), tapButton(page, '导出签到表')]);
    expect(download.suggestedFilename()).toMatch(/^签到表-冬季安全生产经验交流会-\d{4}-\d\d-\d\d\.xlsx$/);
    expect((await fs.promises.readFile((await download.path()) as string)).subarray(0, 2).toString()).toBe('PK');

    // 完善记录 opens the record of the same activity
    await tapButton(page, '完善记录');
    await page.waitForURL((u) => u.pathname.includes('/packages/calendar/pages/edit/') && u.search.includes(id));
    await page.getByText('经验交流记录').waitFor();
    await session().shot(page, 'activity-complete-1280');

    // the calendar of the activity's month (tomorrow: maybe the next month)
    await page.goto(`${session().base}/packages/calendar/pages/list/index`);
    await page.locator('.cal__title').waitFor();
    const tomorrow = shanghaiDate(new Date(Date.now() + 86400_000));
    if (tomorrow.slice(0, 7) !== shanghaiDate(new Date()).slice(0, 7)) await page.getByText('下月 ›').click();
    await page.locator('.cal__item').filter({ hasText: TITLE }).first().waitFor();
    // 导出出勤汇总 of the month shown: demo-lead runs one cooperative, so no choice to make
    const [summary] = await Promise.all([page.waitForEvent('download'), page.locator('.cal__export-summary').click()]);
    expect(summary.suggestedFilename()).toMatch(/^出勤汇总-.+-\d{4}-\d\d-01至\d{4}-\d\d-\d\d\.xlsx$/);
    expect((await fs.promises.readFile((await summary.path()) as string)).subarray(0, 2).toString()).toBe('PK');

    const res = await fetch(`${session().server.url}/api/activities/${id}`, { headers: { Authorization: `Bearer ${lead.token}` } });
    expect(res.status).toBe(200);
    const made = (await res.json()) as Activity;
    expect(made).toMatchObject({ title: TITLE, kind: 'exchange', place: '合作社二楼会议室', hostName: '焦自祥', details: { kind: 'exchange', outline: '一、冬季用火用电\n二、受限空间作业' } });
    // the form's default: tomorrow 14:00 Beijing time
    expect(made.startsAt).toBe(`${tomorrow}T06:00:00.000Z`);
    const members = await fetch(`${session().server.url}/api/enterprises?cooperativeId=${made.cooperativeId}&pageSize=100`, { headers: { Authorization: `Bearer ${lead.token}` } });
    const withPeople = new Set(made.invitees.map((p) => p.enterpriseId));
    expect(withPeople.size).toBeGreaterThan(1);
    expect(((await members.json()) as { total: number }).total).toBeGreaterThanOrEqual(withPeople.size);
    const list = await fetch(`${session().server.url}/api/activities?kind=exchange&pageSize=100`, { headers: { Authorization: `Bearer ${lead.token}` } });
    expect(((await list.json()) as ActivityList).items.filter((a) => a.title === TITLE)).toHaveLength(1);
  });

  it('on a phone: a drill without its plan shows the error beside the field and nothing is created', async () => {
    const page = await session().loginAt(390, 'demo-lead');
    await page.goto(`${session().base}/packages/calendar/pages/list/index`);
    await page.locator('.cal__title').waitFor();
    await session().shot(page, 'calendar-list-390');
    await page.goto(`${session().base}/packages/calendar/pages/edit/index`);
    await page.locator('.cal__member').first().waitFor();
    await page.locator('.cal__pick-drill').click();
    await page.locator('.field__input input').nth(0).fill('乙炔泄漏应急演练');
    await tapButton(page, '发布活动');
    await page.getByText('请填写所演练的应急预案').waitFor();
    await session().shot(page, 'activity-new-drill-390');
    await page.locator('.cal__pick-drill').scrollIntoViewIfNeeded();
    await session().shot(page, 'activity-new-drill-top-390');
    // a meeting's lists: a decision and a follow-up with its owner and date
    await page.locator('.cal__pick-meeting').click();
    await page.getByText('＋ 议定事项').click();
    await page.getByText('＋ 跟进事项').click();
    await page.locator('.cal__decision input').fill('每周三下午召开例会');
    await page.locator('.cal__follow-text input').fill('更换乙炔站防爆灯具');
    await page.locator('.cal__follow-owner input').fill('王强');
    await session().shot(page, 'activity-new-meeting-390');
    expect(page.url()).toContain('/packages/calendar/pages/edit/');
  });
});
