/**
 * @jest-environment jsdom
 */
// The hazard screens of the built mini-program against a fake API: the 隐患 tab with countdown badges and the
// unread badge, the detail with its timeline, the rectification form's body (clientId kept across a retry,
// photos uploaded once), a verification that lost the race (409 → 已被他人处理), and the inbox.
import type { HazardDetail } from '../../shared/schemas/hazards';
import type { SubscriptionList } from '../../shared/schemas/push';
import { bootWeapp, waitForText, type FakeRequest, type Harness, type SimComponent, type SimElement } from './harness';
import { err, fakeServer } from './fake-api';
import { ASKED, DETAIL, MAJOR, MEMBER, NOTIFICATIONS, OPEN_LIST, PENDING, SUPERVISOR } from './hazard-support';

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
const settle = (ms = 40) => new Promise((r) => setTimeout(r, ms));
const SUBSCRIPTIONS: SubscriptionList = {
  hasWechat: true,
  items: [
    { topic: 'verification', templateId: 'tmpl-verify', label: '验收结果', enabled: true, remaining: 0, willNotify: false },
    { topic: 'deadline', templateId: 'tmpl-deadline', label: '整改期限提醒', enabled: true, remaining: 1, willNotify: true },
    { topic: 'notice', templateId: 'tmpl-notice', label: '通知公告', enabled: true, remaining: 0, willNotify: false },
  ],
};
const tap = (page: SimComponent, sel: string, i = 0) => page.querySelectorAll(sel)[i].dispatchEvent('tap');
async function type(el: SimElement, value: string): Promise<void> {
  el.dispatchEvent('input', { detail: { value, cursor: value.length } });
  await settle(20);
}

