// A test double answering like the server for the routes the home page uses. It enforces the Bearer
// token like the real API, so a page without a session must go through wx.login first.
import type { Me } from '../../shared/schemas/auth';
import type { Page } from '../../shared/schemas/common';
import type { Cooperative } from '../../shared/schemas/org';
import type { FakeRequest, FakeResponse, FakeServer } from './harness';

export const COOP: Cooperative = {
  id: 'coop-1',
  name: '东港区化工安全生产互助合作社',
  regionId: 'town-1',
  regionName: '日照市东港区 · 涛雒镇',
  industry: '工业气体',
  leadEnterpriseId: 'ent-lead',
  leadEnterpriseName: '日照东港乙炔气体有限公司',
  foundedOn: '2024-03-01',
  memberCount: 25,
  description: null,
};

export const COOP_ADMIN: Me = {
  id: 'u-lead',
  name: '李建国',
  username: null,
  hasWechat: true,
  phone: null,
  roles: [
    { role: 'coop_admin', cooperativeId: COOP.id },
    { role: 'member', cooperativeId: COOP.id, enterpriseId: 'ent-lead' },
  ],
};

export const NEWCOMER: Me = { id: 'u-new', name: '微信用户', username: null, hasWechat: true, phone: null, roles: [] };

export const err = (status: number, code: string, message: string): FakeResponse => ({
  status,
  body: { error: { code, message } },
});

/** Extra routes a test answers itself (after the token check); `undefined` falls through to 404. */
export type ExtraRoutes = (req: FakeRequest) => FakeResponse | undefined;

export function fakeServer(me: Me, cooperatives: Cooperative[], extra?: ExtraRoutes): FakeServer & { tokens: Set<string> } {
  const tokens = new Set<string>();
  const handler = (req: FakeRequest): FakeResponse => {
    if (req.method === 'POST' && req.path === '/api/auth/wechat') {
      const code = (req.data as { code?: string } | undefined)?.code;
      if (!code) return err(422, 'VALIDATION_FAILED', '提交的内容有误');
      const token = `tok-${code}`;
      tokens.add(token);
      return { status: 200, body: { token, expiresAt: '2099-01-01T00:00:00+08:00', user: me } };
    }
    // public like on the server: an invitation's preview and QR code need no login
    if (req.method === 'GET' && /^\/api\/invitations\/[^/]+(\/qrcode\.png)?$/.test(req.path)) {
      return extra?.(req) ?? err(404, 'NOT_FOUND', '记录不存在或无权查看');
    }
    const auth = req.headers.Authorization ?? '';
    if (!tokens.has(auth.replace(/^Bearer /, ''))) return err(401, 'UNAUTHENTICATED', '请先登录');
    if (req.method === 'GET' && req.path === '/api/me') return { status: 200, body: me };
    if (req.method === 'GET' && req.path === '/api/cooperatives') {
      // paged like the server
      const pageNo = Number(req.query.page ?? 1);
      const size = Number(req.query.pageSize ?? 20);
      const items = cooperatives.slice((pageNo - 1) * size, pageNo * size);
      const page: Page<Cooperative> = { items, total: cooperatives.length, page: pageNo, pageSize: size };
      return { status: 200, body: page };
    }
    const answer = extra?.(req);
    if (answer) return answer;
    if (req.method === 'GET' && req.path === '/api/me/enterprises') {
      // like the server: the caller's member enterprises in one answer, built from the test's own records
      const ids = [...new Set(me.roles.filter((r) => r.role === 'member' && r.enterpriseId).map((r) => r.enterpriseId as string))];
      const items = ids
        .map((id) => extra?.({ ...req, path: `/api/enterprises/${id}` }))
        .filter((r): r is FakeResponse => r?.status === 200)
        .map((r) => r.body);
      return { status: 200, body: { items } };
    }
    return err(404, 'ROUTE_NOT_FOUND', '接口不存在');
  };
  return Object.assign(handler, { tokens });
}
