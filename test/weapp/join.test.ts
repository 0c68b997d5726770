/**
 * @jest-environment jsdom
 */
import { creditCodeCheckChar } from '../../shared/credit-code';
import type { AcceptInvitationBody, InvitationPreview } from '../../shared/schemas/org';
import { bootWeapp, waitForText, type FakeRequest, type Harness, type SimComponent, type SimElement } from './harness';
import { COOP, NEWCOMER, err, fakeServer } from './fake-api';

jest.setTimeout(200_000);

const CODE = 'AB12CD34';
const PREVIEW: InvitationPreview = {
  code: CODE,
  cooperativeId: COOP.id,
  cooperativeName: COOP.name,
  regionName: COOP.regionName,
  expiresAt: '2099-01-01T00:00:00+08:00',
  valid: true,
  enterpriseId: null,
  enterpriseName: null,
};
const FIRST17 = '91371102MA3C5R7P0';
const NEW_ENTERPRISE = {
  name: '日照安新化工有限公司',
  creditCode: FIRST17 + creditCodeCheckChar(FIRST17),
  industry: '危险化学品',
  address: '日照市东港区涛雒镇工业园 8 号',
  headcount: 35,
  contactName: '王强',
  contactPhone: '13800138000',
};

/** The fake API plus the invitation routes; a POST to accept answers like the server. */
function joinServer() {
  return fakeServer(NEWCOMER, [], (req) => {
    if (req.method === 'GET' && req.path === `/api/invitations/${CODE}`) return { status: 200, body: PREVIEW };
    if (req.method === 'GET' && req.path.startsWith('/api/invitations/')) return err(404, 'NOT_FOUND', '邀请码不存在');
    if (req.method === 'POST' && req.path === `/api/invitations/${CODE}/accept`) {
      const body = req.data as { enterprise: typeof NEW_ENTERPRISE };
      const enterprise = { id: 'ent-new', ...body.enterprise, regionId: COOP.regionId, memberships: [], createdAt: '2026-11-29T10:00:00+08:00' };
      const user = { ...NEWCOMER, roles: [{ role: 'member', cooperativeId: COOP.id, enterpriseId: 'ent-new' }] };
      return { status: 201, body: { enterprise, cooperativeId: COOP.id, user } };
    }
    return undefined;
  });
}

function fieldInputs(page: SimComponent): SimElement[] {
  // in form order: 企业名称, 统一社会信用代码, (所属行业 is a picker), 地址, 从业人数, 联系人, 联系电话
  return page.querySelectorAll('.field__input').filter((n) => n.dom.tagName.toLowerCase().endsWith('input'));
}

async function settle(ms = 60): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

