/**
 * @jest-environment jsdom
 */
import { bootWeapp, waitForText, type Harness } from './harness';
import { COOP, COOP_ADMIN, fakeServer } from './fake-api';

jest.setTimeout(200_000);

describe('weapp 首页 (coop admin)', () => {
  let h: Harness;
  beforeAll(() => {
    h = bootWeapp(fakeServer(COOP_ADMIN, [COOP]));
  });

  it('logs in silently with wx.login and shows the cooperative with 成员名录 and 邀请成员', async () => {
    const page = await h.loadPage('pages/home/index');
    const text = await waitForText(page, (t) => t.includes(COOP.name));
    expect(text).toContain('成员名录');
    expect(text).toContain('邀请成员');
    expect(text).toContain('成员企业 25 家');
    expect(text).toContain(`龙头企业：${COOP.leadEnterpriseName}`);
    expect(text).not.toContain('加入合作社');
    // the first /api/me went out without a token, got 401, then wx.login → /api/auth/wechat → retry
    expect(h.loginCodes).toBe(1);
    const wechat = h.calls.find((c) => c.path === '/api/auth/wechat');
    expect(wechat?.data).toEqual({ code: 'wx-code-1' });
    const authed = h.calls.filter((c) => c.path === '/api/cooperatives');
    expect(authed[0]?.headers.Authorization).toBe('Bearer tok-wx-code-1');
    expect(h.storage.get('token')).toBe('tok-wx-code-1');
  });
});
