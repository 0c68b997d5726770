/**
 * @jest-environment jsdom
 */
import type { ScanResult } from '../../shared/schemas/workshops';
import { bootWeapp, waitForText, type Harness } from './harness';
import { COOP_ADMIN, err, fakeServer } from './fake-api';

jest.setTimeout(200_000);

const LINK = 'https://aq.example.cn/q/tok-filling-7Qm';
const SCAN: ScanResult = {
  workshop: { id: 'ws-fill', name: '乙炔充装车间', location: '厂区东侧 2 号厂房', riskLevel: 'red' },
  enterprise: { id: 'ent-lead', name: '日照东港乙炔气体有限公司' },
  actions: [{ type: 'start_self_patrol', workshopId: 'ws-fill' }],
};
const STRANGER_LINK = 'https://aq.example.cn/q/tok-other';

type Wx = Record<string, unknown>;
const wx = () => (global as unknown as { wx: Wx }).wx;

describe('weapp 扫码检查 (scan page)', () => {
  let h: Harness;
  const navigations: string[] = [];
  beforeAll(() => {
    h = bootWeapp(
      fakeServer(COOP_ADMIN, [], (req) => {
        if (req.method === 'GET' && req.path === '/api/scan') {
          if (req.query.code === LINK || req.query.code === 'K7M2QXP') return { status: 200, body: SCAN };
          if (req.query.code === STRANGER_LINK) return { status: 200, body: { ...SCAN, actions: [] } };
          return err(404, 'NOT_FOUND', '二维码无效或已更换，请扫描车间新张贴的标签');
        }
        if (req.method === 'POST' && req.path === '/api/inspections') return { status: 201, body: { id: 'insp-self-1' } };
        return undefined;
      }),
    );
    Object.assign(wx(), {
      navigateTo(opts: { url: string; success?: (r: unknown) => void; complete?: (r: unknown) => void }) {
        navigations.push(opts.url);
        setTimeout(() => {
          opts.success?.({ errMsg: 'navigateTo:ok' });
          opts.complete?.({ errMsg: 'navigateTo:ok' });
        }, 1);
      },
    });
  });
  beforeEach(() => {
    navigations.length = 0;
    h.calls.length = 0;
  });

  it('the WeChat camera opens it with q = the encoded label link: the workshop and 开始日巡查, which starts a self patrol', async () => {
    const page = await h.loadPage('packages/inspect/pages/scan/index', { q: encodeURIComponent(LINK) });
    const text = await waitForText(page, (t) => t.includes('乙炔充装车间'));
    expect(text).toContain('日照东港乙炔气体有限公司');
    expect(text).toContain('重大风险');
    expect(h.calls.find((c) => c.path === '/api/scan')?.query.code).toBe(LINK);

    const [start] = page.querySelectorAll('.scan__actions .nut-button');
    expect(start.dom.textContent).toContain('开始日巡查');
    start.dispatchEvent('tap');
    const deadline = Date.now() + 3000;
    while (navigations.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const post = h.calls.find((c) => c.method === 'POST' && c.path === '/api/inspections');
    expect(post?.data).toMatchObject({ type: 'self', workshopId: 'ws-fill' });
    expect(navigations).toEqual(['/packages/inspect/pages/run/index?id=insp-self-1&workshopId=ws-fill']);
  });

  it('the scan button reads the label with wx.scanCode (test double) and resolves it', async () => {
    let scans = 0;
    Object.assign(wx(), {
      scanCode(opts: { success?: (r: unknown) => void; complete?: (r: unknown) => void }) {
        scans += 1;
        const r = { result: LINK, scanType: 'QR_CODE', charSet: 'utf-8', path: '', errMsg: 'scanCode:ok' };
        setTimeout(() => {
          opts.success?.(r);
          opts.complete?.(r);
        }, 1);
      },
    });
    const page = await h.loadPage('packages/inspect/pages/scan/index');
    await waitForText(page, (t) => t.includes('扫描车间二维码'));
    expect(h.calls.some((c) => c.path === '/api/scan')).toBe(false);
    page.querySelectorAll('.scan__camera')[0].dispatchEvent('tap');
    await waitForText(page, (t) => t.includes('乙炔充装车间') && t.includes('开始日巡查'));
    expect(scans).toBe(1);
    expect(h.calls.find((c) => c.path === '/api/scan')?.query.code).toBe(LINK);
  });

  it('someone with nothing to do there is told so, with no action button', async () => {
    const page = await h.loadPage('packages/inspect/pages/scan/index', { q: encodeURIComponent(STRANGER_LINK) });
    const text = await waitForText(page, (t) => t.includes('不能在这里记录检查'));
    expect(text).not.toContain('开始日巡查');
    expect(text).not.toContain('继续互查');
  });

  it('a retired label gives the server message and a way to type the manual code', async () => {
    const page = await h.loadPage('packages/inspect/pages/scan/index', { q: encodeURIComponent('https://aq.example.cn/q/old') });
    await waitForText(page, (t) => t.includes('二维码无效或已更换'));
    const input = page.querySelectorAll('.field__input').filter((n) => n.dom.tagName.toLowerCase().endsWith('input'))[0];
    input.dispatchEvent('input', { detail: { value: 'k7m2qxp' } });
    await new Promise((r) => setTimeout(r, 40));
    input.dispatchEvent('confirm', { detail: { value: 'k7m2qxp' } });
    await waitForText(page, (t) => t.includes('乙炔充装车间'));
    expect(h.calls.some((c) => c.path === '/api/scan' && c.query.code === 'K7M2QXP')).toBe(true);
  });
});
