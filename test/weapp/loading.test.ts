/**
 * @jest-environment jsdom
 */
// One way to load data: a slow old answer never overwrites a newer one, and a person sees all their
// cooperatives (not the first page only). On the built pages in miniprogram-simulate.
import type { Page } from '../../shared/schemas/common';
import type { Cooperative, DirectoryEntry } from '../../shared/schemas/org';
import { COOP, COOP_ADMIN, fakeServer } from './fake-api';
import { bootWeapp, waitForText, type Harness } from './harness';

jest.setTimeout(200_000);

const entry = (id: string, name: string): DirectoryEntry => ({
  id,
  name,
  industry: '工业气体',
  address: `日照市东港区涛雒镇 ${id} 号`,
  cooperativeId: COOP.id,
  memberSince: '2024-03-01',
  isLead: false,
});
const SLOW = entry('ent-slow', '日照慢回答化工有限公司');
const FAST = entry('ent-fast', '日照快回答食品有限公司');

// 120 cooperatives: more than two pages of 50 (the admin of a city's platform sees this many)
const COOPS: Cooperative[] = Array.from({ length: 120 }, (_, i) => ({
  ...COOP,
  id: `coop-${i + 1}`,
  name: `第${String(i + 1).padStart(3, '0')}互助合作社`,
}));

async function settle(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

describe('weapp: the one loading pattern', () => {
  let h: Harness;
  beforeAll(() => {
    h = bootWeapp(
      fakeServer(COOP_ADMIN, COOPS, (req) => {
        if (req.method === 'GET' && req.path === `/api/cooperatives/${COOP.id}`) return { status: 200, body: COOP };
        if (req.method === 'GET' && req.path === '/api/enterprises') {
          const q = req.query.q ?? '';
          // the search for 慢 answers long after the one for 快 was asked and answered
          const [items, delayMs] = q === '慢' ? [[SLOW], 400] : q === '快' ? [[FAST], 5] : [[SLOW, FAST], 5];
          const page: Page<DirectoryEntry> = { items, total: items.length, page: 1, pageSize: 20 };
          return { status: 200, body: page, delayMs };
        }
        return undefined;
      }),
    );
  });

  it('a slow answer to an older search never replaces the newer one', async () => {
    const page = await h.loadPage('packages/org/pages/directory/index', { cooperativeId: COOP.id });
    await waitForText(page, (t) => t.includes('共 2 家成员企业'));
    const [input] = page.querySelectorAll('.nut-searchbar-input');
    input.dispatchEvent('input', { detail: { value: '慢' } });
    await settle(30);
    input.dispatchEvent('confirm', { detail: { value: '慢' } });
    await settle(50); // the 慢 request is out, its answer 400 ms away
    input.dispatchEvent('input', { detail: { value: '快' } });
    await settle(30);
    input.dispatchEvent('confirm', { detail: { value: '快' } });
    await waitForText(page, (t) => t.includes('找到 1 家成员企业') && t.includes(FAST.name));
    await settle(600); // long after the slow answer arrived
    const text = page.dom.textContent ?? '';
    expect(h.calls.filter((c) => c.path === '/api/enterprises' && c.query.q === '慢')).toHaveLength(1);
    expect(text).toContain(FAST.name);
    expect(text).not.toContain(SLOW.name);
  });

  it('the home page shows every cooperative, a page at a time', async () => {
    h.calls.length = 0;
    const page = await h.loadPage('pages/home/index');
    const text = await waitForText(page, (t) => t.includes('第001互助合作社'));
    expect(text).toContain('我的合作社（120）');
    expect(text).toContain('第050互助合作社');
    expect(text).not.toContain('第051互助合作社');
    const more = () => page.querySelectorAll('.nut-button').find((b) => (b.dom.textContent ?? '').includes('加载更多'));
    more()?.dispatchEvent('tap');
    await waitForText(page, (t) => t.includes('第100互助合作社'));
    more()?.dispatchEvent('tap');
    await waitForText(page, (t) => t.includes('第120互助合作社'));
    expect(more()).toBeUndefined();
    const pages = h.calls.filter((c) => c.path === '/api/cooperatives').map((c) => c.query.page);
    expect(pages).toEqual(['1', '2', '3']);
  });
});
