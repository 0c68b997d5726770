/**
 * @jest-environment jsdom
 */
import { bootWeapp, waitForText, type FakeRequest, type Harness, type SimComponent } from './harness';
import { COOP_ADMIN, fakeServer } from './fake-api';
import { FEEDBACK, INSPECTION, MUTUAL } from './inspection-support';

jest.setTimeout(200_000);

type Wx = Record<string, unknown>;
const wx = () => (global as unknown as { wx: Wx }).wx;
type Cb = { success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: (r: unknown) => void };
/** Answers like WeChat: through the callbacks, and as a promise when called without them (Taro relies on that for some APIs). */
const answer = (opts: Cb, r: unknown): Promise<unknown> =>
  new Promise((resolve) =>
    setTimeout(() => {
      opts.success?.(r);
      opts.complete?.(r);
      resolve(r);
    }, 1),
  );

async function until(pred: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const tap = (page: SimComponent, sel: string, i = 0) => page.querySelectorAll(sel)[i].dispatchEvent('tap');

describe('weapp 逐项检查 (run a checklist)', () => {
  let h: Harness;
  const batches: FakeRequest[] = [];
  const uploads: string[] = [];
  const modals: string[] = [];
  let submitted = false;
  beforeAll(() => {
    // Taro binds the wx APIs that exist when the app boots: the doubles go in first
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('miniprogram-simulate');
    Object.assign(wx(), {
      chooseMedia: (o: Cb) => answer(o, { tempFiles: [{ tempFilePath: 'wxfile://tmp/pe-box.jpg', size: 3_000_000, fileType: 'image' }], type: 'image' }),
      compressImage: (o: Cb & { src: string }) => answer(o, { tempFilePath: o.src.replace('.jpg', '-small.jpg') }),
      getFileSystemManager: () => ({ saveFile: (o: Cb & { tempFilePath: string }) => answer(o, { savedFilePath: o.tempFilePath.replace('tmp', 'store') }) }),
      uploadFile: (o: Cb & { filePath: string; header: Record<string, string> }) => {
        uploads.push(o.filePath);
        void answer(o, { statusCode: 201, data: JSON.stringify({ id: `file-${uploads.length}`, url: '/api/files/x', thumbUrl: null, mime: 'image/jpeg', size: 1, width: 1, height: 1, createdAt: '' }) });
        return { abort() {}, onProgressUpdate() {}, offProgressUpdate() {} };
      },
      onNetworkStatusChange: () => undefined,
      showToast: (o: Cb) => answer(o, {}),
      showModal: (o: Cb & { title: string; content: string }) => {
        modals.push(`${o.title}：${o.content}`);
        return answer(o, { confirm: true, cancel: false });
      },
    });
    h = bootWeapp(
      fakeServer(COOP_ADMIN, [], (req) => {
        if (req.method === 'GET' && req.path === '/api/inspections/insp-1') return { status: 200, body: INSPECTION };
        if (req.method === 'GET' && req.path === '/api/inspections/insp-2') return { status: 200, body: submitted ? { ...MUTUAL, status: 'submitted', canRecord: false, canSubmit: false } : MUTUAL };
        if (req.method === 'POST' && req.path === '/api/inspections/insp-2/results') {
          batches.push(req);
          return { status: 200, body: {} };
        }
        if (req.method === 'GET' && req.path === '/api/inspections/insp-2/feedback') return { status: 200, body: FEEDBACK };
        if (req.method === 'POST' && req.path === '/api/inspections/insp-2/submit') {
          submitted = true;
          return { status: 200, body: { ...MUTUAL, status: 'submitted', canRecord: false, canSubmit: false } };
        }
        if (req.method === 'POST' && req.path === '/api/inspections/insp-1/results') {
          batches.push(req);
          return { status: 200, body: {} };
        }
        return undefined;
      }),
    );
  });

  it('a pass is sent at once; a fail opens the hazard form prefilled from the item, which needs a photo here', async () => {
    const page = await h.loadPage('packages/inspect/pages/run/index', { id: 'insp-1', workshopId: 'ws-fill' });
    await waitForText(page, (t) => t.includes('配电箱、用电设备外壳可靠接保护接地'));

    tap(page, '.run__answer-pass', 1); // 安全出口 → 合格
    await until(() => batches.length === 1);
    expect(batches[0].data).toEqual({ results: [expect.objectContaining({ workshopId: 'ws-fill', itemId: 'it-exit', answer: 'pass', clientId: expect.stringMatching(/^[0-9a-f-]{36}$/) })] });
    // the answer stays marked once sent (the text said 已同步 before the tap too: wait for the view to catch up)
    await waitForText(page, (t) => t.includes('全部记录已同步') && t.includes('本车间已检查 1/3 项'));
    expect(page.querySelectorAll('.run__answer--pass')).toHaveLength(1);

    tap(page, '.run__answer-fail', 0); // PE 线 → 不合格
    let text = await waitForText(page, (t) => t.includes('记录隐患（由检查项带出，可修改）'));
    expect(text).toContain('拍照（必填）');
    expect(text).toContain('类别：用电安全');
    // saving without the photo the item requires is refused on the phone
    tap(page, '.finding-form__save');
    await waitForText(page, (t) => t.includes('此检查项不合格时须拍照取证'));
    expect(batches).toHaveLength(1);

    tap(page, '.finding__level-major');
    tap(page, '.photos__add');
    await waitForText(page, (t) => t.includes('重大隐患须在 3 天内制定治理方案'));
    await until(() => page.querySelectorAll('.photos__thumb').length === 1);
    tap(page, '.finding-form__save');
    await until(() => batches.length === 2);
    // compressed, kept as a saved file, uploaded once, then the batch with the photo id
    expect(uploads).toEqual(['wxfile://store/pe-box-small.jpg']);
    const batch = batches[1].data as { results: Record<string, unknown>[]; hazards: Record<string, unknown>[] };
    expect(batch.results).toEqual([expect.objectContaining({ itemId: 'it-pe', answer: 'fail' })]);
    expect(batch.hazards).toEqual([
      expect.objectContaining({ itemId: 'it-pe', description: '不符合：配电箱、用电设备外壳可靠接保护接地（PE）线', category: 'electrical', level: 'major', photoIds: ['file-1'] }),
    ]);
    text = await waitForText(page, (t) => t.includes('全部记录已同步'));
    expect(text).not.toContain('记录隐患（由检查项带出');
  });

  it('回头看: each carried hazard is marked still fixed or recurred (after a confirmation), then the round is submitted', async () => {
    batches.length = 0;
    const page = await h.loadPage('packages/inspect/pages/detail/index', { id: 'insp-2' });
    let text = await waitForText(page, (t) => t.includes('回头看：上次检查发现的隐患（2）'));
    expect(text).toContain('检查组：赵海（组长 · 日照金穗面粉有限公司）、钱峰（组员 · 日照青亚食品有限公司）');

    tap(page, '.inspection__fixed', 0);
    await until(() => batches.length === 1);
    expect(batches[0].data).toEqual({ rechecks: [expect.objectContaining({ hazardId: 'hz-old-1', mark: 'still_fixed', clientId: expect.any(String) })] });

    tap(page, '.inspection__recurred', 1);
    await until(() => batches.length === 2);
    expect(modals.pop()).toContain('标记为复发：“乙炔瓶与氧气瓶混放”将在提交时记为一条新的隐患');
    expect(batches[1].data).toEqual({ rechecks: [expect.objectContaining({ hazardId: 'hz-old-2', mark: 'recurred' })] });
    text = await waitForText(page, (t) => t.includes('已标记：复发'));
    expect(text).toContain('已标记：仍已整改');

    tap(page, '.inspection__submit');
    await waitForText(page, (t) => t.includes('已提交') && t.includes('反馈汇总'));
    expect(modals.pop()).toContain('提交检查：提交后记录不能再修改');
    expect(h.calls.filter((c) => c.path === '/api/inspections/insp-2/submit')).toHaveLength(1);
  });

  it('集中反馈: the host’s own problems, the industry-common ones with the other members, and the good practices', async () => {
    const page = await h.loadPage('packages/inspect/pages/feedback/index', { id: 'insp-2' });
    const text = await waitForText(page, (t) => t.includes('集中反馈'));
    expect(text).toContain('个性问题 1 条 · 行业共性问题 1 项 · 优点 1 条');
    expect(text).toContain('【重大】乙炔瓶与氧气瓶混放');
    expect(text).toContain('整改期限 2026-12-31');
    expect(text).toContain('另有 2 家：日照金穗面粉有限公司、日照青亚食品有限公司');
    expect(text).toContain('气瓶库设置防倾倒链条，空瓶实瓶分区并挂牌');
  });
});
