// 年度统计 on the h5 build against the demo server: the coop admin opens it from the desk navigation and reads
// the story's year (22 study sessions, 11 exchanges, 3 drills, 21 expert engagements) as a sentence, figures
// and bars that match the API; the district's supervisor sees the district with a row per cooperative; a
// member reads their cooperative's counters on a phone. SHOTS=dir saves screenshots at 390/1280.
import type { ActivityStats } from '../../shared/schemas/activities';
import type { ExpertStats } from '../../shared/schemas/experts';
import type { Me } from '../../shared/schemas/auth';
import { chromiumAvailable } from './chromium';
import { apiLogin } from './h5';
import { useDemoSession } from './session';

jest.setTimeout(240_000);

const run = chromiumAvailable();
(run ? describe : describe.skip)('年度统计 in the browser (h5)', () => {
  const session = useDemoSession();

  it('the coop admin opens it from the desk navigation: the sentence, figures and bars are the API’s counters', async () => {
    const lead = await apiLogin(session().server.url, 'demo-lead');
    const me = await session().api<Me>(lead.token, '/api/me');
    const coopId = me.roles.find((r) => r.role === 'coop_admin')?.cooperativeId as string;
    const page = await session().loginAt(1280, 'demo-lead');
    await page.locator('.desk-nav__item', { hasText: '年度统计' }).click();
    await page.waitForURL((u) => u.pathname.includes('/packages/report/pages/year/'));
    const sentence = page.locator('.yr__sentence');
    await sentence.waitFor();
    const text = await sentence.innerText();
    expect(text).toMatch(/^近12个月，.+合作社共组织集中学习22次、.*经验交流11次、.*应急演练3次，参加\d+人次；专家上门“把脉问诊”21人次，发现隐患\d+项。$/);

    // the figures and bars say what the API says for the same place and period
    const to = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
    const acts = await session().api<ActivityStats>(lead.token, `/api/activities/stats?cooperativeId=${coopId}&from=${from}&to=${to}`);
    const experts = await session().api<ExpertStats>(lead.token, `/api/experts/stats?cooperativeId=${coopId}&from=${from}&to=${to}`);
    expect(text).toContain(`参加${acts.attendance}人次`);
    expect(text).toContain(`发现隐患${experts.hazardsFound}项`);
    const figures = await page.locator('.yr__figure').allInnerTexts();
    expect(figures.map((f) => f.replace(/\s+/g, ' '))).toEqual([
      `${acts.total} 活动场次`,
      `${acts.attendance} 参加人次`,
      `${experts.engagements} 专家参与人次`,
      `${experts.visits.done}/${experts.visits.total} 专家上门 完成/安排`,
      `${experts.hazardsFound} 专家发现隐患`,
    ]);
    // the longest bar is the study sessions; drills are shorter but drawn
    const width = async (kind: string) => (await page.locator(`.yr__bar--${kind} .yr__bar-fill`).boundingBox())?.width ?? 0;
    const [study, exchange, drill] = [await width('study'), await width('exchange'), await width('drill')];
    expect(study).toBeGreaterThan(exchange);
    expect(exchange).toBeGreaterThan(drill);
    expect(drill).toBeGreaterThan(0);
    expect(Math.abs(exchange / study - 11 / 22)).toBeLessThan(0.03);
    await session().shot(page, 'year-1280');

    // a calendar year far back: nothing happened then, and the page says so
    await page.locator('.yr__period', { hasText: String(Number(to.slice(0, 4)) - 2) }).click();
    await page.locator('.yr__sentence', { hasText: '尚未组织学习、交流或演练活动' }).waitFor();
  });

  it('the district’s supervisor reads the district with a row per cooperative', async () => {
    const page = await session().loginAt(1280, 'demo-supervisor');
    await page.goto(`${session().base}/packages/report/pages/year/index`);
    const first = page.locator('.yr__place').first();
    await first.waitFor();
    expect(await first.innerText()).toContain('区');
    await page.locator('.yr__sentence').waitFor();
    const rows = page.locator('.yr__table .data-table__row:not(.data-table__head)');
    await rows.first().waitFor();
    const texts = await rows.allInnerTexts();
    expect(texts.some((t) => t.includes('合作社') && /\b21\b/.test(t.replace(/\s+/g, ' ')))).toBe(true);
    expect(await page.locator('.yr__sentence').innerText()).toContain('专家上门“把脉问诊”21人次');
    await session().shot(page, 'year-district-1280');
  });

  it('a member reads their cooperative’s year on a phone', async () => {
    const page = await session().loginAt(390, 'demo-member');
    await page.locator('.home__year').click();
    await page.waitForURL((u) => u.pathname.includes('/packages/report/pages/year/'));
    const sentence = await page.locator('.yr__sentence').innerText();
    expect(sentence).toContain('集中学习22次');
    expect(await page.locator('.yr__place').count()).toBe(1);
    await session().shot(page, 'year-390');
  });
});
