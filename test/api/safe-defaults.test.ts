// Safe defaults outside the demo: demo data, the WeChat simulator and the development secrets only on the
// embedded SQLite database or with DEMO=on; otherwise a missing secret stops the start, naming it.
// And TRUST_PROXY: the login throttle sees the client address a trusted proxy forwards, and only then.
import request from 'supertest';
import { DataSource } from 'typeorm';
import { run } from '../../server/src/main';
import { UserEntity } from '../../server/src/users/user.entity';
import { TEST_DB, testDbEnv } from '../support/db';
import { type TestServer, startTestServer } from '../support/server';

class Exit extends Error {
  constructor(readonly code: number | string | null | undefined) {
    super(`process.exit(${String(code)})`);
  }
}

let errors: string[];
beforeEach(() => {
  errors = [];
  jest.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Exit(code);
  });
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args.map(String).join(' '));
  });
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

const REAL_SECRETS = { JWT_SECRET: 'a-real-secret-for-this-deployment-0123456789', WECHAT_APPID: 'wx0123456789abcdef', WECHAT_SECRET: 'a-real-app-secret' };
const BASE = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', WECHAT_SIM_PORT: '0', H5_DIR: '/nonexistent' };

describe('the refused unsafe start', () => {
  test.each<[string, Record<string, string>, string[]]>([
    ['MariaDB without NODE_ENV or secrets', { DB_TYPE: 'mariadb', DB_PORT: '1' }, ['JWT_SECRET', 'WECHAT_SECRET']],
    ['MySQL with only a JWT secret', { DB_TYPE: 'mysql', DB_PORT: '1', JWT_SECRET: REAL_SECRETS.JWT_SECRET }, ['WECHAT_SECRET', 'WECHAT_APPID']],
    ['MariaDB with the WeChat demo secret', { DB_TYPE: 'mariadb', DB_PORT: '1', ...REAL_SECRETS, WECHAT_SECRET: 'demo-secret' }, ['WECHAT_SECRET']],
    ['SQLite with DEMO=off and no secrets', { DB_PATH: ':memory:', DEMO: 'off' }, ['JWT_SECRET', 'WECHAT_SECRET']],
    ['production on SQLite without secrets', { NODE_ENV: 'production', DB_PATH: ':memory:' }, ['JWT_SECRET', 'WECHAT_SECRET']],
  ])('%s: exits 78 naming the missing settings, before any database or simulator', async (_, env, names) => {
    const outcome = await run({ ...BASE, ...env }).then(
      async (r) => {
        await r.stop();
        return 'started';
      },
      (e: unknown) => e,
    );
    expect(outcome).toBeInstanceOf(Exit);
    expect((outcome as Exit).code).toBe(78);
    const message = errors.join('\n');
    for (const name of names) expect(message).toContain(`- ${name}:`);
    expect(message).not.toContain(REAL_SECRETS.JWT_SECRET);
  });
});

describe('demo mode follows the database', () => {
  test(`DEMO=auto with real secrets on the test database (${TEST_DB})`, async () => {
    const db = await testDbEnv();
    const running = await run({ ...BASE, ...REAL_SECRETS, ...db.env });
    try {
      const demoUsers = await running.app.get(DataSource).getRepository(UserEntity).countBy({ username: 'demo-admin' });
      if (TEST_DB === 'sqlite') {
        // The embedded database is the demo: demo data and a local simulator.
        expect(running.config.demo).toBe(true);
        expect(demoUsers).toBe(1);
        expect(running.simulator).not.toBeNull();
      } else {
        // A server database is a deployment: no demo users, real WeChat, no simulator.
        expect(running.config.demo).toBe(false);
        expect(demoUsers).toBe(0);
        expect(running.simulator).toBeNull();
        expect(running.config.wechat.apiBase).toBe('https://api.weixin.qq.com');
        expect(running.config.jwtSecret).toBe(REAL_SECRETS.JWT_SECRET);
      }
    } finally {
      await running.stop();
      await db.drop();
    }
  });

  test('DEMO=on opts a server database into the demo explicitly (simulator and demo users)', async () => {
    const db = await testDbEnv();
    const running = await run({ ...BASE, ...db.env, DEMO: 'on' });
    try {
      expect(running.config.demo).toBe(true);
      expect(running.simulator).not.toBeNull();
      expect(await running.app.get(DataSource).getRepository(UserEntity).countBy({ username: 'demo-admin' })).toBe(1);
    } finally {
      await running.stop();
      await db.drop();
    }
  });
});

describe('TRUST_PROXY and the login throttle', () => {
  let servers: TestServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((x) => x.close()));
    servers = [];
  });
  const server = async (env: Record<string, string>): Promise<TestServer> => {
    const s = await startTestServer({ env: { LOGIN_RATE_LIMIT: '2', ...env } });
    servers.push(s);
    return s;
  };
  const attempt = (s: TestServer, forwardedFor: string) =>
    request(s.url).post('/api/auth/password').set('X-Forwarded-For', forwardedFor).send({ username: 'nobody', password: 'wrong-password' });

  test.each([['127.0.0.1'], ['loopback'], ['1'], ['true']])(
    'TRUST_PROXY=%s: two forwarded addresses are throttled separately; 429 carries Retry-After',
    async (trust) => {
      const s = await server({ TRUST_PROXY: trust });
      expect((await attempt(s, '203.0.113.7')).status).toBe(401);
      expect((await attempt(s, '203.0.113.7')).status).toBe(401);
      const limited = await attempt(s, '203.0.113.7');
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('RATE_LIMITED');
      const retryAfter = Number(limited.headers['retry-after']);
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
      // Another client behind the same proxy still has its own budget.
      expect((await attempt(s, '198.51.100.20')).status).toBe(401);
    },
  );

  test('not trusted (the default): X-Forwarded-For is ignored, the proxy address is throttled', async () => {
    const s = await server({});
    expect((await attempt(s, '203.0.113.7')).status).toBe(401);
    expect((await attempt(s, '203.0.113.8')).status).toBe(401);
    const limited = await attempt(s, '203.0.113.9');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
  });

  test('a trusted list that does not include the peer ignores its header too', async () => {
    const s = await server({ TRUST_PROXY: '10.0.0.0/8' });
    expect((await attempt(s, '203.0.113.7')).status).toBe(401);
    expect((await attempt(s, '203.0.113.8')).status).toBe(401);
    expect((await attempt(s, '203.0.113.9')).status).toBe(429);
  });
});
