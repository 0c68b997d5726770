/**
 * @jest-environment jsdom
 */
// 我的: a person who speaks for two enterprises sees both, loaded in one request (not one per enterprise).
import type { Me } from '../../shared/schemas/auth';
import type { Enterprise } from '../../shared/schemas/org';
import { COOP, fakeServer } from './fake-api';
import { bootWeapp, waitForText } from './harness';

jest.setTimeout(200_000);

const enterprise = (id: string, name: string): Enterprise => ({
  id,
  name,
  creditCode: '91371102MA3C5R7P0X',
  industry: '食品加工',
  address: '日照市东港区',
  headcount: 20,
  contactName: '王强',
  contactPhone: '13800138000',
  regionId: COOP.regionId,
  memberships: [{ cooperativeId: COOP.id, cooperativeName: COOP.name, since: '2025-03-01', until: null, isLead: false }],
  createdAt: '2025-03-01T02:00:00.000Z',
});
const ONE = enterprise('ent-1', '日照青亚食品有限公司');
const TWO = enterprise('ent-2', '日照安新化工有限公司');
const TWO_HATS: Me = {
  id: 'u-two',
  name: '王强',
  username: null,
  hasWechat: true,
  phone: null,
  roles: [
    { role: 'member', cooperativeId: COOP.id, enterpriseId: ONE.id },
    { role: 'member', cooperativeId: COOP.id, enterpriseId: TWO.id },
  ],
};

test('both enterprises show, fetched with one GET /api/me/enterprises', async () => {
  const h = bootWeapp(
    fakeServer(TWO_HATS, [COOP], (req) => {
      if (req.method === 'GET' && req.path === '/api/me/enterprises') return { status: 200, body: { items: [ONE, TWO] } };
      return undefined;
    }),
  );
  const page = await h.loadPage('pages/mine/index');
  const text = await waitForText(page, (t) => t.includes(ONE.name) && t.includes(TWO.name));
  expect(text).toContain(TWO.name);
  // the first tries go out before wx.login (401, then the wrapper logs in and repeats): count the signed ones
  const gets = h.calls.filter((c) => c.method === 'GET' && c.headers.Authorization).map((c) => c.path);
  expect(gets.filter((p) => p === '/api/me/enterprises')).toHaveLength(1);
  expect(gets.filter((p) => /^\/api\/enterprises\/[^/]+$/.test(p))).toEqual([]);
});
