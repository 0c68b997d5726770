/**
 * @jest-environment jsdom
 */
// Publishing a notice on a phone against a fake API: the shared schema's error shows beside an empty title and
// nothing is sent; a cancelled confirmation sends nothing; a confirmed one POSTs the body once (a double tap
// too); re-publishing PUTs the version edited, and a 409 NOTICE_CHANGED says so and loads the newer text.
import type { Notice } from '../../shared/schemas/notices';
import { bootWeapp, waitForText, type FakeRequest, type Harness, type SimComponent } from './harness';
import { COOP, COOP_ADMIN, err, fakeServer } from './fake-api';
import { NOTICE } from './calendar-support';

jest.setTimeout(200_000);

type Wx = Record<string, unknown>;
const wx = () => (global as unknown as { wx: Wx }).wx;
type Cb = { success?: (r: unknown) => void; complete?: (r: unknown) => void };
const answer = (o: Cb, r: unknown) => setTimeout(() => (o.success?.(r), o.complete?.(r)), 1);
// APIs Taro calls without callbacks (it takes the promise wx returns)
const resolved = (o: Cb, r: unknown): Promise<unknown> => new Promise((res) => setTimeout(() => (o.success?.(r), o.complete?.(r), res(r)), 1));
async function until(pred: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tap = (page: SimComponent, sel: string, i = 0) => page.querySelectorAll(sel)[i].dispatchEvent('tap');
const inputs = (page: SimComponent) => page.querySelectorAll('.field__input').filter((n) => n.dom.tagName.toLowerCase().endsWith('input'));

describe('weapp 发布通知 and 修改并重新发布', () => {
  let h: Harness;
  const modals: string[] = [];
  let modalConfirm = true;
  const writes: FakeRequest[] = [];
  const redirects: string[] = [];
  let server: Notice = { ...NOTICE, canManage: true };
  let conflictOnce = false;
  const uploads: string[] = [];
  const pdfAsks: string[][] = [];

  beforeAll(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('miniprogram-simulate');
    Object.assign(wx(), {
      showToast: (o: Cb) => answer(o, {}),
      // a photo from the album and a PDF from a chat, uploaded as they are
      chooseMedia: (o: Cb) => resolved(o, { tempFiles: [{ tempFilePath: 'wxfile://tmp/site.jpg', size: 1000, fileType: 'image' }], type: 'image' }),
      compressImage: (o: Cb & { src: string }) => resolved(o, { tempFilePath: o.src }),
      chooseMessageFile: (o: Cb & { extension?: string[] }) => {
        pdfAsks.push(o.extension ?? []);
        return resolved(o, { tempFiles: [{ path: 'wxfile://tmp/plan.pdf', size: 2000, name: '方案.pdf', type: 'file' }] });
      },
      uploadFile(o: Cb & { filePath: string }) {
        uploads.push(o.filePath);
        const pdf = o.filePath.endsWith('.pdf');
        answer(o, { statusCode: 201, data: JSON.stringify({ id: `file-${uploads.length}`, url: '/api/files/x', thumbUrl: null, mime: pdf ? 'application/pdf' : 'image/jpeg', size: 1, width: null, height: null }) });
        return { abort() {}, onProgressUpdate() {}, offProgressUpdate() {} };
      },
      setNavigationBarTitle: (o: Cb) => answer(o, {}),
      navigateTo: (o: Cb) => answer(o, { errMsg: 'navigateTo:ok' }),
      redirectTo(o: Cb & { url: string }) {
        redirects.push(o.url);
        answer(o, { errMsg: 'redirectTo:ok' });
      },
      showModal(o: Cb & { title: string; content: string }) {
        modals.push(`${o.title}：${o.content}`);
        answer(o, { confirm: modalConfirm, cancel: !modalConfirm });
      },
    });
    h = bootWeapp(
      fakeServer(COOP_ADMIN, [COOP], (req) => {
        if (req.method === 'GET' && req.path === '/api/regions') return { status: 200, body: { items: [{ id: 'town-1', name: '涛雒镇', level: 'town', parentId: 'district-1' }] } };
        if (req.method === 'POST' && req.path === '/api/notices') {
          writes.push(req);
          return { status: 201, body: { ...NOTICE, id: 'nt-new', version: 1, canManage: true } };
        }
        if (req.method === 'GET' && req.path === '/api/notices/nt-1') return { status: 200, body: server };
        if (req.method === 'PUT' && req.path === '/api/notices/nt-1') {
          writes.push(req);
          if (conflictOnce) {
            conflictOnce = false;
            // someone else re-published meanwhile
            server = { ...server, version: 3, title: '关于开展冬季消防安全检查的通知（修订）' };
            return err(409, 'NOTICE_CHANGED', '通知已更新');
          }
          server = { ...server, ...(req.data as object), version: server.version + 1 };
          return { status: 200, body: server };
        }
        return undefined;
      }),
    );
  });

  it('shows the schema’s error for an empty title, sends nothing when the confirmation is cancelled, then POSTs once', async () => {
    const page = await h.loadPage('packages/notices/pages/edit/index');
    let text = await waitForText(page, (t) => t.includes(COOP.name));
    expect(text).toContain('发布范围');

    // empty title: the shared schema's Chinese message beside it, no request, no modal
    tap(page, '.ntc__publish');
    text = await waitForText(page, (t) => t.includes('请填写此项'));
    expect(writes).toHaveLength(0);
    expect(modals).toHaveLength(0);

    inputs(page)[0].dispatchEvent('input', { detail: { value: '关于冬季防火的通知' } });
    page.querySelectorAll('.ntc__textarea')[0].dispatchEvent('input', { detail: { value: '请各成员企业于12月20日前完成自查。' } });
    tap(page, '.ntc__cat', 1); // 通报
    await sleep(50);
    // a photo, then a PDF from a chat: both uploaded, both listed
    tap(page, '.att__add-photo');
    await waitForText(page, (t) => t.includes('附件 1（图片）'));
    tap(page, '.att__add-pdf');
    await waitForText(page, (t) => t.includes('附件 2（PDF）'));
    expect(uploads).toEqual(['wxfile://tmp/site.jpg', 'wxfile://tmp/plan.pdf']);
    expect(pdfAsks).toEqual([['pdf']]);

    modalConfirm = false;
    tap(page, '.ntc__publish');
    await until(() => modals.length === 1);
    expect(modals[0]).toContain('所有成员企业的人员都会收到并需确认');
    expect(modals[0]).toContain(COOP.name);
    await sleep(100);
    expect(writes).toHaveLength(0);

    modalConfirm = true;
    tap(page, '.ntc__publish');
    tap(page, '.ntc__publish'); // a double tap
    await until(() => redirects.length === 1);
    await sleep(100);
    expect(writes).toHaveLength(1);
    expect(writes[0].method).toBe('POST');
    expect(writes[0].data).toEqual({
      // the form's own id, so a re-send finds the notice already published
      clientId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      category: 'bulletin',
      title: '关于冬季防火的通知',
      body: '请各成员企业于12月20日前完成自查。',
      attachmentIds: ['file-1', 'file-2'],
      cooperativeId: COOP.id,
    });
    expect(redirects[0]).toContain('/packages/notices/pages/acks/index?id=nt-new');
  });

  it('re-publishes with the version edited; a 409 NOTICE_CHANGED tells the person and loads the newer version', async () => {
    writes.length = 0;
    modals.length = 0;
    redirects.length = 0;
    conflictOnce = true;
    const page = await h.loadPage('packages/notices/pages/edit/index', { id: 'nt-1' });
    await waitForText(page, (t) => t.includes('当前第 2 版'));
    inputs(page)[0].dispatchEvent('input', { detail: { value: '关于开展冬季消防安全检查的通知（延期）' } });
    await sleep(50);

    tap(page, '.ntc__publish');
    await until(() => writes.length === 1);
    expect(modals[0]).toContain('重新发布后所有人需要再次确认');
    expect(writes[0].method).toBe('PUT');
    expect(writes[0].data).toMatchObject({ version: 2, title: '关于开展冬季消防安全检查的通知（延期）', body: NOTICE.body, category: 'notice' });
    // the conflict: said in a modal, the newer version loaded into the form, nothing redirected
    await until(() => modals.length === 2);
    expect(modals[1]).toContain('通知已被修改');
    await waitForText(page, (t) => t.includes('当前第 3 版'));
    expect(redirects).toHaveLength(0);

    tap(page, '.ntc__publish');
    await until(() => writes.length === 2);
    expect(writes[1].data).toMatchObject({ version: 3, title: '关于开展冬季消防安全检查的通知（修订）' });
    await until(() => redirects.length === 1);
  });
});
