/**
 * @jest-environment jsdom
 */
import type { Page } from '../../shared/schemas/common';
import type { DirectoryEntry } from '../../shared/schemas/org';
import { bootWeapp, waitForText, type Harness } from './harness';
import { COOP, COOP_ADMIN, fakeServer } from './fake-api';

jest.setTimeout(200_000);

const entry = (id: string, name: string, isLead: boolean): DirectoryEntry => ({
  id,
  name,
  industry: '工业气体',
  address: `日照市东港区涛雒镇 ${id} 号`,
  cooperativeId: COOP.id,
  memberSince: '2024-03-01',
  isLead,
});
const ENTRIES = [entry('ent-lead', COOP.leadEnterpriseName ?? '', true), entry('ent-2', '日照青亚食品有限公司', false), entry('ent-3', '日照港城玩具有限公司', false)];

describe('weapp 成员名录 (directory)', () => {
  let h: Harness;
  beforeAll(() => {
    h = bootWeapp(
      fakeServer(COOP_ADMIN, [COOP], (req) => {
        if (req.method === 'GET' && req.path === `/api/cooperatives/${COOP.id}`) return { status: 200, body: COOP };
        if (req.method === 'GET' && req.path === '/api/enterprises') {
          const q = req.query.q ?? '';
          const items = ENTRIES.filter((e) => req.query.cooperativeId === COOP.id && e.name.includes(q));
          const page: Page<DirectoryEntry> = { items, total: items.length, page: 1, pageSize: 20 };
          return { status: 200, body: page };
        }
        return undefined;
      }),
    );
  });

  it('lists the member enterprises from the API with 龙头企业 on the lead only', async () => {
    const page = await h.loadPage('packages/org/pages/directory/index', { cooperativeId: COOP.id });
    const text = await waitForText(page, (t) => t.includes('日照港城玩具有限公司'));
    expect(text).toContain('共 3 家成员企业');
    const list = h.calls.find((c) => c.path === '/api/enterprises');
    expect(list?.query).toMatchObject({ cooperativeId: COOP.id, page: '1' });

    // 龙头企业 appears once, inside the lead's row
    const names = page.querySelectorAll('.directory__name').map((n) => n.dom.textContent ?? '');
    expect(names).toEqual([`${COOP.leadEnterpriseName}龙头企业`, '日照青亚食品有限公司', '日照港城玩具有限公司']);
    expect(text.split('龙头企业').length - 1).toBe(1);
  });

  it('searches with the NutUI search bar and shows an empty state for no match', async () => {
    const page = await h.loadPage('packages/org/pages/directory/index', { cooperativeId: COOP.id });
    await waitForText(page, (t) => t.includes('共 3 家成员企业'));
    const [input] = page.querySelectorAll('.nut-searchbar-input');
    input.dispatchEvent('input', { detail: { value: '青亚' } });
    await new Promise((r) => setTimeout(r, 30));
    input.dispatchEvent('confirm', { detail: { value: '青亚' } });
    let text = await waitForText(page, (t) => t.includes('找到 1 家成员企业'));
    expect(text).not.toContain('日照港城玩具有限公司');
    expect(h.calls.some((c) => c.path === '/api/enterprises' && c.query.q === '青亚')).toBe(true);

    input.dispatchEvent('input', { detail: { value: '不存在的企业' } });
    await new Promise((r) => setTimeout(r, 30));
    page.querySelectorAll('.directory__search-btn')[0].dispatchEvent('tap');
    text = await waitForText(page, (t) => t.includes('没有找到包含“不存在的企业”的成员企业'));
    expect(text).toContain('清除搜索');
  });
});
