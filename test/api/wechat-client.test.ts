import { HttpStatus } from '@nestjs/common';
import { startWeChatSimulator } from '../../server/src/wechat/simulator/simulator';
import { APPID, RETRY_BASE_MS, SECRET, expectAppError, useWeChatHarness } from './wechat/harness';
import { startStubServer } from './wechat/stub-server';

// WeChatClient against the WeChat simulator, with the token cache in in-memory SQLite.
const LOGIN = '/sns/jscode2session';
const TOKEN = '/cgi-bin/token';
const SEND = '/cgi-bin/message/subscribe/send';

const h = useWeChatHarness();

describe('WeChatClient.code2Session', () => {
  it('returns the openid (and unionid) and never the session_key', async () => {
    const alice = await h.client().code2Session(h.sim.issueCode('oAlice'));
    expect(alice).toEqual({ openid: 'oAlice' });
    const bob = await h.client().code2Session(h.sim.issueCode('oBob', { unionid: 'uBob' }));
    expect(bob).toEqual({ openid: 'oBob', unionid: 'uBob' });
    expect(JSON.stringify([alice, bob, h.logs])).not.toMatch(/session_key|test-secret/);
    expect(h.callsTo(LOGIN)[0]?.query).toMatchObject({ appid: APPID, secret: SECRET, grant_type: 'authorization_code' });
  });

  it('40029: an unknown or expired code is WECHAT_CODE_INVALID (401)', async () => {
    await expectAppError(h.client().code2Session('never-issued'), 'WECHAT_CODE_INVALID', HttpStatus.UNAUTHORIZED);
    const code = h.sim.issueCode();
    h.clock += 5 * 60_000 + 1;
    await expectAppError(h.client().code2Session(code), 'WECHAT_CODE_INVALID', HttpStatus.UNAUTHORIZED);
  });

  it('40163: a code used twice is WECHAT_CODE_USED (401)', async () => {
    const code = h.sim.issueCode();
    await h.client().code2Session(code);
    await expectAppError(h.client().code2Session(code), 'WECHAT_CODE_USED', HttpStatus.UNAUTHORIZED);
  });

  it('45011: more than 100 logins a minute is WECHAT_RATE_LIMITED (429)', async () => {
    const c = h.client();
    for (let i = 0; i < 100; i++) await c.code2Session(h.sim.issueCode('oEager'));
    await expectAppError(c.code2Session(h.sim.issueCode('oEager')), 'WECHAT_RATE_LIMITED', HttpStatus.TOO_MANY_REQUESTS);
  });

  it('40226: a blocked user is WECHAT_USER_BLOCKED (403)', async () => {
    h.sim.failNext(LOGIN, 40226);
    await expectAppError(h.client().code2Session(h.sim.issueCode()), 'WECHAT_USER_BLOCKED', HttpStatus.FORBIDDEN);
  });

  it('-1: backs off 1×, 2× the base delay and succeeds on the third attempt', async () => {
    h.sim.failNext(LOGIN, -1, 2);
    const started = Date.now();
    await expect(h.client().code2Session(h.sim.issueCode('oPatient'))).resolves.toEqual({ openid: 'oPatient' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(RETRY_BASE_MS * 3 - 5);
    expect(h.callsTo(LOGIN)).toHaveLength(3);
  });

  it('-1 three times: gives up with WECHAT_UNAVAILABLE (503) after 3 attempts', async () => {
    h.sim.failNext(LOGIN, -1, 5);
    await expectAppError(h.client().code2Session(h.sim.issueCode()), 'WECHAT_UNAVAILABLE', HttpStatus.SERVICE_UNAVAILABLE);
    expect(h.callsTo(LOGIN)).toHaveLength(3);
  });

  it('40125 / 40013: a wrong secret or appid is WECHAT_MISCONFIGURED (503), logged as an error', async () => {
    await expectAppError(h.client({ secret: 'wrong' }).code2Session(h.sim.issueCode()), 'WECHAT_MISCONFIGURED', 503);
    await expectAppError(h.client({ appid: 'wx-other' }).code2Session(h.sim.issueCode()), 'WECHAT_MISCONFIGURED', 503);
    expect(h.logs.filter((l) => l.startsWith('error:'))).toEqual([
      expect.stringContaining('40125'),
      expect.stringContaining('40013'),
    ]);
    expect(h.logs.join('\n')).not.toContain('wrong');
  });

  it('an unexpected errcode is WECHAT_UNAVAILABLE (503) with the errcode logged', async () => {
    h.sim.failNext(LOGIN, 48888);
    await expectAppError(h.client().code2Session(h.sim.issueCode()), 'WECHAT_UNAVAILABLE', 503);
    expect(h.logs).toContainEqual(expect.stringMatching(/^warn: .*48888/));
  });

  it('network down (closed port) is WECHAT_UNAVAILABLE (503)', async () => {
    const gone = await startWeChatSimulator({ appid: APPID, secret: SECRET });
    await gone.close();
    await expectAppError(h.client({ apiBase: gone.url }).code2Session('x'), 'WECHAT_UNAVAILABLE', 503);
    expect(h.logs).toContainEqual(expect.stringContaining('ECONNREFUSED'));
  });

  it('a hanging WeChat times out as WECHAT_UNAVAILABLE (503)', async () => {
    const stub = await startStubServer(() => undefined); // never answers
    try {
      const c = h.client({ apiBase: stub.url }, { timeoutMs: 200 });
      await expectAppError(c.code2Session('x'), 'WECHAT_UNAVAILABLE', 503);
    } finally {
      await stub.close();
    }
  });

  it('parses text/plain JSON with errcode 0, and refuses a non-JSON page', async () => {
    let answer = '{"errcode":0,"errmsg":"ok","openid":"oPlain","session_key":"c2VjcmV0"}';
    const stub = await startStubServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(answer);
    });
    try {
      await expect(h.client({ apiBase: stub.url }).code2Session('x')).resolves.toEqual({ openid: 'oPlain' });
      answer = '<html>502 Bad Gateway</html>';
      await expectAppError(h.client({ apiBase: stub.url }).code2Session('x'), 'WECHAT_UNAVAILABLE', 503);
    } finally {
      await stub.close();
    }
  });
});

