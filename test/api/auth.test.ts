// Logging in: desk users with passwords, mini-program users through WeChat (the simulator answers as
// WeChat does, errors included), tokens, /api/me and the login rate limit.
import request from 'supertest';
import { Builders, PASSWORD } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

let s: TestServer;
let b: Builders;

beforeAll(async () => {
  s = await startTestServer();
  b = new Builders(s.db, s.url);
  const d = await b.region('测试区');
  await b.user('desk-sup', [{ role: 'supervisor', regionId: d.id }]);
});
afterAll(() => s.close());

describe('password login', () => {
  test('right password → token and user with roles; the hash is never sent', async () => {
    const res = await request(s.url).post('/api/auth/password').send({ username: 'desk-sup', password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.token.split('.')).toHaveLength(3);
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now());
    expect(res.body.user).toMatchObject({ username: 'desk-sup', hasWechat: false, roles: [{ role: 'supervisor' }] });
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|passwordHash/);
    const me = await request(s.url).get('/api/me').set('Authorization', `Bearer ${res.body.token}`);
    expect(me.status).toBe(200);
    expect(me.body).toEqual(res.body.user);
  });

  test.each([
    ['wrong password', { username: 'desk-sup', password: 'nope-nope' }],
    ['unknown user', { username: 'nobody-here', password: PASSWORD }],
  ])('%s → 401 INVALID_CREDENTIALS, same answer either way', async (_, body) => {
    const res = await request(s.url).post('/api/auth/password').send(body);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' } });
  });
});

describe('tokens', () => {
  test('no token, a malformed one, a forged one → 401', async () => {
    expect((await request(s.url).get('/api/me')).status).toBe(401);
    expect((await request(s.url).get('/api/me').set('Authorization', 'Bearer x.y.z')).status).toBe(401);
    expect((await request(s.url).get('/api/me').set('Authorization', 'Basic abc')).status).toBe(401);
    const good = (await request(s.url).post('/api/auth/password').send({ username: 'desk-sup', password: PASSWORD })).body.token as string;
    const [h, p] = good.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url')}.${good.split('.')[2]}`;
    const res = await request(s.url).get('/api/me').set('Authorization', `Bearer ${forged}`);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  test('an expired token → 401 TOKEN_EXPIRED', async () => {
    const token = (await request(s.url).post('/api/auth/password').send({ username: 'desk-sup', password: PASSWORD })).body.token;
    s.clock.advance(73 * 3600_000);
    try {
      const res = await request(s.url).get('/api/me').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('TOKEN_EXPIRED');
    } finally {
      s.clock.advance(-73 * 3600_000);
    }
  });
});

describe('WeChat login', () => {
  test('a code from wx.login → a user with no roles; the same openid is the same user; no session_key', async () => {
    const openid = 'oTEST_same_person_00000000001';
    const first = await request(s.url).post('/api/auth/wechat').send({ code: s.wechat.issueCode(openid) });
    expect(first.status).toBe(200);
    expect(first.body.user).toMatchObject({ name: '微信用户', hasWechat: true, roles: [], username: null });
    expect(JSON.stringify(first.body)).not.toMatch(/session_key|openid/);
    const again = await request(s.url).post('/api/auth/wechat').send({ code: s.wechat.issueCode(openid) });
    expect(again.body.user.id).toBe(first.body.user.id);
  });

  test.each<[string, (code: string) => void, number, string]>([
    ['unknown code (40029) → 401', () => {}, 401, 'WECHAT_CODE_INVALID'],
    ['blocked user (40226) → 403', () => s.wechat.failNext('/sns/jscode2session', 40226), 403, 'WECHAT_USER_BLOCKED'],
    ['too frequent (45011) → 429', () => s.wechat.failNext('/sns/jscode2session', 45011), 429, 'WECHAT_RATE_LIMITED'],
    ['wrong secret (40125) → 503', () => s.wechat.failNext('/sns/jscode2session', 40125), 503, 'WECHAT_MISCONFIGURED'],
  ])('%s', async (_, arrange, status, code) => {
    const valid = s.wechat.issueCode();
    arrange(valid);
    const body = { code: status === 401 ? 'not-a-code-from-wechat' : valid };
    const res = await request(s.url).post('/api/auth/wechat').send(body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });

  test('a code used twice (40163) → 401 WECHAT_CODE_USED', async () => {
    const code = s.wechat.issueCode();
    expect((await request(s.url).post('/api/auth/wechat').send({ code })).status).toBe(200);
    const res = await request(s.url).post('/api/auth/wechat').send({ code });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('WECHAT_CODE_USED');
  });

  test('WeChat busy once (-1) is retried and succeeds', async () => {
    s.wechat.failNext('/sns/jscode2session', -1);
    const res = await request(s.url).post('/api/auth/wechat').send({ code: s.wechat.issueCode() });
    expect(res.status).toBe(200);
  });
});

test('login attempts are rate-limited per address (429 in the API error shape, with Retry-After)', async () => {
  const limited = await startTestServer({ env: { LOGIN_RATE_LIMIT: '3' } });
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await request(limited.url).post('/api/auth/password').send({ username: 'x', password: 'y' });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.body.error.code).toBe('RATE_LIMITED');
        // The standard header (whole seconds), not only @nestjs/throttler's own "Retry-After-login".
        expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/);
        expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
      }
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // Other routes are not limited.
    expect((await request(limited.url).get('/api/health')).status).toBe(200);
  } finally {
    await limited.close();
  }
});
