// A database having a bad day never gives a 500 or a hang: every route answers 503 with Retry-After within
// a couple of seconds, and the server recovers by itself. MariaDB: through a TCP proxy that goes silent
// (accepts, never answers) and then down (refused); deadlocks and lock waits retry the transaction.
// SQLite: another process holding the file's write lock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { QueryFailedError } from 'typeorm';
import { TRANSACTION_ATTEMPTS } from '../../server/src/database/resilience';
import { RegionEntity } from '../../server/src/org/region.entity';
import { Builders, twoCooperatives } from '../support/builders';
import { MARIADB, TEST_DB, testDbEnv } from '../support/db';
import { type TestServer, startTestServer } from '../support/server';
import { type TcpProxy, startTcpProxy } from '../support/tcp-proxy';

/** Well within "a couple of seconds": the server gives up on the database after 2 s. */
const PROMPT_MS = 3500;

type Answer = { route: string; status: number; ms: number; retryAfter?: string; code?: string };

async function call(url: string, token: string, method: string, path: string): Promise<Answer> {
  const concrete = path.replace(/\{code\}/, 'ABCD2345').replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
  const started = Date.now();
  let req = request(url)[method.toLowerCase() as 'get' | 'post' | 'patch'](concrete).set('Authorization', `Bearer ${token}`);
  if (method !== 'GET') req = req.send(path === '/api/auth/password' ? { username: 'leadA', password: 'test-pass-1234' } : { name: '测试名称' });
  const res = await req;
  return {
    route: `${method} ${path}`,
    status: res.status,
    ms: Date.now() - started,
    retryAfter: res.headers['retry-after'] as string | undefined,
    code: (res.body as { error?: { code?: string } })?.error?.code,
  };
}

/** Every route of the OpenAPI document, called at once. */
async function everyRoute(s: TestServer, token: string, paths: Record<string, Record<string, unknown>>): Promise<Answer[]> {
  const calls: Promise<Answer>[] = [];
  for (const [path, ops] of Object.entries(paths)) {
    for (const method of Object.keys(ops)) calls.push(call(s.url, token, method.toUpperCase(), path));
  }
  return Promise.all(calls);
}

function expectUnavailable(answers: Answer[]): void {
  const wrong = answers.filter((a) => {
    // Reads and logins need the database: 503 DB_UNAVAILABLE. A write may be refused for its made-up body
    // before reaching the database (4xx), but never a 500, and never slowly.
    const mustBe503 = a.route.startsWith('GET ') || a.route === 'POST /api/auth/password';
    const unavailable = a.status === 503 && Number(a.retryAfter) > 0 && (a.code === 'DB_UNAVAILABLE' || a.route === 'GET /api/health');
    // A GET whose own query is malformed (a signed file link without its signature) is refused by
    // validation, which never needs the database.
    const refusedEarly = (!mustBe503 || a.code === 'VALIDATION_FAILED') && a.status >= 400 && a.status < 500;
    return !(unavailable || refusedEarly) || a.ms >= PROMPT_MS;
  });
  expect(wrong).toEqual([]);
  expect(answers.length).toBeGreaterThan(15);
}

