/**
 * @jest-environment jsdom
 */
// The expert's visit on a phone (the prescription per hazard, saved with a PUT; the PDF opened with the token)
// and the subscription settings (will I be notified; a switch sends the template's new setting).
import type { ExpertVisitDetail } from '../../shared/schemas/experts';
import type { SubscriptionList } from '../../shared/schemas/push';
import { bootWeapp, waitForText, type FakeRequest, type Harness } from './harness';
import { fakeServer } from './fake-api';
import { SUBSCRIPTIONS } from './calendar-support';
import type { Me } from '../../shared/schemas/auth';

jest.setTimeout(200_000);

const EXPERT: Me = { id: 'u-zhou', name: '周专家', username: 'zhou', hasWechat: true, phone: null, roles: [{ role: 'expert', regionId: 'district-1' }] };
const VISIT: ExpertVisitDetail = {
  id: 'ev-3',
  inspectionId: 'insp-ev-3',
  status: 'submitted',
  expertUserId: 'u-zhou',
  expertName: '周专家',
  enterpriseId: 'ent-gas',
  enterpriseName: '日照东港乙炔气体有限公司',
  cooperativeId: 'coop-1',
  scheduledOn: '2026-12-02',
  purpose: '乙炔站防爆电气专项检查',
  hazardCount: 1,
  advice: null,
  followUp: null,
  createdAt: '2026-11-25T00:00:00.000Z',
  submittedAt: '2026-12-02T07:00:00.000Z',
  items: [{ hazardId: 'hz-9', description: '充装间防爆灯具密封圈老化', place: '充装间', level: 'general', fixMode: 'deadline', deadline: '2026-12-16', status: 'reported', advice: null }],
  canEditPrescription: true,
  prescriptionReady: true,
};

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

describe('weapp 专家上门 and 消息订阅', () => {
  let h: Harness;
  const writes: FakeRequest[] = [];
  const downloads: { url: string; auth: string }[] = [];
  let subs: SubscriptionList = SUBSCRIPTIONS;

  beforeAll(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('miniprogram-simulate');
    Object.assign(wx(), {
      showToast: (o: Cb) => answer(o, {}),
      downloadFile(o: Cb & { url: string; header?: Record<string, string> }) {
        downloads.push({ url: o.url, auth: o.header?.Authorization ?? '' });
        answer(o, { statusCode: 200, tempFilePath: 'wxfile://tmp/rx.pdf' });
        return { abort() {}, onProgressUpdate() {}, offProgressUpdate() {} };
      },
      openDocument: (o: Cb) => answer(o, { errMsg: 'openDocument:ok' }),
    });
    h = bootWeapp(
      fakeServer(EXPERT, [], (req) => {
        if (req.method === 'GET' && req.path === '/api/expert-visits/ev-3') return { status: 200, body: VISIT };
        if (req.method === 'PUT' && req.path === '/api/expert-visits/ev-3/prescription') {
          writes.push(req);
          const b = req.data as { advice: string; followUp: string | null; items: { hazardId: string; advice: string }[] };
          return { status: 200, body: { ...VISIT, advice: b.advice, followUp: b.followUp, items: VISIT.items.map((i) => ({ ...i, advice: b.items[0]?.advice || null })) } };
        }
        if (req.method === 'GET' && req.path === '/api/me/subscriptions') return { status: 200, body: subs };
        if (req.method === 'PUT' && req.path === '/api/me/subscriptions') {
          writes.push(req);
          const [item] = (req.data as { items: { templateId: string; enabled: boolean }[] }).items;
          subs = { ...subs, items: subs.items.map((s) => (s.templateId === item.templateId ? { ...s, enabled: item.enabled, willNotify: item.enabled && s.remaining > 0 } : s)) };
          return { status: 200, body: subs };
        }
        return undefined;
      }),
    );
  });

  it('the expert writes the prescription per hazard; it is PUT and shown; 整改处方 PDF downloads with the token', async () => {
    const page = await h.loadPage('packages/experts/pages/visit/index', { id: 'ev-3' });
    let text = await waitForText(page, (t) => t.includes('乙炔站防爆电气专项检查'));
    expect(text).toContain('充装间防爆灯具密封圈老化');
    const areas = page.querySelectorAll('.exp__textarea');
    areas[0].dispatchEvent('input', { detail: { value: '防爆区域电气设施应定期检查' } });
    areas[1].dispatchEvent('input', { detail: { value: '更换为 Ex d IIC T4 防爆灯具' } });
    areas[2].dispatchEvent('input', { detail: { value: '一个月后回访复查' } });
    await new Promise((r) => setTimeout(r, 50));
    page.querySelectorAll('.exp__save')[0].dispatchEvent('tap');
    text = await waitForText(page, (t) => t.includes('专家建议：更换为 Ex d IIC T4 防爆灯具'));
    expect(writes[0].data).toEqual({ advice: '防爆区域电气设施应定期检查', followUp: '一个月后回访复查', items: [{ hazardId: 'hz-9', advice: '更换为 Ex d IIC T4 防爆灯具' }] });
    expect(text).toContain('后续跟踪：一个月后回访复查');

    page.querySelectorAll('.exp__pdf')[0].dispatchEvent('tap');
    await until(() => downloads.length === 1);
    expect(downloads[0].url).toMatch(/\/api\/expert-visits\/ev-3\/prescription\.pdf$/);
    expect(downloads[0].auth).toMatch(/^Bearer tok-/);
  });

  it('the settings say per template whether I will be notified; switching one off sends that template only', async () => {
    writes.length = 0;
    const page = await h.loadPage('packages/settings/pages/subscriptions/index');
    const text = await waitForText(page, (t) => t.includes('通知公告'));
    expect(text).toContain('会通知我 · 还可接收 2 条');
    expect(text).toContain('可接收 0 条');
    expect(text).toContain('已关闭');
    const rows = page.querySelectorAll('.subs__row');
    expect(rows).toHaveLength(3);
    page.querySelectorAll('.subs__switch')[1].dispatchEvent('change', { detail: { value: false } });
    await until(() => writes.length === 1);
    expect(writes[0].data).toEqual({ items: [{ templateId: 'tmpl-notice', enabled: false }] });
    await waitForText(page, (t) => !t.includes('会通知我'));
  });
});
