/**
 * @jest-environment jsdom
 */
import { bootWeapp, waitForText, type Harness } from './harness';
import { NEWCOMER, fakeServer } from './fake-api';

jest.setTimeout(200_000);

describe('weapp 首页 (new WeChat user without roles)', () => {
  let h: Harness;
  beforeAll(() => {
    h = bootWeapp(fakeServer(NEWCOMER, []));
  });

  it('prompts to join a cooperative and never lists cooperatives', async () => {
    const page = await h.loadPage('pages/home/index');
    const text = await waitForText(page, (t) => t.includes('加入合作社'));
    expect(text).toContain('您还没有加入任何合作社');
    expect(text).not.toContain('成员名录');
    expect(h.calls.some((c) => c.path === '/api/cooperatives')).toBe(false);
  });
});