describe('WeChatClient access token', () => {
  it('caches the token in the database, shared by other instances', async () => {
    const token = await h.client().getAccessToken();
    expect(await h.client().getAccessToken()).toBe(token); // a second "server instance"
    expect(h.callsTo(TOKEN)).toHaveLength(1);
    const row = await h.repo.findOneByOrFail({ appid: APPID });
    expect(row.token).toBe(token);
    expect(Math.abs(row.expiresAt.getTime() - (h.clock + 7200_000))).toBeLessThan(1000);
    expect(row.updatedAt.getTime()).toBe(h.clock);
  });

  it('refreshes only when under 5 minutes remain', async () => {
    const c = h.client();
    const first = await c.getAccessToken();
    h.clock += 7200_000 - 6 * 60_000;
    expect(await c.getAccessToken()).toBe(first);
    h.clock += 2 * 60_000;
    const second = await c.getAccessToken();
    expect(second).not.toBe(first);
    expect(h.callsTo(TOKEN)).toHaveLength(2);
    expect((await h.repo.findOneByOrFail({ appid: APPID })).token).toBe(second);
  });

  it('single-flights concurrent refreshes: one fetch for many callers', async () => {
    const c = h.client();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => c.getAccessToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(h.callsTo(TOKEN)).toHaveLength(1);
  });

  it('a wrong secret is WECHAT_MISCONFIGURED and stores nothing', async () => {
    await expectAppError(h.client({ secret: 'wrong' }).getAccessToken(), 'WECHAT_MISCONFIGURED', 503);
    expect(await h.repo.count()).toBe(0);
  });
});