describe('weapp 隐患 screens', () => {
  let h: Harness;
  const navigations: string[] = [];
  const badges: string[] = [];
  const modals: string[] = [];
  const toasts: string[] = [];
  const uploads: string[] = [];
  const rectifications: FakeRequest[] = [];
  const verifications: FakeRequest[] = [];
  const moves: FakeRequest[] = [];
  const downloads: { url: string; auth: string }[] = [];
  const opened: { filePath: string; fileType: string }[] = [];
  let detail: HazardDetail = DETAIL;
  let rectifyAnswers: ('down' | 'ok')[] = [];
  const read = new Set<string>();
  let readAllPosts = 0;
  let modalAnswer = true;
  // the network calls made before WeChat's subscribe prompt was asked for (it only shows inside the tap)
  const asks: { tmplIds: string[]; callsBefore: number }[] = [];

  beforeAll(() => {
    // Taro binds the wx APIs that exist when the app boots: the doubles go in first
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('miniprogram-simulate');
    Object.assign(wx(), {
      navigateTo(o: Cb & { url: string }) {
        navigations.push(o.url);
        return answer(o, { errMsg: 'navigateTo:ok' });
      },
      navigateBack: (o: Cb) => answer(o, { errMsg: 'navigateBack:ok' }),
      redirectTo(o: Cb & { url: string }) {
        navigations.push(`redirect:${o.url}`);
        return answer(o, { errMsg: 'redirectTo:ok' });
      },
      setTabBarBadge(o: Cb & { index: number; text: string }) {
        badges.push(`${o.index}:${o.text}`);
        return answer(o, { errMsg: 'setTabBarBadge:ok' });
      },
      removeTabBarBadge(o: Cb & { index: number }) {
        badges.push(`${o.index}:-`);
        return answer(o, { errMsg: 'removeTabBarBadge:ok' });
      },
      chooseMedia: (o: Cb) => answer(o, { tempFiles: [{ tempFilePath: 'wxfile://tmp/hose-new.jpg', size: 3_000_000, fileType: 'image' }], type: 'image' }),
      compressImage: (o: Cb & { src: string }) => answer(o, { tempFilePath: o.src.replace('.jpg', '-small.jpg') }),
      uploadFile: (o: Cb & { filePath: string }) => {
        uploads.push(o.filePath);
        void answer(o, { statusCode: 201, data: JSON.stringify({ id: `file-${uploads.length}`, url: '/api/files/x', thumbUrl: null, mime: 'image/jpeg', size: 1, width: 1, height: 1 }) });
        return { abort() {}, onProgressUpdate() {}, offProgressUpdate() {} };
      },
      downloadFile: (o: Cb & { url: string; header?: Record<string, string> }) => {
        downloads.push({ url: o.url, auth: o.header?.Authorization ?? '' });
        void answer(o, { statusCode: 200, tempFilePath: `wxfile://tmp/${o.url.split('/api/files/')[1]?.replace(/\//g, '-') ?? 'doc'}` });
        return { abort() {}, onProgressUpdate() {}, offProgressUpdate() {} };
      },
      previewImage: (o: Cb) => answer(o, {}),
      openDocument(o: Cb & { filePath: string; fileType: string }) {
        opened.push({ filePath: o.filePath, fileType: o.fileType });
        return answer(o, { errMsg: 'openDocument:ok' });
      },
      requestSubscribeMessage(o: Cb & { tmplIds: string[] }) {
        asks.push({ tmplIds: o.tmplIds, callsBefore: uploads.length + rectifications.length });
        return answer(o, { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(o.tmplIds.map((t) => [t, 'accept'])) });
      },
      showToast(o: Cb & { title: string }) {
        toasts.push(o.title);
        return answer(o, {});
      },
      showModal(o: Cb & { title: string; content: string }) {
        modals.push(`${o.title}：${o.content}`);
        return answer(o, { confirm: modalAnswer, cancel: !modalAnswer });
      },
    });
    h = bootWeapp(
      fakeServer(MEMBER, [], (req) => {
        if (req.method === 'GET' && req.path === '/api/hazards') {
          const items = req.query.view === 'to_verify' ? [] : OPEN_LIST;
          return { status: 200, body: { items, total: items.length, page: 1, pageSize: 20 } };
        }
        if (req.method === 'GET' && req.path === '/api/hazards/summary') {
          return {
            status: 200,
            body: {
              items: [
                { enterpriseId: 'ent-food', enterpriseName: '日照青亚食品有限公司', open: 3, pendingVerification: 1, overdue: 2, major: 1, closed: 7 },
                { enterpriseId: 'ent-lead', enterpriseName: '日照东港乙炔气体有限公司', open: 0, pendingVerification: 0, overdue: 0, major: 0, closed: 5 },
              ],
            },
          };
        }
        if (req.method === 'GET' && req.path === '/api/hazards/hz-1') return { status: 200, body: detail };
        if (req.method === 'GET' && req.path === '/api/me/subscriptions') return { status: 200, body: SUBSCRIPTIONS };
        if (req.method === 'POST' && req.path === '/api/me/subscriptions/accepted') return { status: 200, body: SUBSCRIPTIONS };
        if (req.method === 'POST' && req.path === '/api/hazards/hz-1/rectification') {
          rectifications.push(req);
          if (rectifyAnswers.shift() === 'down') return err(503, 'DB_UNAVAILABLE', '服务暂时不可用，请稍后重试');
          detail = PENDING;
          return { status: 200, body: PENDING };
        }
        if (req.method === 'POST' && req.path === '/api/hazards/hz-1/verification') {
          verifications.push(req);
          // another verifier got there first
          detail = { ...PENDING, status: 'closed', version: 5, verifiedByName: '李建国', verifiedOn: '2026-12-05', actions: [] };
          return err(409, 'HAZARD_CHANGED', '该隐患已被他人处理，请刷新后查看');
        }
        if (req.method === 'GET' && req.path === '/api/hazards/hz-major') return { status: 200, body: MAJOR };
        if (req.method === 'GET' && req.path === '/api/hazards/hz-asked') return { status: 200, body: ASKED };
        if (req.method === 'POST' && /^\/api\/hazards\/hz-(major|asked|1)\/(plan|extension|void)$/.test(req.path)) {
          moves.push(req);
          return { status: 200, body: { ...MAJOR, actions: [] } };
        }
        if (req.method === 'GET' && req.path === '/api/notifications') {
          const all = NOTIFICATIONS.map((n) => (read.has(n.id) ? { ...n, readAt: '2026-12-05T02:00:00.000Z' } : n));
          const items = req.query.unread === 'true' ? all.filter((n) => !n.readAt) : all;
          const unread = all.filter((n) => !n.readAt).length;
          return { status: 200, body: { items: items.slice(0, Number(req.query.pageSize ?? 20)), total: items.length, unread, page: 1, pageSize: 20 } };
        }
        if (req.method === 'POST' && req.path === '/api/notifications/read-all') {
          readAllPosts += 1;
          const marked = NOTIFICATIONS.filter((n) => !n.readAt && !read.has(n.id));
          for (const n of marked) read.add(n.id);
          return { status: 200, body: { marked: marked.length, unread: 0 } };
        }
        const m = /^\/api\/notifications\/([^/]+)\/read$/.exec(req.path);
        if (req.method === 'POST' && m) {
          read.add(m[1]);
          return { status: 200, body: { ...NOTIFICATIONS.find((n) => n.id === m[1]), readAt: '2026-12-05T02:00:00.000Z' } };
        }
        return undefined;
      }),
    );
  });
  beforeEach(() => {
    navigations.length = 0;
    modals.length = 0;
  });

  it('the 隐患 tab lists my enterprise’s open hazards with countdown and level badges; the unread count goes on the tab', async () => {
    const page = await h.loadPage('pages/hazards/index');
    const text = await waitForText(page, (t) => t.includes('烤炉燃气管道软管老化开裂'));
    expect(h.calls.find((c) => c.path === '/api/hazards')?.query).toMatchObject({ view: 'open', page: '1' });
    expect(text).toContain('本企业待办');
    expect(text).toContain('待我验收');
    // the badges, item by item in the server's order
    const items = page.querySelectorAll('.hz-item').map((n) => n.dom.textContent ?? '');
    expect(items).toHaveLength(3);
    expect(items[0]).toContain('重大');
    expect(items[0]).toContain('逾期2天');
    expect(items[1]).toContain('今天到期');
    expect(items[2]).toContain('剩3天');
    expect(items[2]).toContain('烘焙车间 · 气瓶与压力管道');
    expect(page.querySelectorAll('.hz-countdown--overdue')).toHaveLength(1);
    expect(page.querySelectorAll('.hz-level--major')).toHaveLength(1);
    // one unread message: on the 隐患 tab (index 2), and beside 消息
    await until(() => badges.includes('2:1'));
    await waitForText(page, (t) => t.includes('1 条未读'));

    tap(page, '.hz-item', 2);
    await until(() => navigations.length === 1);
    expect(navigations).toEqual(['/packages/hazard/pages/detail/index?id=hz-1']);
  });

  it('the detail shows the hazard, its before-photo and the timeline with the deadline change; only the allowed actions', async () => {
    detail = DETAIL;
    const page = await h.loadPage('packages/hazard/pages/detail/index', { id: 'hz-1' });
    const text = await waitForText(page, (t) => t.includes('处理记录'));
    expect(text).toContain('烤炉燃气管道软管老化开裂');
    expect(text).toContain('日照青亚食品有限公司 · 烘焙车间');
    expect(text).toContain('整改期限：2026-12-15');
    expect(text).toContain('隐患照片（整改前）');
    // timeline: who, when (Beijing time), what, the note and the deadline change
    const events = page.querySelectorAll('.hz-timeline__event').map((n) => n.dom.textContent ?? '');
    expect(events).toHaveLength(2);
    expect(events[0]).toContain('发现隐患');
    expect(events[0]).toContain('赵海 · 2026-12-01 16:00');
    expect(events[0]).toContain('互查发现，已拍照');
    expect(events[1]).toContain('延期');
    expect(events[1]).toContain('李建国 · 2026-12-04 10:30');
    expect(events[1]).toContain('整改期限：2026-12-08 → 2026-12-15');
    const actions = page.querySelectorAll('.hazard__action').map((n) => n.dom.textContent);
    expect(actions).toEqual(['提交整改', '申请延期']);
    // the before-photo's thumbnail was fetched with the token
    await until(() => page.querySelectorAll('.hz-photos__thumb').length >= 2);

    tap(page, '.hazard__action--submit_rectification');
    await until(() => navigations.length === 1);
    expect(navigations).toEqual(['/packages/hazard/pages/rectify/index?id=hz-1']);
  });

  it('the rectification form posts measures, cost, responsible and the uploaded photo ids; a retry keeps the clientId and uploads once', async () => {
    detail = DETAIL;
    rectifyAnswers = ['down', 'ok'];
    const page = await h.loadPage('packages/hazard/pages/rectify/index', { id: 'hz-1' });
    await waitForText(page, (t) => t.includes('提交整改，申请验收'));
    // nothing filled: refused on the phone
    tap(page, '.rectify__submit');
    let text = await waitForText(page, (t) => t.includes('请至少上传一张整改后照片'));
    expect(text).toContain('请填写整改措施');
    expect(rectifications).toHaveLength(0);

    await type(page.querySelectorAll('.hz-field--measures')[0], '更换为金属波纹软管并加装管卡');
    const inputs = page.querySelectorAll('.field__input').filter((n) => n.dom.tagName.toLowerCase().endsWith('input'));
    await type(inputs[0], '280.5');
    await type(inputs[1], '王强');
    tap(page, '.hz-photos__add');
    await until(() => page.querySelectorAll('.hz-photos__thumb').length >= 2); // before-photo + the new one

    tap(page, '.rectify__submit');
    await until(() => rectifications.length === 1);
    await until(() => toasts.includes('服务暂时不可用，请稍后重试'));
    await waitForText(page, (t) => t.includes('提交整改，申请验收')); // the button is free again
    tap(page, '.rectify__submit');
    await until(() => rectifications.length === 2);
    await until(() => navigations.length > 0 || toasts.includes('已提交，等待验收'));

    const [first, second] = rectifications.map((r) => r.data as Record<string, unknown>);
    expect(first).toEqual({
      clientId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      measures: '更换为金属波纹软管并加装管卡',
      cost: 280.5,
      responsible: '王强',
      photoIds: ['file-1'],
      completedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(second).toEqual(first);
    expect(uploads).toEqual(['wxfile://tmp/hose-new-small.jpg']);
    // each submit tap asked for the verification and deadline messages before its first upload or post
    expect(asks).toEqual([
      { tmplIds: ['tmpl-verify', 'tmpl-deadline'], callsBefore: 0 },
      { tmplIds: ['tmpl-verify', 'tmpl-deadline'], callsBefore: 2 },
    ]);
    text = page.dom.textContent ?? '';
    expect(text).not.toContain('请至少上传一张整改后照片');
  });

  it('a verification that another verifier beat answers 409: 已被他人处理, and the detail reloads to the closed hazard', async () => {
    detail = PENDING;
    const page = await h.loadPage('packages/hazard/pages/detail/index', { id: 'hz-1' });
    let text = await waitForText(page, (t) => t.includes('整改情况'));
    expect(text).toContain('更换为金属波纹软管并加装管卡');
    expect(text).toContain('整改资金：280.00 元');
    expect(text).toContain('整改后照片');
    expect(page.querySelectorAll('.hazard__action').map((n) => n.dom.textContent)).toEqual(['验收通过', '退回整改', '作废']);

    // a rejection needs its reason, on the phone already
    tap(page, '.hazard__action--reject');
    await waitForText(page, (t) => t.includes('退回原因（企业将看到）'));
    tap(page, '.hazard__confirm');
    await waitForText(page, (t) => t.includes('退回整改须说明原因'));
    expect(verifications).toHaveLength(0);

    const gets = h.calls.filter((c) => c.method === 'GET' && c.path === '/api/hazards/hz-1').length;
    tap(page, '.hazard__action--accept');
    await until(() => verifications.length === 1);
    expect(verifications[0].data).toEqual({ decision: 'accept', version: 4 });
    await until(() => modals.some((m) => m.startsWith('已被他人处理')));
    expect(modals[0]).toContain('验收通过：确认整改到位');
    text = await waitForText(page, (t) => t.includes('已销号'));
    expect(h.calls.filter((c) => c.method === 'GET' && c.path === '/api/hazards/hz-1').length).toBe(gets + 1);
    expect(text).toContain('验收：李建国');
    expect(page.querySelectorAll('.hazard__action')).toHaveLength(0);
  });

  it('a major hazard: the five-fixed plan posts all five with the money as a number', async () => {
    moves.length = 0;
    const page = await h.loadPage('packages/hazard/pages/plan/index', { id: 'hz-major' });
    await waitForText(page, (t) => t.includes('方案须于 2026-12-04 前填报'));
    tap(page, '.plan__submit');
    await waitForText(page, (t) => t.includes('请填写应急预案'));
    expect(moves).toHaveLength(0);
    const inputs = page.querySelectorAll('.field__input').filter((n) => n.dom.tagName.toLowerCase().endsWith('input'));
    await type(inputs[0], '王强');
    await type(page.querySelectorAll('.hz-field--measures')[0], '泄爆口加装导流管引向室外');
    await type(inputs[1], '18600');
    await type(page.querySelectorAll('.hz-field--contingency')[0], '治理期间停用该除尘器，人员通道设警戒');
    tap(page, '.plan__submit');
    await until(() => moves.length === 1);
    expect(moves[0].path).toBe('/api/hazards/hz-major/plan');
    // the plan's deadline starts at the hazard's deadline
    expect(moves[0].data).toEqual({ responsible: '王强', measures: '泄爆口加装导流管引向室外', funds: 18600, deadline: '2026-12-31', contingency: '治理期间停用该除尘器，人员通道设警戒' });
  });

  it('more time: the enterprise asks with a date and a reason; the supervisor sees the request and refuses it with a reason', async () => {
    moves.length = 0;
    let page = await h.loadPage('packages/hazard/pages/extension/index', { id: 'hz-major' });
    await waitForText(page, (t) => t.includes('提交延期申请'));
    await type(page.querySelectorAll('.hz-field--reason')[0], '泄爆片厂家排产');
    tap(page, '.extension__request-btn');
    await until(() => moves.length === 1);
    // a week after the current deadline unless another day is picked
    expect(moves[0].data).toEqual({ deadline: '2027-01-07', reason: '泄爆片厂家排产' });

    page = await h.loadPage('packages/hazard/pages/extension/index', { id: 'hz-asked' });
    const text = await waitForText(page, (t) => t.includes('待审批的延期申请'));
    expect(text).toContain('王强 · 2026-12-03 09:00 · 申请延至 2027-01-20');
    expect(text).toContain('泄爆片厂家排产，预计1月中旬到货');
    expect(text).not.toContain('提交延期申请');
    await type(page.querySelectorAll('.hz-field--reason')[0], '重大隐患不得拖延，请先采取临时措施');
    tap(page, '.extension__deny');
    await until(() => moves.length === 2);
    expect(moves[1].path).toBe('/api/hazards/hz-asked/extension');
    expect(moves[1].data).toEqual({ reason: '重大隐患不得拖延，请先采取临时措施', decision: 'deny' });
  });

  it('void asks for a reason, then confirms (destructive) before posting', async () => {
    moves.length = 0;
    detail = PENDING;
    const page = await h.loadPage('packages/hazard/pages/detail/index', { id: 'hz-1' });
    await waitForText(page, (t) => t.includes('整改情况'));
    tap(page, '.hazard__action--void');
    await waitForText(page, (t) => t.includes('作废原因'));
    await type(page.querySelectorAll('.hazard__note')[0], '与另一条重复录入');
    tap(page, '.hazard__confirm');
    await until(() => moves.length === 1);
    expect(modals.pop()).toContain('作废隐患：作废表示这条隐患是误录');
    expect(moves[0]).toMatchObject({ path: '/api/hazards/hz-1/void', data: { reason: '与另一条重复录入' } });
  });

  it('a supervisor’s 隐患 tab opens on the region’s major and overdue hazards', async () => {
    h.storage.set('me', SUPERVISOR);
    try {
      h.calls.length = 0;
      const page = await h.loadPage('pages/hazards/index');
      const text = await waitForText(page, (t) => t.includes('重大与逾期') && t.includes('烤炉燃气管道软管老化开裂'));
      expect(text).not.toContain('本企业待办');
      expect(text).not.toContain('待我验收');
      expect(h.calls.find((c) => c.path === '/api/hazards')?.query.view).toBe('attention');
      // lists across members name the enterprise
      expect(page.querySelectorAll('.hz-item')[0].dom.textContent).toContain('日照青亚食品有限公司 · 烘焙车间');
      // quick filters narrow the list across members
      tap(page, '.hazards__quick-overdue');
      await until(() => h.calls.some((c) => c.path === '/api/hazards' && c.query.overdue === 'true'));
      expect(h.calls.filter((c) => c.path === '/api/hazards').pop()?.query).toMatchObject({ view: 'attention', overdue: 'true' });
      tap(page, '.hazards__tab--all');
      await until(() => h.calls.some((c) => c.path === '/api/hazards' && c.query.view === 'all'));
      expect(h.calls.filter((c) => c.path === '/api/hazards').pop()?.query).toMatchObject({ view: 'all', overdue: 'true' });
    } finally {
      h.storage.set('me', MEMBER);
    }
  });

  it('the ledger on a phone: per-member counts, a tap filters to that member, and the export opens in the document viewer', async () => {
    h.storage.set('me', { ...MEMBER, roles: [{ role: 'coop_admin', cooperativeId: 'coop-1' }] });
    try {
      h.calls.length = 0;
      const page = await h.loadPage('packages/hazard/pages/ledger/index');
      const text = await waitForText(page, (t) => t.includes('日照东港乙炔气体有限公司') && t.includes('烤炉燃气管道软管老化开裂'));
      expect(text).toContain('待整改 3 · 待验收 1 · 逾期 2 · 重大 1 · 已销号 7');
      expect(h.calls.find((c) => c.path === '/api/hazards/summary')?.query).toEqual({ cooperativeId: 'coop-1' });
      tap(page, '.summary__row', 0);
      await until(() => h.calls.some((c) => c.path === '/api/hazards' && c.query.enterpriseId === 'ent-food'));
      tap(page, '.ledger__level-major');
      await until(() => h.calls.some((c) => c.path === '/api/hazards' && c.query.level === 'major'));
      expect(h.calls.filter((c) => c.path === '/api/hazards').pop()?.query).toMatchObject({ view: 'all', cooperativeId: 'coop-1', enterpriseId: 'ent-food', level: 'major' });

      downloads.length = 0;
      tap(page, '.ledger__export');
      await until(() => opened.length === 1);
      // the same filters, with the token, opened as a spreadsheet
      const url = new URL(downloads[0].url, 'http://weapp.test');
      expect(url.pathname).toBe('/api/hazards/export.xlsx');
      expect(Object.fromEntries(url.searchParams)).toEqual({ view: 'all', cooperativeId: 'coop-1', enterpriseId: 'ent-food', level: 'major' });
      expect(downloads[0].auth).toMatch(/^Bearer tok-/);
      expect(opened[0].fileType).toBe('xlsx');
    } finally {
      h.storage.set('me', MEMBER);
    }
  });

  it('the inbox lists messages unread first; opening one marks it read and goes to its hazard', async () => {
    const page = await h.loadPage('packages/inbox/pages/index/index');
    const text = await waitForText(page, (t) => t.includes('隐患今天到期'));
    expect(text).toContain('1 条未读');
    expect(text).toContain('您被安排参加互查');
    expect(page.querySelectorAll('.inbox__item--unread')).toHaveLength(1);
    tap(page, '.inbox__item', 0);
    await until(() => navigations.length === 1);
    expect(navigations).toEqual(['/packages/hazard/pages/detail/index?id=hz-today']);
    await until(() => read.has('n-1'));
    await waitForText(page, (t) => t.includes('没有未读消息'));
    expect(page.querySelectorAll('.inbox__item--unread')).toHaveLength(0);
    tap(page, '.inbox__item', 1);
    await until(() => navigations.length === 2);
    expect(navigations[1]).toBe('/packages/inspect/pages/detail/index?id=insp-9');
    // a notice's link opens the notice, to be confirmed there
    expect(page.querySelectorAll('.inbox__item')[2].dom.textContent).toContain('查看');
    tap(page, '.inbox__item', 2);
    await until(() => navigations.length === 3);
    expect(navigations[2]).toBe('/packages/notices/pages/detail/index?id=nt-1');
  });

  it('全部已读 asks first; after it nothing is unread, and a cancel sends nothing', async () => {
    read.clear();
    const page = await h.loadPage('packages/inbox/pages/index/index');
    await waitForText(page, (t) => t.includes('1 条未读'));
    modals.length = 0;
    modalAnswer = false;
    tap(page, '.inbox__read-all');
    await until(() => modals.length === 1);
    expect(modals[0]).toBe('全部标为已读：将 1 条未读消息全部标为已读？');
    await settle(100);
    expect(readAllPosts).toBe(0);

    modalAnswer = true;
    tap(page, '.inbox__read-all');
    await until(() => readAllPosts === 1);
    await waitForText(page, (t) => t.includes('没有未读消息'));
    expect(page.querySelectorAll('.inbox__item--unread')).toHaveLength(0);
    expect(page.querySelectorAll('.inbox__read-all')).toHaveLength(0);
  });
});
