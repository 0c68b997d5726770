/**
 * @jest-environment jsdom
 */
// 新建活动 and 完善记录 on a phone against a fake API, as the coop admin: a drill without its emergency plan shows
// the shared schema's error and sends nothing; with it, one POST (a double tap included) with the form's body
// after the confirmation; completing a meeting PUTs the minutes and a decision.
import { shanghaiDate } from '../../shared/dates';
import type { Activity } from '../../shared/schemas/activities';
import type { DirectoryEntry } from '../../shared/schemas/org';
import { ACTIVITY } from './calendar-support';
import { COOP, COOP_ADMIN, err, fakeServer } from './fake-api';
import { bootWeapp, waitForText, type FakeRequest, type Harness, type SimComponent } from './harness';

jest.setTimeout(200_000);

type Wx = Record<string, unknown>;
const wx = () => (global as unknown as { wx: Wx }).wx;
type Cb = { success?: (r: unknown) => void; complete?: (r: unknown) => void };
const answer = (o: Cb, r: unknown) => setTimeout(() => (o.success?.(r), o.complete?.(r)), 1);
async function until(pred: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tap = (page: SimComponent, sel: string, i = 0) => page.querySelectorAll(sel)[i].dispatchEvent('tap');
const type = (page: SimComponent, sel: string, i: number, value: string) => page.querySelectorAll(sel)[i].dispatchEvent('input', { detail: { value } });

const member = (id: string, name: string): DirectoryEntry => ({ id, name, industry: '化工', address: '涛雒镇', cooperativeId: COOP.id, memberSince: '2024-03-01', isLead: false });
const MEMBERS = [member('ent-gas', '日照东港乙炔气体有限公司'), member('ent-food', '日照青亚食品有限公司')];
const MEETING: Activity = { ...ACTIVITY, id: 'act-7', kind: 'meeting', title: '十二月第一周例会', details: null, canManage: true };

describe('weapp 新建活动 / 完善记录', () => {
  let h: Harness;
  const writes: FakeRequest[] = [];
  const modals: string[] = [];
  const redirects: string[] = [];
  let backs = 0;

  beforeAll(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('miniprogram-simulate');
    Object.assign(wx(), {
      showToast: (o: Cb) => answer(o, {}),
      showModal(o: Cb & { title: string; content: string }) {
        modals.push(`${o.title}：${o.content}`);
        answer(o, { confirm: true, cancel: false });
      },
      redirectTo(o: Cb & { url: string }) {
        redirects.push(o.url);
        answer(o, { errMsg: 'redirectTo:ok' });
      },
      navigateBack(o: Cb) {
        backs += 1;
        answer(o, { errMsg: 'navigateBack:ok' });
      },
      setNavigationBarTitle: (o: Cb) => answer(o, {}),
    });
    h = bootWeapp(
      fakeServer(COOP_ADMIN, [COOP], (req) => {
        if (req.method === 'GET' && req.path === '/api/regions') return { status: 200, body: { items: [{ id: 'town-1', name: '涛雒镇', level: 'town', parentId: null }] } };
        if (req.method === 'GET' && req.path === '/api/enterprises') return { status: 200, body: { items: MEMBERS, total: 2, page: 1, pageSize: 100 } };
        if (req.method === 'POST' && req.path === '/api/activities') {
          writes.push(req);
          return { status: 201, body: { ...ACTIVITY, id: 'act-new', kind: 'drill', canManage: true }, delayMs: 50 };
        }
        if (req.method === 'GET' && req.path === '/api/activities/act-7') return { status: 200, body: MEETING };
        if (req.method === 'PUT' && req.path === '/api/activities/act-7') {
          writes.push(req);
          return { status: 200, body: MEETING };
        }
        return err(404, 'ROUTE_NOT_FOUND', '接口不存在');
      }),
    );
  });

  it('a drill needs its emergency plan (nothing sent); then one POST with the form, the chosen member invited', async () => {
    const page = await h.loadPage('packages/calendar/pages/edit/index');
    const text = await waitForText(page, (t) => t.includes('日照青亚食品有限公司'));
    expect(text).toContain('不选即邀请全部成员企业');
    tap(page, '.cal__pick-drill');
    await waitForText(page, (t) => t.includes('演练的应急预案'));
    // title, place, host: the form's text fields in order
    type(page, '.field__input', 0, '乙炔泄漏应急演练');
    type(page, '.field__input', 1, '充装车间');
    type(page, '.field__input', 2, '李建国');
    type(page, '.cal__scenario', 0, '充装软管破裂泄漏');
    tap(page, '.cal__submit');
    await waitForText(page, (t) => t.includes('请填写所演练的应急预案'));
    await sleep(100);
    expect(writes).toHaveLength(0);
    expect(modals).toHaveLength(0);

    type(page, '.cal__plan', 0, '乙炔泄漏专项应急预案');
    tap(page, '.cal__member', 1);
    await waitForText(page, (t) => t.includes('已选 1 家'));
    // a double tap: one confirmation, one request
    tap(page, '.cal__submit');
    tap(page, '.cal__submit');
    await until(() => redirects.length === 1);
    await sleep(150);
    expect(modals).toEqual(['发布活动：发布后1 家受邀企业的人员会收到活动邀请。']);
    expect(writes).toHaveLength(1);
    const date = shanghaiDate(new Date(Date.now() + 86400_000));
    expect(writes[0].data).toEqual({
      // the form's own id, so a re-send finds the activity already made
      clientId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      cooperativeId: COOP.id,
      kind: 'drill',
      title: '乙炔泄漏应急演练',
      startsAt: `${date}T14:00:00+08:00`,
      endsAt: null,
      place: '充装车间',
      hostName: '李建国',
      hostUserId: null,
      description: '',
      materialIds: [],
      details: { kind: 'drill', emergencyPlan: '乙炔泄漏专项应急预案', scenario: '充装软管破裂泄漏', participants: '', findings: '' },
      invitedEnterpriseIds: ['ent-food'],
      invitedUserIds: [],
    });
    expect(redirects[0]).toContain('packages/calendar/pages/detail/index?id=act-new');
  });

  it('完善记录 of a meeting PUTs the minutes and a decision, then goes back', async () => {
    writes.length = 0;
    const page = await h.loadPage('packages/calendar/pages/edit/index', { id: 'act-7' });
    const text = await waitForText(page, (t) => t.includes('十二月第一周例会'));
    expect(text).toContain('会议纪要');
    type(page, '.cal__minutes', 0, '通报本周互查发现的 3 项隐患。');
    tap(page, '.cal__add-decision');
    await until(() => page.querySelectorAll('.cal__decision').length === 1);
    type(page, '.cal__decision', 0, '下周三前完成乙炔站防爆灯具更换');
    tap(page, '.cal__submit');
    await until(() => backs === 1);
    expect(writes.map((w) => [w.method, w.path])).toEqual([['PUT', '/api/activities/act-7']]);
    expect(writes[0].data).toEqual({
      description: ACTIVITY.description,
      materialIds: [],
      details: { kind: 'meeting', minutes: '通报本周互查发现的 3 项隐患。', decisions: ['下周三前完成乙炔站防爆灯具更换'], followUps: [] },
    });
  });
});