async function recovers(s: TestServer, token: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const res = await request(s.url).get('/api/regions').set('Authorization', `Bearer ${token}`);
    if (res.status === 200) return;
    if (Date.now() > deadline) throw new Error(`no recovery: still ${res.status}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

if (TEST_DB === 'mariadb') {
  describe('MariaDB behind a proxy', () => {
    let proxy: TcpProxy;
    let s: TestServer;
    let token: string;
    let paths: Record<string, Record<string, unknown>>;
    let dropDb: () => Promise<void>;

    beforeAll(async () => {
      proxy = await startTcpProxy({ host: MARIADB.host, port: MARIADB.port });
      // The database is created directly; the server reaches it only through the proxy.
      const db = await testDbEnv();
      dropDb = db.drop;
      s = await startTestServer({ env: { ...db.env, DB_HOST: '127.0.0.1', DB_PORT: String(proxy.port) } });
      const b = new Builders(s.db, s.url);
      await twoCooperatives(b);
      token = await b.token('leadA');
      paths = (await request(s.url).get('/api/openapi.json')).body.paths;
    });
    afterAll(async () => {
      proxy.pass();
      await s?.close();
      await proxy?.close();
      await dropDb?.();
    });

    test('silent database (accepts, never answers): every route 503 + Retry-After within seconds; then recovers', async () => {
      // Warm several pooled connections first, so both pooled and new connections meet the silence.
      await Promise.all(Array.from({ length: 4 }, () => request(s.url).get('/api/regions').set('Authorization', `Bearer ${token}`)));
      proxy.silence();
      expectUnavailable(await everyRoute(s, token, paths));
      // And again: no route is stuck behind the first wave.
      expectUnavailable(await everyRoute(s, token, paths));
      proxy.pass();
      await recovers(s, token);
    }, 60_000);

    test('database down (refused, connections cut): every route 503 + Retry-After at once; then recovers', async () => {
      await proxy.down();
      expectUnavailable(await everyRoute(s, token, paths));
      await proxy.up();
      await recovers(s, token);
      const me = await request(s.url).get('/api/me').set('Authorization', `Bearer ${token}`);
      expect(me.status).toBe(200);
    }, 60_000);
  });
}

if (TEST_DB === 'mariadb') {
  describe('MariaDB deadlocks and lock waits', () => {
    let s: TestServer;
    let a: string;
    let b: string;
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

    beforeAll(async () => {
      s = await startTestServer();
      const repo = s.db.getRepository(RegionEntity);
      a = (await repo.save(repo.create({ name: '死锁甲', level: 'district', parentId: null }))).id;
      b = (await repo.save(repo.create({ name: '死锁乙', level: 'district', parentId: null }))).id;
    });
    afterAll(() => s?.close());

    test('two transactions locking two rows in opposite order: the deadlock victim is run again and both commit', async () => {
      let runs = 0;
      const cross = (first: string, second: string, name: string) =>
        s.db.transaction(async (em) => {
          runs += 1;
          await em.query('UPDATE regions SET name = ? WHERE id = ?', [name, first]);
          await pause(150);
          await em.query('UPDATE regions SET name = ? WHERE id = ?', [name, second]);
        });
      const results = await Promise.allSettled([cross(a, b, '甲先'), cross(b, a, '乙先')]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
      // Without the retry one of them would have failed with ER_LOCK_DEADLOCK.
      expect(runs).toBeGreaterThan(2);
      const names = (await s.db.getRepository(RegionEntity).findBy([{ id: a }, { id: b }])).map((r) => r.name);
      expect(new Set(names).size).toBe(1);
    }, 20_000);

    test('a row lock held past the lock wait: the waiting transaction is run again and succeeds', async () => {
      let runs = 0;
      const holder = s.db.transaction(async (em) => {
        await em.query('UPDATE regions SET name = ? WHERE id = ?', ['持锁', a]);
        await pause(1600);
      });
      await pause(100);
      await s.db.transaction(async (em) => {
        runs += 1;
        await em.query('UPDATE regions SET name = ? WHERE id = ?', ['等锁', a]);
      });
      await holder;
      expect(runs).toBeGreaterThan(1);
      expect((await s.db.getRepository(RegionEntity).findOneByOrFail({ id: a })).name).toBe('等锁');
    }, 20_000);

    test('retries are bounded: a transaction that keeps deadlocking runs TRANSACTION_ATTEMPTS times, then fails', async () => {
      let runs = 0;
      const deadlock = Object.assign(new Error('Deadlock found when trying to get lock'), { errno: 1213, code: 'ER_LOCK_DEADLOCK' });
      const err = await s.db
        .transaction(async () => {
          runs += 1;
          throw new QueryFailedError('UPDATE x', [], deadlock);
        })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(QueryFailedError);
      expect(runs).toBe(TRANSACTION_ATTEMPTS);
    });

    test('other errors are not retried', async () => {
      let runs = 0;
      await expect(
        s.db.transaction(async () => {
          runs += 1;
          throw new Error('a bug');
        }),
      ).rejects.toThrow('a bug');
      expect(runs).toBe(1);
    });
  });
}

describe('SQLite file locked by another process', () => {
  let dir: string;
  let s: TestServer;
  let token: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'anquan-busy-'));
    s = await startTestServer({ env: { DB_TYPE: 'sqlite', DB_PATH: join(dir, 'anquan.sqlite') } });
    const b = new Builders(s.db, s.url);
    await twoCooperatives(b);
    token = await b.token('admin');
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a write while another process holds the write lock → 503 DB_UNAVAILABLE + Retry-After; then it works', async () => {
    const other = new Database(join(dir, 'anquan.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      const res = await request(s.url).post('/api/regions').set('Authorization', `Bearer ${token}`).send({ name: '锁定测试区' });
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('DB_UNAVAILABLE');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(Date.now() - started).toBeLessThan(PROMPT_MS + 3000);
      // Reads go on meanwhile (WAL: readers never wait for the writer).
      const read = await request(s.url).get('/api/regions').set('Authorization', `Bearer ${token}`);
      expect(read.status).toBe(200);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const again = await request(s.url).post('/api/regions').set('Authorization', `Bearer ${token}`).send({ name: '锁定测试区' });
    expect(again.status).toBe(201);
  }, 20_000);
});
