import { AppConfig, ConfigError, loadConfig } from './config';

const SECRET = 'a-real-production-secret-of-40-characters';

/** Production settings that pass, so each test can break exactly one thing. */
const PROD: Record<string, string> = {
  NODE_ENV: 'production',
  JWT_SECRET: SECRET,
  WECHAT_APPID: 'wx1234567890abcdef',
  WECHAT_SECRET: 'real-wechat-secret',
};

/** Secrets of a real deployment outside production (e.g. a staging server on MariaDB). */
const REAL: Record<string, string> = { JWT_SECRET: SECRET, WECHAT_APPID: 'wx1234567890abcdef', WECHAT_SECRET: 'real-wechat-secret' };

/** The ConfigError message loadConfig throws for env; fails the test if it does not throw one. */
function configError(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).message;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig defaults', () => {
  const c = loadConfig({});

  it('returns an AppConfig', () => {
    expect(c).toBeInstanceOf(AppConfig);
  });

  it('listens on 0.0.0.0:3000 in development', () => {
    expect(c.production).toBe(false);
    expect(c.port).toBe(3000);
    expect(c.host).toBe('0.0.0.0');
    expect(c.publicUrl).toBe('http://localhost:3000');
  });

  it('uses the embedded sqlite database at data/anquan.sqlite', () => {
    expect(c.db).toEqual({ type: 'sqlite', path: 'data/anquan.sqlite' });
  });

  it('seeds demo data in development', () => {
    expect(c.demo).toBe(true);
  });

  it('has a 72-hour token lifetime and a development secret of at least 32 characters', () => {
    expect(c.jwtTtlSeconds).toBe(72 * 3600);
    expect(c.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('talks to the real WeChat API by default', () => {
    expect(c.wechat).toEqual({ appid: 'wx-demo-appid', secret: 'demo-secret', apiBase: 'https://api.weixin.qq.com' });
  });

  it('other defaults', () => {
    expect(c.h5Dir).toBe('dist/h5');
    expect(c.logLevel).toBe('info');
    expect(c.loginRateLimit).toBe(20);
  });

  it('treats empty strings as unset', () => {
    const e = loadConfig({ PORT: '', DB_TYPE: '', DEMO: '', NODE_ENV: '', JWT_SECRET: undefined });
    expect(e.port).toBe(3000);
    expect(e.db).toEqual({ type: 'sqlite', path: 'data/anquan.sqlite' });
    expect(e.demo).toBe(true);
    expect(e.production).toBe(false);
  });
});

describe('loadConfig settings', () => {
  it('reads PORT and derives the default public URL from it', () => {
    const c = loadConfig({ PORT: '8080' });
    expect(c.port).toBe(8080);
    expect(c.publicUrl).toBe('http://localhost:8080');
  });

  it('DB_TYPE=mariadb with its settings', () => {
    const c = loadConfig({
      ...REAL,
      DB_TYPE: 'mariadb',
      DB_HOST: 'db.internal',
      DB_PORT: '3307',
      DB_USER: 'anquan',
      DB_PASSWORD: 'p@ss',
      DB_NAME: 'anquan_prod',
      DB_POOL_SIZE: '25',
      DB_PATH: 'ignored.sqlite',
    });
    expect(c.db).toEqual({
      type: 'mariadb',
      host: 'db.internal',
      port: 3307,
      user: 'anquan',
      password: 'p@ss',
      name: 'anquan_prod',
      poolSize: 25,
    });
  });

  it('DB_TYPE=mysql with default connection settings', () => {
    expect(loadConfig({ ...REAL, DB_TYPE: 'mysql' }).db).toEqual({
      type: 'mysql',
      host: '127.0.0.1',
      port: 3306,
      user: 'root',
      password: '',
      name: 'anquan',
      poolSize: 10,
    });
  });

  it('DB_POOL_SIZE: 1 to 200', () => {
    expect(configError({ ...REAL, DB_TYPE: 'mariadb', DB_POOL_SIZE: '0' })).toMatch(/DB_POOL_SIZE/);
    expect(configError({ ...REAL, DB_TYPE: 'mariadb', DB_POOL_SIZE: 'many' })).toMatch(/DB_POOL_SIZE/);
  });

  it('DB_PATH for sqlite', () => {
    expect(loadConfig({ DB_PATH: '/var/lib/anquan/db.sqlite' }).db).toEqual({
      type: 'sqlite',
      path: '/var/lib/anquan/db.sqlite',
    });
  });

  it('an unknown DB_TYPE is an error naming DB_TYPE', () => {
    expect(configError({ DB_TYPE: 'postgres' })).toMatch(/DB_TYPE/);
  });

  it('PUBLIC_URL: a trailing slash is trimmed', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://aq.example.cn/' }).publicUrl).toBe('https://aq.example.cn');
    expect(loadConfig({ PUBLIC_URL: 'https://aq.example.cn/app/' }).publicUrl).toBe('https://aq.example.cn/app');
    expect(loadConfig({ PUBLIC_URL: 'https://aq.example.cn' }).publicUrl).toBe('https://aq.example.cn');
  });

  it('PUBLIC_URL must be a URL', () => {
    expect(configError({ PUBLIC_URL: 'aq.example.cn' })).toMatch(/PUBLIC_URL/);
  });

  it('WECHAT_API_BASE: default, override, trailing slash trimmed', () => {
    expect(loadConfig({}).wechat.apiBase).toBe('https://api.weixin.qq.com');
    expect(loadConfig({ WECHAT_API_BASE: 'http://127.0.0.1:4010/' }).wechat.apiBase).toBe('http://127.0.0.1:4010');
    expect(configError({ WECHAT_API_BASE: 'not a url' })).toMatch(/WECHAT_API_BASE/);
  });

  it('JWT_TTL_HOURS is converted to seconds and bounded', () => {
    expect(loadConfig({ JWT_TTL_HOURS: '1' }).jwtTtlSeconds).toBe(3600);
    expect(configError({ JWT_TTL_HOURS: '0' })).toMatch(/JWT_TTL_HOURS/);
    expect(configError({ JWT_TTL_HOURS: '2161' })).toMatch(/JWT_TTL_HOURS/);
  });

  it('a short JWT_SECRET is rejected in any mode', () => {
    expect(configError({ JWT_SECRET: 'short' })).toMatch(/JWT_SECRET/);
    expect(configError({ ...PROD, JWT_SECRET: 'x'.repeat(31) })).toMatch(/JWT_SECRET/);
    expect(loadConfig({ JWT_SECRET: 'x'.repeat(32) }).jwtSecret).toBe('x'.repeat(32));
  });

  it('DEMO=off turns demo mode off in development: then the secrets are needed', () => {
    expect(loadConfig({ ...REAL, DEMO: 'off' }).demo).toBe(false);
    expect(configError({ DEMO: 'off' })).toContain('- JWT_SECRET:');
    expect(loadConfig({ DEMO: 'on' }).demo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).demo).toBe(true);
  });

  it.each(['abc', '70000', '65536', '-1', '3000.5', '80a'])('PORT=%s is an error naming PORT', (port) => {
    const message = configError({ PORT: port });
    expect(message).toMatch(/PORT/);
    expect(message).not.toMatch(/DB_PORT/);
  });

  // BUG: z.coerce.number() turns a blank value into 0, and 0 is a valid PORT (min 0), so `PORT= ` (a
  // space, easy to get from a .env file or a compose file) silently makes the server listen on a random port.
  it.each([' ', '\t'])('a blank PORT (%j) is either the default or an error, never port 0', (port) => {
    let result: number | string;
    try {
      result = loadConfig({ PORT: port }).port;
    } catch (e) {
      result = e instanceof ConfigError && /PORT/.test(e.message) ? 'error' : 'other';
    }
    expect([3000, 'error']).toContain(result);
  });

  it('lists several bad settings at once', () => {
    const message = configError({ PORT: 'abc', DB_TYPE: 'postgres', LOG_LEVEL: 'loud', DEMO: 'maybe' });
    for (const name of ['PORT', 'DB_TYPE', 'LOG_LEVEL', 'DEMO']) expect(message).toContain(`- ${name}:`);
    expect(message.split('\n').filter((l) => l.startsWith('  - '))).toHaveLength(4);
  });
});

