// Times are right wherever the database server runs: with MariaDB's global zone at +08:00 (common for
// cloud MySQL in China), DEFAULT CURRENT_TIMESTAMP still writes UTC because every session is pinned.
import { createConnection } from 'mysql2/promise';
import request from 'supertest';
import { EnterpriseEntity } from '../../server/src/org/enterprise.entity';
import { Builders, newCreditCode, twoCooperatives } from '../support/builders';
import { MARIADB, TEST_DB } from '../support/db';
import { type TestServer, startTestServer } from '../support/server';

const mariadb = TEST_DB === 'mariadb';

// On MariaDB the server's global zone is +08:00 for this file; SQLite keeps UTC by itself and runs the same checks.
describe(mariadb ? 'MariaDB at +08:00' : 'SQLite', () => {
  let s: TestServer;
  let saved = '';

  beforeAll(async () => {
    if (!mariadb) {
      s = await startTestServer();
      return;
    }
    const c = await createConnection({ ...MARIADB });
    const [rows] = await c.query('SELECT @@GLOBAL.time_zone AS tz');
    saved = (rows as { tz: string }[])[0].tz;
    // Only new connections see it, and the app's connections set their own zone: other suites are unaffected.
    await c.query(`SET GLOBAL time_zone = '+08:00'`);
    await c.end();
    s = await startTestServer();
  });
  afterAll(async () => {
    await s?.close();
    if (!mariadb) return;
    const c = await createConnection({ ...MARIADB });
    await c.query('SET GLOBAL time_zone = ?', [saved]);
    await c.end();
  });

  if (mariadb) test('a fresh connection of the server really is at +08:00, the app’s sessions at UTC', async () => {
    const c = await createConnection({ ...MARIADB });
    const [raw] = await c.query('SELECT @@SESSION.time_zone AS tz');
    await c.end();
    expect((raw as { tz: string }[])[0].tz).toBe('+08:00');
    // Several at once, so that the pool opens more than one connection.
    const zones = await Promise.all(Array.from({ length: 5 }, () => s.db.query('SELECT @@SESSION.time_zone AS tz')));
    for (const z of zones) expect(z[0].tz).toBe('+00:00');
  });

  test('createdAt and updatedAt written by the database defaults are the real time', async () => {
    const repo = s.db.getRepository(EnterpriseEntity);
    const before = Date.now();
    const { identifiers } = await repo.insert({
      name: '时区测试厂', creditCode: newCreditCode(), industry: '机械', address: '测试路', headcount: 3,
      contactName: '赵六', contactPhone: '13800000002', regionId: null,
    });
    const row = await repo.findOneByOrFail({ id: identifiers[0].id as string });
    for (const t of [row.createdAt, row.updatedAt]) {
      expect(Math.abs(t.getTime() - before)).toBeLessThan(10_000);
    }
  });

  test('times over the API are right too', async () => {
    const before = Date.now();
    const b = new Builders(s.db, s.url);
    const w = await twoCooperatives(b);
    const token = await b.token('leadA');
    const res = await request(s.url).get(`/api/enterprises/${w.la.id}`).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(Math.abs(Date.parse(res.body.createdAt as string) - before)).toBeLessThan(60_000);
  });
});
