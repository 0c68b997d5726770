import { SimState } from './sim-state';

const APP = { appid: 'wx-app', secret: 's3cret' };

function setup(acceptUnknownCodes = false): { state: SimState; advance: (ms: number) => void } {
  let clock = Date.UTC(2026, 0, 1);
  const state = new SimState({ ...APP, acceptUnknownCodes, now: () => clock });
  return { state, advance: (ms) => (clock += ms) };
}

const login = (state: SimState, code: string, over: Record<string, string> = {}) =>
  state.jscode2session({ ...APP, js_code: code, grant_type: 'authorization_code', ...over });

describe('SimState', () => {
  it('checks credentials in WeChat order', () => {
    const { state } = setup();
    const { code } = state.issueCode();
    expect(login(state, code, { appid: '' }).errcode).toBe(41002);
    expect(login(state, code, { secret: '' }).errcode).toBe(41004);
    expect(login(state, code, { appid: 'wx-other' }).errcode).toBe(40013);
    expect(login(state, code, { secret: 'wrong' }).errcode).toBe(40125);
    expect(login(state, '').errcode).toBe(41008);
  });

  it('lets a code log in once, within 5 minutes', () => {
    const { state, advance } = setup();
    const first = state.issueCode('oUser');
    expect(login(state, first.code)).toMatchObject({ openid: 'oUser' });
    expect(login(state, first.code).errcode).toBe(40163);
    const late = state.issueCode('oUser');
    advance(5 * 60_000 + 1);
    expect(login(state, late.code).errcode).toBe(40029);
    expect(login(state, 'never-issued').errcode).toBe(40029);
  });

  it('derives a stable openid from unknown codes in demo mode', () => {
    const a = setup(true).state;
    const b = setup(true).state;
    const fromA = login(a, 'devtools-code');
    expect(fromA.openid).toMatch(/^o[\w-]{27}$/);
    expect(login(b, 'devtools-code').openid).toBe(fromA.openid);
    expect(login(a, 'devtools-code').errcode).toBe(40163);
  });

  it('rate-limits a user after 100 logins a minute', () => {
    const { state, advance } = setup();
    for (let i = 0; i < 100; i++) expect(login(state, state.issueCode('oBusy').code).errcode).toBeUndefined();
    expect(login(state, state.issueCode('oBusy').code).errcode).toBe(45011);
    advance(60_000);
    expect(login(state, state.issueCode('oBusy').code).openid).toBe('oBusy');
  });

  it('keeps the previous access token valid for 5 minutes after a new one', () => {
    const { state, advance } = setup();
    const q = { grant_type: 'client_credential', ...APP };
    const first = String(state.token(q).access_token);
    const second = String(state.token(q).access_token);
    expect(second).not.toBe(first);
    expect(state.checkToken(first)).toBeNull();
    advance(5 * 60_000);
    expect(state.checkToken(first)?.errcode).toBe(42001);
    expect(state.checkToken(second)).toBeNull();
    expect(state.checkToken('made-up')?.errcode).toBe(40001);
    expect(state.checkToken(undefined)?.errcode).toBe(41001);
  });

  it('returns the same stable token until forced, and limits forcing', () => {
    const { state, advance } = setup();
    const body = { grant_type: 'client_credential', ...APP };
    const a = state.stableTokenCall(body).access_token;
    expect(state.stableTokenCall(body).access_token).toBe(a);
    const forced = state.stableTokenCall({ ...body, force_refresh: true }).access_token;
    expect(forced).not.toBe(a);
    expect(state.stableTokenCall({ ...body, force_refresh: true }).errcode).toBe(45011);
    advance(30_000);
    expect(state.stableTokenCall({ ...body, force_refresh: true }).access_token).toBeDefined();
  });

  it('validates and records subscribe messages', () => {
    const { state } = setup();
    const token = String(state.token({ grant_type: 'client_credential', ...APP }).access_token);
    const { openid } = state.issueCode();
    const send = (body: Record<string, unknown>) => state.sendSubscribe({ access_token: token }, body);
    const good = { touser: openid, template_id: 'tpl', page: 'pages/index/index?id=1', data: { thing1: { value: '车间' } } };
    expect(send({ ...good, touser: 'oStranger' }).errcode).toBe(40003);
    expect(send({ ...good, template_id: '' }).errcode).toBe(40037);
    expect(send({ ...good, page: 'https://evil.example' }).errcode).toBe(41030);
    expect(send({ ...good, data: { thing1: { value: 'x'.repeat(21) } } }).errcode).toBe(47003);
    expect(state.messages).toHaveLength(0);
    expect(send(good).errcode).toBe(0);
    expect(state.messages).toEqual([expect.objectContaining({ touser: openid, template_id: 'tpl' })]);
  });

  it('serves injected failures once per call, in order', () => {
    const { state } = setup();
    state.failNext('sns/jscode2session', -1, 2);
    expect(state.takeFailure('/sns/jscode2session')).toBe(-1);
    expect(state.takeFailure('/sns/jscode2session')).toBe(-1);
    expect(state.takeFailure('/sns/jscode2session')).toBeUndefined();
  });
});

describe('SimState.userPhoneNumber', () => {
  const make = (acceptUnknownCodes = false) => {
    let now = 1_800_000_000_000;
    const state = new SimState({ appid: 'wxapp', secret: 's', acceptUnknownCodes, now: () => now });
    const token = state.token({ grant_type: 'client_credential', appid: 'wxapp', secret: 's' }).access_token as string;
    return { state, token, advance: (ms: number) => (now += ms) };
  };

  it('answers phone_info for a fresh code, then 40029 for the same code', () => {
    const { state, token } = make();
    const { code } = state.issuePhoneCode('13800138000');
    expect(state.userPhoneNumber({ access_token: token }, { code })).toMatchObject({
      errcode: 0,
      phone_info: { phoneNumber: '13800138000', purePhoneNumber: '13800138000', countryCode: '86', watermark: { appid: 'wxapp' } },
    });
    expect(state.userPhoneNumber({ access_token: token }, { code }).errcode).toBe(40029);
  });

  it('refuses expired and unknown codes (40029) and bad tokens (40001)', () => {
    const { state, token, advance } = make();
    const { code } = state.issuePhoneCode();
    advance(5 * 60_000 + 1);
    expect(state.userPhoneNumber({ access_token: token }, { code }).errcode).toBe(40029);
    expect(state.userPhoneNumber({ access_token: token }, { code: 'nope' }).errcode).toBe(40029);
    expect(state.userPhoneNumber({ access_token: 'bad' }, { code }).errcode).toBe(40001);
  });

  it('demo mode: an unknown code gives a stable 138 number, once', () => {
    const { state, token } = make(true);
    const first = state.userPhoneNumber({ access_token: token }, { code: 'devtools-code' });
    expect((first.phone_info as { phoneNumber: string }).phoneNumber).toMatch(/^138\d{8}$/);
    expect(state.userPhoneNumber({ access_token: token }, { code: 'devtools-code' }).errcode).toBe(40029);
  });
});
