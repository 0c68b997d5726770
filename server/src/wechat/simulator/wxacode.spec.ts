import { type WeChatSimulator, startWeChatSimulator } from './simulator';

// The simulator's wxa/getwxacodeunlimit answers like WeChat: image bytes, or JSON errors for a bad scene/page/token.
describe('simulator: getwxacodeunlimit', () => {
  let sim: WeChatSimulator;
  let token: string;
  beforeAll(async () => {
    sim = await startWeChatSimulator({ appid: 'wx-a', secret: 's' });
    const res = await fetch(`${sim.url}/cgi-bin/token?grant_type=client_credential&appid=wx-a&secret=s`);
    token = ((await res.json()) as { access_token: string }).access_token;
  });
  afterAll(() => sim.close());

  const call = async (body: object, t = token) => {
    const res = await fetch(`${sim.url}/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(t)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const type = res.headers.get('content-type') ?? '';
    return type.startsWith('image/') ? { png: Buffer.from(await res.arrayBuffer()) } : { json: (await res.json()) as { errcode: number } };
  };

  it('draws a PNG for a good scene and page', async () => {
    const r = await call({ scene: 'Ab3_-xYz0123456789abcdefghijKLMN', page: 'packages/inspect/pages/scan/index', check_path: false });
    expect(r.png?.subarray(0, 4).toString('hex')).toBe('89504e47');
  });
  it('refuses a scene too long or empty (40169), with other characters (40129), a bad page (41030), a bad token (40001)', async () => {
    expect((await call({ scene: 'x'.repeat(33) })).json?.errcode).toBe(40169);
    expect((await call({ scene: '' })).json?.errcode).toBe(40169);
    expect((await call({ scene: '车间' })).json?.errcode).toBe(40129);
    expect((await call({ scene: 'abc', page: '/pages/x' })).json?.errcode).toBe(41030);
    expect((await call({ scene: 'abc', page: 'pages/x?a=1' })).json?.errcode).toBe(41030);
    expect((await call({ scene: 'abc' }, 'nope')).json?.errcode).toBe(40001);
  });
  it('answers injected failures', async () => {
    sim.failNext('/wxa/getwxacodeunlimit', 45009);
    expect((await call({ scene: 'abc' })).json?.errcode).toBe(45009);
  });
});
