/**
 * @jest-environment jsdom
 */
// Issue 9 on a phone, against a fake API: signing in at an activity (scan → the code POSTed; an expired or a
// foreign QR → a message, nothing recorded), and confirming a notice (the ack with the version read, the
// list's 待确认 count going down, the subscribe prompt after the tap), the publisher's reminder after a confirm.
import type { Notice, NoticeSummary } from '../../shared/schemas/notices';
import { bootWeapp, waitForText, type FakeRequest, type Harness, type SimComponent } from './harness';
import { COOP_ADMIN, err, fakeServer } from './fake-api';
import { ACKS, ACTIVITY, CODE_NOW, CODE_OLD, NOTICE, SUBSCRIPTIONS, summary } from './calendar-support';
import { MEMBER } from './hazard-support';

jest.setTimeout(200_000);

type Wx = Record<string, unknown>;
const wx = () => (global as unknown as { wx: Wx }).wx;
type Cb = { success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: (r: unknown) => void };
const answer = (opts: Cb, r: unknown): Promise<unknown> =>
  new Promise((resolve) =>
    setTimeout(() => {
      opts.success?.(r);
      opts.complete?.(r);
      resolve(r);
    }, 1),
  );
async function until(pred: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
const tap = (page: SimComponent, sel: string, i = 0) => page.querySelectorAll(sel)[i].dispatchEvent('tap');

describe('weapp 活动签到 and 通知确认', () => {
  let h: Harness;
  let me = MEMBER;
  const modals: string[] = [];
  const toasts: string[] = [];
  const subscribeAsks: string[][] = [];
  // what happened in which order after a tap: WeChat shows the subscribe prompt only inside the tap itself
  const order: string[] = [];
  let scanned = '';
  let notice: Notice = NOTICE;
  let checkedIn: string | null = null;
  const posts: FakeRequest[] = [];
  const checkinPosts = () => posts.filter((p) => p.path.endsWith('/checkin'));
  let remindAnswer = { round: 2, reminded: 2 };
  let modalConfirm = true;

  beforeAll(() => {
    // Taro binds the wx APIs that exist when the app boots: the doubles go in first
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('miniprogram-simulate');
    Object.assign(wx(), {
      navigateTo: (o: Cb) => answer(o, { errMsg: 'navigateTo:ok' }),
      scanCode(o: Cb) {
        order.push('scan');
        return answer(o, { result: scanned, scanType: 'QR_CODE', charSet: 'utf-8', path: '', errMsg: 'scanCode:ok' });
      },
      showToast(o: Cb & { title: string }) {
        toasts.push(o.title);
        return answer(o, {});
      },
      showModal(o: Cb & { title: string; content: string }) {
        modals.push(`${o.title}：${o.content}`);
        return answer(o, { confirm: modalConfirm, cancel: !modalConfirm });
      },
      requestSubscribeMessage(o: Cb & { tmplIds: string[] }) {
        subscribeAsks.push(o.tmplIds);
        order.push('ask');
        return answer(o, { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(o.tmplIds.map((id) => [id, 'accept'])) });
      },
      setKeepScreenOn: (o: Cb) => answer(o, {}),
    });
    const server = fakeServer(MEMBER, [], (req) => {
      if (req.method === 'GET' && req.path === '/api/activities/act-7') {
        return { status: 200, body: { ...ACTIVITY, myCheckinAt: checkedIn, canCheckin: !checkedIn, checkedInCount: ACTIVITY.checkedInCount + (checkedIn ? 1 : 0) } };
      }
      if (req.method === 'POST' && req.path === '/api/activities/act-7/checkin') {
        posts.push(req);
        const code = (req.data as { code: string }).code;
        if (code === CODE_OLD) return err(422, 'CHECKIN_CODE_EXPIRED', '签到码已过期');
        if (code !== CODE_NOW) return err(422, 'CHECKIN_CODE_INVALID', '签到码无效');
        checkedIn = '2026-12-07T01:35:00.000Z';
        return { status: 200, body: { activityId: 'act-7', checkedInAt: checkedIn, first: true } };
      }
      if (req.method === 'GET' && req.path === '/api/notices') {
        const other: NoticeSummary = summary({ id: 'nt-0', title: '十一月安全生产通报', category: 'bulletin', confirmedAt: '2026-11-20T01:00:00.000Z', publishedAt: '2026-11-19T00:00:00.000Z' });
        // the server's order is newest first; the page puts the unconfirmed one first
        const all = [other, { ...summary(notice), confirmedAt: notice.confirmedAt }];
        const items = req.query.unconfirmed === 'true' ? all.filter((n) => !n.confirmedAt) : all;
        return { status: 200, body: { items, total: items.length, page: 1, pageSize: Number(req.query.pageSize ?? 20) } };
      }
      if (req.method === 'GET' && req.path === '/api/notices/nt-1') return { status: 200, body: { ...notice, canManage: me === COOP_ADMIN } };
      if (req.method === 'POST' && req.path === '/api/notices/nt-1/ack') {
        order.push(`post:${req.path}`);
        posts.push(req);
        notice = { ...notice, confirmedAt: '2026-12-07T02:00:00.000Z', confirmedCount: notice.confirmedCount + 1 };
        return { status: 200, body: notice };
      }
      if (req.method === 'GET' && req.path === '/api/notices/nt-1/acks') return { status: 200, body: ACKS };
      if (req.method === 'POST' && req.path === '/api/notices/nt-1/remind') {
        posts.push(req);
        return { status: 200, body: remindAnswer };
      }
      if (req.method === 'GET' && req.path === '/api/me/subscriptions') return { status: 200, body: SUBSCRIPTIONS };
      if (req.method === 'POST' && req.path === '/api/me/subscriptions/accepted') {
        posts.push(req);
        return { status: 200, body: SUBSCRIPTIONS };
      }
      return undefined;
    });
    h = bootWeapp(server);
  });
  beforeEach(() => {
    modals.length = 0;
    toasts.length = 0;
    posts.length = 0;
    h.calls.length = 0;
  });

  it('an expired code says so and records nothing; a QR of another activity is refused before any request', async () => {
    const page = await h.loadPage('packages/calendar/pages/detail/index', { id: 'act-7' });
    const text = await waitForText(page, (t) => t.includes('冬季防火防爆集中学习'));
    expect(text).toContain('合作社会议室');
    expect(text).toContain('签到 11/25');

    scanned = `anquan-checkin:act-7:${CODE_OLD}`;
    tap(page, '.cal__scan');
    await until(() => modals.length === 1);
    expect(checkinPosts().map((p) => p.data)).toEqual([{ code: CODE_OLD }]);
    expect(modals[0]).toContain('签到码已过期');
    expect(modals[0]).toContain('刷新');
    expect(checkedIn).toBeNull();

    scanned = `anquan-checkin:act-99:${CODE_NOW}`;
    tap(page, '.cal__scan');
    await until(() => modals.length === 2);
    expect(modals[1]).toContain('另一场活动');
    expect(checkinPosts()).toHaveLength(1);

    scanned = 'https://aq.example.cn/q/tok-filling-7Qm';
    tap(page, '.cal__scan');
    await until(() => modals.length === 3);
    expect(modals[2]).toContain('不是活动签到码');
    expect(checkinPosts()).toHaveLength(1);
  });

  it('scanning the organiser’s QR posts its code; the page then shows the sign-in and asks for activity messages', async () => {
    const page = await h.loadPage('packages/calendar/pages/detail/index', { id: 'act-7' });
    await waitForText(page, (t) => t.includes('冬季防火防爆集中学习'));
    subscribeAsks.length = 0;
    order.length = 0;
    scanned = `anquan-checkin:act-7:${CODE_NOW}`;
    tap(page, '.cal__scan');
    const text = await waitForText(page, (t) => t.includes('我已于'));
    expect(text).toContain('2026-12-07 09:35 签到');
    expect(text).toContain('签到 12/25');
    expect(posts.find((p) => p.path === '/api/activities/act-7/checkin')?.data).toEqual({ code: CODE_NOW });
    expect(toasts).toContain('签到成功');
    expect(modals).toEqual([]);
    // at the tap, before the camera opens: the activity template only
    await until(() => subscribeAsks.length === 1);
    expect(subscribeAsks[0]).toEqual(['tmpl-act']);
    expect(order.slice(0, 2)).toEqual(['ask', 'scan']);
    await until(() => posts.some((p) => p.path === '/api/me/subscriptions/accepted'));
    expect(posts.find((p) => p.path === '/api/me/subscriptions/accepted')?.data).toEqual({ templateIds: ['tmpl-act'] });
    expect(page.querySelectorAll('.cal__scan')).toHaveLength(0);
  });

  it('the notice list puts the unconfirmed one first with its count; 确认已读 sends the version read and the count drops', async () => {
    const list = await h.loadPage('packages/notices/pages/list/index');
    let text = await waitForText(list, (t) => t.includes('1 条待确认'));
    const rows = list.querySelectorAll('.ntc__item');
    expect(rows).toHaveLength(2);
    expect(rows[0].dom.textContent).toContain('关于开展冬季消防安全检查的通知');
    expect(rows[0].dom.textContent).toContain('待确认');
    expect(rows[1].dom.textContent).toContain('十一月安全生产通报');

    const page = await h.loadPage('packages/notices/pages/detail/index', { id: 'nt-1' });
    text = await waitForText(page, (t) => t.includes('请于12月15日前完成自查'));
    expect(text).toContain('第 2 版');
    subscribeAsks.length = 0;
    order.length = 0;
    tap(page, '.ntc__ack');
    text = await waitForText(page, (t) => t.includes('确认已读') && t.includes('已于'));
    expect(text).toContain('已于 2026-12-07 10:00 确认已读');
    expect(page.querySelectorAll('.ntc__ack')).toHaveLength(0);
    expect(posts.find((p) => p.path === '/api/notices/nt-1/ack')?.data).toEqual({ version: 2 });
    await until(() => subscribeAsks.length === 1);
    expect(subscribeAsks[0]).toEqual(['tmpl-notice']);
    // asked inside the tap, before the confirmation's request went out
    expect(order.slice(0, 2)).toEqual(['ask', 'post:/api/notices/nt-1/ack']);

    const again = await h.loadPage('packages/notices/pages/list/index');
    text = await waitForText(again, (t) => t.includes('全部已确认'));
    expect(again.querySelectorAll('.ntc__todo')).toHaveLength(0);
  });

  it('the publisher sees who has not confirmed; 提醒未确认 asks first, and a refusal sends nothing', async () => {
    me = COOP_ADMIN;
    const page = await h.loadPage('packages/notices/pages/acks/index', { id: 'nt-1' });
    const text = await waitForText(page, (t) => t.includes('未确认（2）'));
    expect(text).toContain('赵海');
    expect(text).toContain('已提醒 1 次');
    expect(text).toContain('已确认（1）');

    modalConfirm = false;
    tap(page, '.ntc__remind');
    await until(() => modals.length === 1);
    expect(modals[0]).toContain('2 位尚未确认');
    await new Promise((r) => setTimeout(r, 100));
    expect(posts.filter((p) => p.path.endsWith('/remind'))).toHaveLength(0);

    modalConfirm = true;
    remindAnswer = { round: 2, reminded: 2 };
    tap(page, '.ntc__remind');
    await until(() => posts.some((p) => p.path.endsWith('/remind')));
    await until(() => toasts.includes('已提醒 2 人'));
  });
});