describe('demo mode only on the embedded database or with DEMO=on', () => {
  it.each(['mysql', 'mariadb'])('DB_TYPE=%s without secrets stops with a message naming each one', (db) => {
    const message = configError({ DB_TYPE: db });
    for (const name of ['JWT_SECRET', 'WECHAT_SECRET', 'WECHAT_APPID']) expect(message).toContain(`- ${name}:`);
  });

  it('DB_TYPE=mariadb with real secrets is not demo mode (no demo data, real WeChat)', () => {
    const c = loadConfig({ ...REAL, DB_TYPE: 'mariadb' });
    expect(c.demo).toBe(false);
    expect(c.jwtSecret).toBe(SECRET);
    expect(c.wechat.apiBase).toBe('https://api.weixin.qq.com');
  });

  it('the development JWT secret is refused outside demo mode', () => {
    const devSecret = loadConfig({}).jwtSecret;
    expect(configError({ ...REAL, DB_TYPE: 'mariadb', JWT_SECRET: devSecret })).toContain('- JWT_SECRET:');
  });

  it('DEMO=on opts a MySQL/MariaDB development server into demo mode', () => {
    const c = loadConfig({ DB_TYPE: 'mariadb', DEMO: 'on' });
    expect(c.demo).toBe(true);
    expect(c.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('tooling (migrations) may skip the secrets', () => {
    expect(loadConfig({ DB_TYPE: 'mariadb' }, { requireSecrets: false }).db.type).toBe('mariadb');
  });
});

describe('TRUST_PROXY', () => {
  it.each<[string | undefined, unknown]>([
    [undefined, false],
    ['false', false],
    ['true', true],
    ['1', 1],
    ['2', 2],
    ['10.0.0.1', ['10.0.0.1']],
    ['loopback, 10.0.0.0/8,  ::1/128', ['loopback', '10.0.0.0/8', '::1/128']],
  ])('%s → %j', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each(['yes', '10.0.0.0/33', '10.0.0.1/8/1', '300.1.1.1', '-1', 'fe80::/129', ','])('%s is an error naming TRUST_PROXY', (value) => {
    expect(configError({ TRUST_PROXY: value })).toMatch(/- TRUST_PROXY:/);
  });
});

describe('loadConfig in production', () => {
  it('accepts complete production settings; never demo', () => {
    const c = loadConfig(PROD);
    expect(c.production).toBe(true);
    expect(c.jwtSecret).toBe(SECRET);
    expect(c.demo).toBe(false);
  });

  it('never seeds demo data, even with DEMO=auto', () => {
    expect(loadConfig({ ...PROD, DEMO: 'auto' }).demo).toBe(false);
    expect(loadConfig({ ...PROD, DEMO: 'off' }).demo).toBe(false);
  });

  it('DEMO=on is an error naming DEMO', () => {
    const message = configError({ ...PROD, DEMO: 'on' });
    expect(message).toMatch(/DEMO/);
    expect(message).not.toMatch(/JWT_SECRET/);
  });

  it('without JWT_SECRET throws a ConfigError naming JWT_SECRET', () => {
    const { JWT_SECRET: _s, ...rest } = PROD;
    const message = configError(rest);
    expect(message).toContain('JWT_SECRET');
    expect(message).not.toContain('WECHAT_SECRET');
  });

  it('with an empty JWT_SECRET throws too (empty is unset)', () => {
    expect(configError({ ...PROD, JWT_SECRET: '' })).toContain('JWT_SECRET');
  });

  it('the development secret is not accepted as a production secret', () => {
    const devSecret = loadConfig({}).jwtSecret;
    expect(configError({ ...PROD, JWT_SECRET: devSecret })).toContain('JWT_SECRET');
  });

  it('needs a real WECHAT_SECRET and WECHAT_APPID, wherever WECHAT_API_BASE points', () => {
    const { WECHAT_SECRET: _w, WECHAT_APPID: _a, ...rest } = PROD;
    const message = configError({ ...rest, WECHAT_API_BASE: 'http://wechat-sim:4010' });
    expect(message).toContain('- WECHAT_SECRET:');
    expect(message).toContain('- WECHAT_APPID:');
    expect(configError({ ...PROD, WECHAT_SECRET: 'demo-secret' })).toContain('- WECHAT_SECRET:');
  });

  it('lists every production problem at once', () => {
    const message = configError({ NODE_ENV: 'production', DEMO: 'on' });
    expect(message).toContain('- JWT_SECRET:');
    expect(message).toContain('- DEMO:');
    expect(message).toContain('- WECHAT_SECRET:');
  });

  it('does not print secrets in the error message', () => {
    const message = configError({ ...PROD, PORT: 'abc', DB_PASSWORD: 'hunter2-db-password' });
    expect(message).not.toContain(SECRET);
    expect(message).not.toContain('hunter2-db-password');
    expect(message).not.toContain('real-wechat-secret');
  });
});