describe('WeChatClient.sendSubscribeMessage', () => {
  const message = (touser: string) => ({
    touser,
    templateId: 'tpl-hazard-due',
    page: 'pages/hazards/detail?id=7',
    data: { thing1: { value: '二号车间消防通道堵塞' }, time2: { value: '2026-11-29 17:00' } },
  });

  it('sends, and the simulator records the message', async () => {
    const openid = 'oReceiver';
    h.sim.issueCode(openid);
    await expect(h.client().sendSubscribeMessage(message(openid))).resolves.toEqual({ ok: true });
    expect(h.sim.messages).toEqual([
      expect.objectContaining({ touser: openid, template_id: 'tpl-hazard-due', page: 'pages/hazards/detail?id=7', lang: 'zh_CN' }),
    ]);
  });

  it('40001 once: drops the cached token, fetches a new one and succeeds', async () => {
    const c = h.client();
    h.sim.issueCode('oReceiver');
    const before = await c.getAccessToken();
    h.sim.failNext(SEND, 40001);
    await expect(c.sendSubscribeMessage(message('oReceiver'))).resolves.toEqual({ ok: true });
    const sends = h.callsTo(SEND);
    expect(sends.map((s) => s.query.access_token === before)).toEqual([true, false]);
    expect(h.callsTo(TOKEN)).toHaveLength(2);
    expect((await h.repo.findOneByOrFail({ appid: APPID })).token).toBe(sends[1]?.query.access_token);
  });

  it('a token the simulator never issued (rotated secret elsewhere) is renewed transparently', async () => {
    h.sim.issueCode('oReceiver');
    await h.repo.save({ appid: APPID, token: 'stale-token', expiresAt: new Date(h.clock + 3600_000), updatedAt: new Date(h.clock) });
    await expect(h.client().sendSubscribeMessage(message('oReceiver'))).resolves.toEqual({ ok: true });
    expect(h.callsTo(SEND)).toHaveLength(2);
  });

  it('token errors twice: renews only once, then reports the errcode', async () => {
    h.sim.issueCode('oReceiver');
    h.sim.failNext(SEND, 42001, 2);
    await expect(h.client().sendSubscribeMessage(message('oReceiver'))).resolves.toEqual({ ok: false, errcode: 42001 });
    expect(h.callsTo(SEND)).toHaveLength(2);
  });

  it('43101: no quota is ok:false without retrying', async () => {
    h.sim.issueCode('oReceiver');
    h.sim.failNext(SEND, 43101);
    await expect(h.client().sendSubscribeMessage(message('oReceiver'))).resolves.toEqual({ ok: false, errcode: 43101 });
    expect(h.callsTo(SEND)).toHaveLength(1);
    expect(h.sim.messages).toHaveLength(0);
  });

  it('-1: backs off and retries the send', async () => {
    h.sim.issueCode('oReceiver');
    h.sim.failNext(SEND, -1);
    await expect(h.client().sendSubscribeMessage(message('oReceiver'))).resolves.toEqual({ ok: true });
    expect(h.callsTo(SEND)).toHaveLength(2);
  });

  it('a value breaking its keyword rule comes back as 47003', async () => {
    h.sim.issueCode('oReceiver');
    const tooLong = { ...message('oReceiver'), data: { thing1: { value: '这是一段明显超过二十个字的隐患描述文字内容' } } };
    await expect(h.client().sendSubscribeMessage(tooLong)).resolves.toEqual({ ok: false, errcode: 47003 });
  });
});

describe('WeChatClient.getPhoneNumber', () => {
  it('returns the number; countryCode as a string even when WeChat sends a number', async () => {
    let phoneInfo: unknown = { phoneNumber: '+85261234567', purePhoneNumber: '61234567', countryCode: 852, watermark: { timestamp: 1, appid: APPID } };
    const stub = await startStubServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      if (req.url?.startsWith('/cgi-bin/token')) res.end(JSON.stringify({ access_token: 'stub-token', expires_in: 7200 }));
      else res.end(JSON.stringify({ errcode: 0, errmsg: 'ok', phone_info: phoneInfo }));
    });
    try {
      await h.repo.clear();
      const c = h.client({ apiBase: stub.url });
      await expect(c.getPhoneNumber('code')).resolves.toEqual({ phoneNumber: '+85261234567', purePhoneNumber: '61234567', countryCode: '852' });
      // A success without a usable phone_info is WeChat misbehaving: 503, never a 500 or a stored garbage number.
      for (const bad of [undefined, null, 'x', { purePhoneNumber: 13800138000, countryCode: '86' }, { purePhoneNumber: '1380013800a', countryCode: '86' }, { purePhoneNumber: '13800138000' }]) {
        phoneInfo = bad;
        await expectAppError(c.getPhoneNumber('code'), 'WECHAT_UNAVAILABLE', 503);
      }
    } finally {
      await h.repo.clear();
      await stub.close();
    }
  });

  it('maps WeChat refusals: 40029 → 422 on code, 45011 → 429', async () => {
    const c = h.client();
    await expectAppError(c.getPhoneNumber('unknown-code'), 'VALIDATION_FAILED', 422);
    h.sim.failNext('/wxa/business/getuserphonenumber', 45011);
    await expectAppError(c.getPhoneNumber(h.sim.issuePhoneCode()), 'WECHAT_RATE_LIMITED', 429);
    await expect(c.getPhoneNumber(h.sim.issuePhoneCode('13800138000'))).resolves.toMatchObject({ phoneNumber: '13800138000', countryCode: '86' });
  });
});