describe('weapp 加入合作社 (join page)', () => {
  let h: Harness;
  beforeAll(() => {
    h = bootWeapp(joinServer());
  });
  beforeEach(() => {
    h.calls.length = 0;
  });

  const previewCalls = (): FakeRequest[] => h.calls.filter((c) => c.method === 'GET' && c.path.startsWith('/api/invitations/'));

  it('reads the code from a mini-program code scene (URL-encoded by WeChat) and shows the cooperative', async () => {
    const page = await h.loadPage('packages/org/pages/join/index', { scene: encodeURIComponent(`code=${CODE}`) });
    const text = await waitForText(page, (t) => t.includes(COOP.name));
    expect(text).toContain(`邀请码 ${CODE}`);
    expect(previewCalls().map((c) => c.path)).toEqual([`/api/invitations/${CODE}`]);
    // a newcomer has no enterprise yet: the registration form is open
    expect(text).toContain('登记企业信息');
    expect(text).toContain('提交并加入');
  });

  it('reads the code from an ordinary QR code (q = the join URL, encoded once)', async () => {
    const joinUrl = `https://aqhz.example.cn/packages/org/pages/join/index?code=${CODE}`;
    const page = await h.loadPage('packages/org/pages/join/index', { q: encodeURIComponent(joinUrl), scancode_time: '1764400000' });
    await waitForText(page, (t) => t.includes(COOP.name));
    expect(previewCalls().map((c) => c.path)).toEqual([`/api/invitations/${CODE}`]);
  });

  it('asks for a code when the parameters carry none', async () => {
    const page = await h.loadPage('packages/org/pages/join/index', { scene: encodeURIComponent('x=1') });
    const text = await waitForText(page, (t) => t.includes('输入邀请码'));
    expect(text).toContain('查看邀请');
    await settle();
    expect(previewCalls()).toEqual([]);
  });

  it('understands a whole invitation message pasted into the code box', async () => {
    const page = await h.loadPage('packages/org/pages/join/index', { scene: encodeURIComponent('x=1') });
    await waitForText(page, (t) => t.includes('输入邀请码'));
    const [input] = page.querySelectorAll('.join__code');
    const pasted = `邀请您加入合作社：https://aqhz.example.cn/packages/org/pages/join/index?code=${CODE.toLowerCase()}`;
    input.dispatchEvent('input', { detail: { value: pasted } });
    await settle(30);
    input.dispatchEvent('confirm', { detail: { value: pasted } });
    const text = await waitForText(page, (t) => t.includes(COOP.name));
    expect(text).toContain(`邀请码 ${CODE}`);
    expect(previewCalls().map((c) => c.path)).toEqual([`/api/invitations/${CODE}`]);
  });

  it('registers a new enterprise: POST /api/invitations/CODE/accept with the form as the body', async () => {
    const page = await h.loadPage('packages/org/pages/join/index', { scene: CODE });
    await waitForText(page, (t) => t.includes('提交并加入'));
    const [name, creditCode, address, headcount, contactName, contactPhone] = fieldInputs(page);
    expect(fieldInputs(page)).toHaveLength(6);
    const type = async (el: SimElement, value: string) => {
      el.dispatchEvent('input', { detail: { value, cursor: value.length } });
      await settle(20);
    };
    await type(name, NEW_ENTERPRISE.name);
    await type(creditCode, NEW_ENTERPRISE.creditCode.toLowerCase()); // upper-cased by the form
    await type(address, NEW_ENTERPRISE.address);
    await type(headcount, String(NEW_ENTERPRISE.headcount));
    await type(contactName, NEW_ENTERPRISE.contactName);
    await type(contactPhone, NEW_ENTERPRISE.contactPhone);
    const [picker] = page.querySelectorAll('.field__picker');
    picker.dispatchEvent('change', { detail: { value: 0 } }); // 危险化学品
    await waitForText(page, (t) => t.includes(NEW_ENTERPRISE.industry));

    const [submit] = page.querySelectorAll('.join__submit');
    submit.dispatchEvent('tap');
    const start = Date.now();
    let accept: FakeRequest | undefined;
    while (!accept && Date.now() - start < 4000) {
      accept = h.calls.find((c) => c.method === 'POST' && c.path === `/api/invitations/${CODE}/accept`);
      await settle(25);
    }
    expect(accept).toBeDefined();
    const body: AcceptInvitationBody = { enterprise: NEW_ENTERPRISE };
    expect(accept?.data).toEqual(body);
    expect(accept?.headers.Authorization).toMatch(/^Bearer tok-/);
    // the new grant is kept for the next pages
    await settle(100);
    expect((h.storage.get('me') as typeof NEWCOMER).roles).toEqual([{ role: 'member', cooperativeId: COOP.id, enterpriseId: 'ent-new' }]);
  });

  it('keeps a wrong 统一社会信用代码 on the phone: error beside the field, no request', async () => {
    const page = await h.loadPage('packages/org/pages/join/index', { code: CODE });
    await waitForText(page, (t) => t.includes('提交并加入'));
    const [, creditCode] = fieldInputs(page);
    creditCode.dispatchEvent('input', { detail: { value: '91371102MA3000001X' } });
    await settle(30);
    page.querySelectorAll('.join__submit')[0].dispatchEvent('tap');
    const text = await waitForText(page, (t) => t.includes('统一社会信用代码不正确'));
    expect(text).toContain('请填写企业名称');
    expect(text).toContain('请填写联系电话');
    await settle(100);
    expect(h.calls.some((c) => c.method === 'POST')).toBe(false);
  });
});
