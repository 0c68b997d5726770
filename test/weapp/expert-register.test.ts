/**
 * @jest-environment jsdom
 */
// 登记专家 on a phone against a fake API, as a district supervisor: the shared schema's errors beside the fields
// and nothing sent; the server's own field error (用户名已被使用) shown where it belongs; a new desk account
// POSTed with its field, certificates, title and the town it serves, then back to the roster.
import type { Me } from '../../shared/schemas/auth';
import type { Expert } from '../../shared/schemas/experts';
import { bootWeapp, waitForText, type FakeRequest, type Harness, type SimComponent } from './harness';
import { COOP, err, fakeServer } from './fake-api';

jest.setTimeout(200_000);

const SUPERVISOR: Me = { id: 'u-sup', name: '孙监管', username: 'sun', hasWechat: true, phone: null, roles: [{ role: 'supervisor', regionId: 'district-1' }] };
const REGIONS = [
  { id: 'district-1', name: '东港区', level: 'district', parentId: null },
  { id: 'town-1', name: '涛雒镇', level: 'town', parentId: 'district-1' },
  { id: 'town-9', name: '别区的镇', level: 'town', parentId: 'district-9' },
];

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
// the <input> elements only (a class may also sit on a wrapper of the compiled component)
const type = (page: SimComponent, sel: string, i: number, value: string) => {
  const inputs = page.querySelectorAll(sel).filter((n) => n.dom.tagName.toLowerCase().endsWith('input'));
  inputs[i].dispatchEvent('input', { detail: { value } });
};

describe('weapp 登记专家', () => {
  let h: Harness;
  const posts: FakeRequest[] = [];
  let backs = 0;
  let takenOnce = true;

  beforeAll(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('miniprogram-simulate');
    Object.assign(wx(), {
      showToast: (o: Cb) => answer(o, {}),
      navigateBack(o: Cb) {
        backs += 1;
        answer(o, { errMsg: 'navigateBack:ok' });
      },
    });
    h = bootWeapp(
      fakeServer(SUPERVISOR, [COOP], (req) => {
        if (req.method === 'GET' && req.path === '/api/regions') return { status: 200, body: { items: REGIONS } };
        if (req.method === 'GET' && req.path === '/api/experts/candidates') {
          const items = req.query.q === '13800138000' ? [{ userId: 'u-wx', name: '周海峰', username: null, phone: '138****8000', isExpert: false }] : [];
          return { status: 200, body: { items } };
        }
        if (req.method === 'POST' && req.path === '/api/experts') {
          posts.push(req);
          if (takenOnce) {
            takenOnce = false;
            return { status: 409, body: { error: { code: 'USERNAME_TAKEN', message: '用户名已被使用', fields: { username: '用户名已被使用' } } } };
          }
          const b = req.data as { name: string; field: Expert['field']; certificates: string[]; title: string | null; regionId: string };
          const x: Expert = {
            userId: 'u-zhou', name: b.name, username: 'zhou-2', field: b.field, certificates: b.certificates, title: b.title,
            regionId: b.regionId, regionName: '涛雒镇', cooperativeId: null, cooperativeName: null, visits: 0, visitsDone: 0, createdAt: '2026-12-07T02:00:00.000Z',
          };
          return { status: 201, body: x };
        }
        return err(404, 'ROUTE_NOT_FOUND', '接口不存在');
      }),
    );
  });

  it('shows the field errors, then registers a new desk account serving a town and goes back', async () => {
    const page = await h.loadPage('packages/experts/pages/register/index');
    const text = await waitForText(page, (t) => t.includes('涛雒镇'));
    // the supervisor's places: the cooperative in their district, the district and its town; not another district's town
    expect(text).toContain(COOP.name);
    expect(text).toContain('东港区');
    expect(text).not.toContain('别区的镇');

    tap(page, '.exp__submit');
    const errors = await waitForText(page, (t) => t.includes('请选择专业领域'));
    expect(errors.match(/请填写此项/g)).toHaveLength(2); // username and name left empty
    expect(errors).toContain('密码至少 8 位');
    expect(posts).toHaveLength(0);

    type(page, '.field__input', 0, 'zhou-expert');
    type(page, '.field__input', 1, 'pass-2026-x');
    type(page, '.field__input', 2, '周工');
    tap(page, '.exp__field', 1); // 电气安全
    type(page, '.exp__cert-input', 0, '注册安全工程师（中级）');
    tap(page, '.exp__cert-add');
    await until(() => page.querySelectorAll('.exp__cert').length === 2);
    type(page, '.exp__cert-input', 1, '电工作业证');
    type(page, '.field__input', 5, '高级工程师 · 日照市安全生产协会'); // after the two certificate inputs
    // nothing chosen to serve yet: the schema's exactly-one rule
    tap(page, '.exp__submit');
    await waitForText(page, (t) => t.includes('请选择专家服务的区域或合作社'));
    expect(posts).toHaveLength(0);

    tap(page, '.exp__scope', 2); // 涛雒镇 (after the cooperative and the district)
    await sleep(50);
    tap(page, '.exp__submit');
    await until(() => posts.length === 1);
    await waitForText(page, (t) => t.includes('用户名已被使用'));
    expect(backs).toBe(0);

    type(page, '.field__input', 0, 'zhou-2');
    await sleep(50);
    tap(page, '.exp__submit');
    await until(() => backs === 1);
    expect(posts).toHaveLength(2);
    expect(posts[1].data).toEqual({
      username: 'zhou-2',
      password: 'pass-2026-x',
      name: '周工',
      field: '电气安全',
      certificates: ['注册安全工程师（中级）', '电工作业证'],
      title: '高级工程师 · 日照市安全生产协会',
      regionId: 'town-1',
    });
  });

  it('registers an existing user found by phone for a cooperative', async () => {
    posts.length = 0;
    backs = 0;
    const page = await h.loadPage('packages/experts/pages/register/index');
    await waitForText(page, (t) => t.includes('涛雒镇'));
    tap(page, '.exp__mode-existing');
    await until(() => page.querySelectorAll('.exp__search-btn').length === 1);
    // nobody picked yet
    tap(page, '.exp__field', 0);
    tap(page, '.exp__scope', 0);
    await sleep(50);
    tap(page, '.exp__submit');
    await waitForText(page, (t) => t.includes('请先查找并选择一位用户'));
    type(page, '.exp__search-input', 0, '13900000000');
    await sleep(30);
    tap(page, '.exp__search-btn');
    await waitForText(page, (t) => t.includes('没有找到可登记的用户'));
    type(page, '.exp__search-input', 0, '13800138000');
    await sleep(30);
    tap(page, '.exp__search-btn');
    await waitForText(page, (t) => t.includes('周海峰 · 138****8000'));
    tap(page, '.exp__candidate');
    await sleep(30);
    tap(page, '.exp__submit');
    await until(() => backs === 1);
    expect(posts).toHaveLength(1);
    expect(posts[0].data).toEqual({ userId: 'u-wx', field: '综合安全', certificates: [], title: null, cooperativeId: COOP.id });
  });
});
