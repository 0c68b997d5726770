/**
 * @jest-environment jsdom
 */
import { bootWeapp, waitForText, type FakeRequest, type Harness, type SimComponent } from './harness';
import { COOP_ADMIN, fakeServer } from './fake-api';
import { INSPECTION } from './inspection-support';

jest.setTimeout(200_000);

type Wx = Record<string, unknown>;
const wx = () => (global as unknown as { wx: Wx }).wx;
type Cb = { success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: (r: unknown) => void };
const answer = (opts: Cb, r: unknown): Promise<unknown> =>
  new Promise((resolve) =>
    setTimeout(() => {
      opts.success?.(r);
      opts.complete?.(r);
      resolve(r);
    }, 1),
  );
const failNoSignal = (opts: Cb) =>
  setTimeout(() => {
    const e = { errMsg: 'request:fail -101:net::ERR_INTERNET_DISCONNECTED' };
    opts.fail?.(e);
    opts.complete?.(e);
  }, 1);

async function until(pred: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
const tap = (page: SimComponent, sel: string, i = 0) => page.querySelectorAll(sel)[i].dispatchEvent('tap');

describe('weapp offline: answers kept on the phone, synced once when the signal returns', () => {
  let h: Harness;
  let online = true;
  const batches: FakeRequest[] = [];
  const uploads: string[] = [];
  const networkListeners: ((r: { isConnected: boolean; networkType: string }) => void)[] = [];
  const stored = new Map<string, unknown>(); // what the server keeps, by clientId
  const modals: string[] = [];
  let refuse = false;

  beforeAll(() => {
    // Taro binds the wx APIs that exist when the app boots: the doubles go in first
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('miniprogram-simulate');
    Object.assign(wx(), {
      chooseMedia: (o: Cb) => answer(o, { tempFiles: [{ tempFilePath: 'wxfile://tmp/exit-locked.jpg', size: 2_000_000, fileType: 'image' }], type: 'image' }),
      compressImage: (o: Cb & { src: string }) => answer(o, { tempFilePath: o.src }),
      getFileSystemManager: () => ({ saveFile: (o: Cb & { tempFilePath: string }) => answer(o, { savedFilePath: o.tempFilePath.replace('tmp', 'store') }) }),
      uploadFile: (o: Cb & { filePath: string }) => {
        if (!online) failNoSignal(o);
        else {
          uploads.push(o.filePath);
          void answer(o, { statusCode: 201, data: JSON.stringify({ id: `file-${uploads.length}`, url: '', thumbUrl: null, mime: 'image/jpeg', size: 1, width: 1, height: 1, createdAt: '' }) });
        }
        return { abort() {}, onProgressUpdate() {}, offProgressUpdate() {} };
      },
      onNetworkStatusChange: (cb: (r: { isConnected: boolean; networkType: string }) => void) => void networkListeners.push(cb),
      showToast: (o: Cb) => answer(o, {}),
      showModal: (o: Cb & { content: string }) => {
        modals.push(o.content);
        return answer(o, { confirm: true, cancel: false });
      },
    });
    h = bootWeapp(
      fakeServer(COOP_ADMIN, [], (req) => {
        if (req.method === 'GET' && req.path === '/api/inspections/insp-1') return { status: 200, body: INSPECTION };
        if (req.method === 'POST' && req.path === '/api/inspections/insp-1/results') {
          if (refuse) return { status: 409, body: { error: { code: 'INSPECTION_SUBMITTED', message: '检查已提交，不能再记录' } } };
          batches.push(req);
          const body = req.data as Record<string, { clientId: string }[]>;
          for (const list of Object.values(body)) for (const e of list) if (!stored.has(e.clientId)) stored.set(e.clientId, e);
          return { status: 200, body: {} };
        }
        return undefined;
      }),
    );
    // no signal = wx.request fails before reaching any server
    const realRequest = wx().request as (o: Cb) => unknown;
    wx().request = (o: Cb) => {
      if (!online) {
        failNoSignal(o);
        return { abort() {} };
      }
      return realRequest(o);
    };
  });

  it('records two answers and a hazard with a photo offline, keeps them across a restart, then sends them in one batch', async () => {
    // the checklist was opened once with signal (it is kept on the phone), then the signal goes
    let page = await h.loadPage('packages/inspect/pages/run/index', { id: 'insp-1', workshopId: 'ws-fill' });
    await waitForText(page, (t) => t.includes('配电箱、用电设备外壳'));
    online = false;

    tap(page, '.run__answer-pass', 0); // PE 线 合格
    await waitForText(page, (t) => t.includes('无网络：1 条记录已保存在手机上'));
    tap(page, '.run__answer-fail', 1); // 安全出口 不合格
    await waitForText(page, (t) => t.includes('记录隐患（由检查项带出'));
    tap(page, '.photos__add');
    await until(() => page.querySelectorAll('.photos__thumb').length === 1);
    tap(page, '.finding-form__save');
    await waitForText(page, (t) => t.includes('无网络：3 条记录已保存在手机上，恢复网络后自动同步'));
    expect(batches).toHaveLength(0);
    expect(uploads).toHaveLength(0);
    const kept = h.storage.get('inspectOutbox') as { clientId: string; kind: string }[];
    expect(kept.map((e) => e.kind).sort()).toEqual(['hazards', 'results', 'results']);

    // the app is closed and the checklist opened again, still without signal: the copy on the phone
    page.detach();
    page = await h.loadPage('packages/inspect/pages/run/index', { id: 'insp-1', workshopId: 'ws-fill' });
    const text = await waitForText(page, (t) => t.includes('无网络：3 条记录'));
    expect(text).toContain('配电箱、用电设备外壳');
    expect(page.querySelectorAll('.run__answer--pass')).toHaveLength(1);
    expect(page.querySelectorAll('.run__answer--fail')).toHaveLength(1);

    // the signal returns
    online = true;
    networkListeners.forEach((l) => l({ isConnected: true, networkType: '4g' }));
    await waitForText(page, (t) => t.includes('全部记录已同步'));
    expect(uploads).toEqual(['wxfile://store/exit-locked.jpg']);
    expect(batches).toHaveLength(1);
    const batch = batches[0].data as { results: { clientId: string; itemId: string; answer: string }[]; hazards: { clientId: string; photoIds: string[] }[] };
    expect(batch.results.map((r) => [r.itemId, r.answer]).sort()).toEqual([
      ['it-exit', 'fail'],
      ['it-pe', 'pass'],
    ]);
    expect(batch.hazards).toEqual([expect.objectContaining({ itemId: 'it-exit', photoIds: ['file-1'] })]);
    expect(new Set(kept.map((e) => e.clientId))).toEqual(new Set([...batch.results, ...batch.hazards].map((e) => e.clientId)));
    expect(stored.size).toBe(3);
    expect(h.storage.get('inspectOutbox')).toEqual([]);

    // another network event (or a tap on the banner) sends nothing twice
    networkListeners.forEach((l) => l({ isConnected: true, networkType: 'wifi' }));
    tap(page, '.run__sync');
    await new Promise((r) => setTimeout(r, 200));
    expect(batches).toHaveLength(1);
    expect(uploads).toHaveLength(1);
  });

  it('an entry the server refuses (the round was submitted meanwhile) is shown with the reason and can be let go', async () => {
    const page = await h.loadPage('packages/inspect/pages/run/index', { id: 'insp-1', workshopId: 'ws-fill' });
    await waitForText(page, (t) => t.includes('全部记录已同步'));
    refuse = true;
    tap(page, '.run__answer-na', 0);
    await waitForText(page, (t) => t.includes('1 条记录未被接受：检查已提交，不能再记录'));
    // not re-sent by itself on the next network event
    const before = h.calls.filter((c) => c.path === '/api/inspections/insp-1/results').length;
    networkListeners.forEach((l) => l({ isConnected: true, networkType: 'wifi' }));
    await new Promise((r) => setTimeout(r, 100));
    expect(h.calls.filter((c) => c.path === '/api/inspections/insp-1/results').length).toBe(before);

    tap(page, '.run__discard');
    await waitForText(page, (t) => t.includes('全部记录已同步'));
    expect(modals.pop()).toContain('1 条记录未被服务器接受（检查已提交，不能再记录），放弃后将从手机上删除');
    expect(h.storage.get('inspectOutbox')).toEqual([]);
    refuse = false;
  });
});
