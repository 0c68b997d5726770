// Upgrading a database that holds data: the SQLite file written by the version before migrations existed
// (synchronize, no migrations table) and a MariaDB database at the first migration. The data stays, the
// duplicates the old check-then-insert races left are folded, and the new keys and constraints hold.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../server/src/auth/password';
import { Init1795996309819 as MysqlInit } from '../../server/src/database/migrations/mysql/1795996309819-Init';
import { Init1795996309819 as SqliteInit } from '../../server/src/database/migrations/sqlite/1795996309819-Init';
import { MARIADB, TEST_DB } from '../support/db';
import { startTestServer } from '../support/server';

const FIXTURE = join(__dirname, '..', 'fixtures', 'sqlite-schema-de030fd.sql');
const PASSWORD = 'old-pass-2025';
const CREDIT = '91371102MA3C8M5R0K';
const T0 = '2025-01-01 00:00:00.000000';
const T1 = '2025-01-02 00:00:00.000000';

type Exec = (sql: string, params?: unknown[]) => unknown;

/** Rows as the old version wrote them, including the duplicates its races could leave. */
async function oldData(exec: Exec, q: (id: string) => string): Promise<void> {
  const hash = await hashPassword(PASSWORD);
  const ins = async (table: string, row: Record<string, unknown>) => {
    const cols = Object.keys(row);
    await exec(`INSERT INTO ${q(table)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, Object.values(row));
  };
  await ins('regions', { id: 'r-district', name: '旧区', level: 'district', parentId: null });
  await ins('regions', { id: 'r-town', name: '旧镇', level: 'town', parentId: 'r-district' });
  await ins('enterprises', {
    id: 'e-1', name: '旧数据机械厂', creditCode: CREDIT, industry: '机械', address: '旧路 1 号', headcount: 12,
    contactName: '老王', contactPhone: '13800000000', regionId: 'r-town', createdAt: T0, updatedAt: T0,
  });
  await ins('cooperatives', {
    id: 'c-1', name: '旧镇互助合作社', regionId: 'r-town', industry: '综合', leadEnterpriseId: 'e-1',
    foundedOn: '2024-01-01', description: null, createdAt: T0,
  });
  // Two active memberships of one pair (the race), and an ended one that must stay.
  await ins('memberships', { id: 'm-1', cooperativeId: 'c-1', enterpriseId: 'e-1', since: '2024-02-01', until: null, createdAt: T0 });
  await ins('memberships', { id: 'm-2', cooperativeId: 'c-1', enterpriseId: 'e-1', since: '2024-02-01', until: null, createdAt: T1 });
  await ins('memberships', { id: 'm-0', cooperativeId: 'c-1', enterpriseId: 'e-1', since: '2023-01-01', until: '2023-06-30', createdAt: T0 });
  await ins('users', { id: 'u-1', username: 'old-lead', passwordHash: hash, name: '老王', openid: null, unionid: null, createdAt: T0, updatedAt: T0 });
  const grant = { userId: 'u-1', role: 'member', cooperativeId: 'c-1', enterpriseId: 'e-1', regionId: null };
  await ins('role_grants', { id: 'g-1', ...grant, createdAt: T0 });
  await ins('role_grants', { id: 'g-2', ...grant, createdAt: T1 });
  await ins('role_grants', { id: 'g-3', userId: 'u-1', role: 'coop_admin', cooperativeId: 'c-1', enterpriseId: null, regionId: null, createdAt: T0 });
  await ins('invitations', {
    id: 'i-1', code: 'OLDCODE1', cooperativeId: 'c-1', createdById: 'u-1', expiresAt: '2099-01-01 00:00:00.000000',
    maxUses: 5, uses: 1, createdAt: T0,
  });
}

/** What the upgraded server must show: the data, one membership, one member grant. */
async function expectUpgraded(url: string): Promise<void> {
  const login = await request(url).post('/api/auth/password').send({ username: 'old-lead', password: PASSWORD });
  expect(login.status).toBe(200);
  const auth = { Authorization: `Bearer ${login.body.token as string}` };
  const me = await request(url).get('/api/me').set(auth);
  expect(me.status).toBe(200);
  expect(me.body.roles).toHaveLength(2);
  const ent = await request(url).get('/api/enterprises/e-1').set(auth);
  expect(ent.status).toBe(200);
  expect(ent.body).toMatchObject({ name: '旧数据机械厂', creditCode: CREDIT });
}

// The SQLite part needs no server and runs in both passes; the MariaDB part only in the MariaDB pass.
describe('SQLite file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'anquan-upgrade-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const norm = (sql: string) => sql.replace(/\s+/g, ' ').replace(/\s*([(),])\s*/g, '$1').trim();
  const schemaOf = (db: Database.Database) =>
    (db.prepare(`SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT IN ('migrations', 'sqlite_sequence') ORDER BY name`).all() as { sql: string }[])
      .map((r) => norm(r.sql));

  test('the baseline migration builds exactly the schema the previous version synchronized', async () => {
    const file = join(dir, 'baseline.sqlite');
    const ds = new DataSource({ type: 'better-sqlite3', database: file, migrations: [SqliteInit] });
    await ds.initialize();
    await ds.runMigrations();
    await ds.destroy();
    const viaMigration = schemaOf(new Database(file));
    const old = new Database(':memory:');
    old.exec(readFileSync(FIXTURE, 'utf8'));
    expect(viaMigration).toEqual(schemaOf(old));
  });

  test('a data file of the previous version is upgraded in place: data kept, duplicates folded, keys enforced', async () => {
    const file = join(dir, 'anquan.sqlite');
    const old = new Database(file);
    old.exec(readFileSync(FIXTURE, 'utf8'));
    await oldData((sql, params = []) => old.prepare(sql).run(...params), (id) => `"${id}"`);
    old.close();

    const s = await startTestServer({ env: { DB_TYPE: 'sqlite', DB_PATH: file } });
    try {
      await expectUpgraded(s.url);
      const runs = await s.db.query(`SELECT name FROM migrations ORDER BY timestamp`);
      expect(runs.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['Init1795996309819', 'SchemaIntegrity1796109022423']));
      expect(await s.db.query(`SELECT id, activeKey FROM memberships ORDER BY id`)).toEqual([
        { id: 'm-0', activeKey: null },
        { id: 'm-1', activeKey: 1 },
      ]);
      expect(await s.db.query(`SELECT id FROM role_grants ORDER BY id`)).toEqual([{ id: 'g-1' }, { id: 'g-3' }]);
      expect(await s.db.query(`PRAGMA foreign_keys`)).toEqual([{ foreign_keys: 1 }]);
      expect((await s.db.query(`PRAGMA journal_mode`))[0].journal_mode).toBe('wal');
      const fks = await s.db.query(`SELECT * FROM pragma_foreign_key_list('memberships')`);
      expect(fks.map((f: { table: string }) => f.table).sort()).toEqual(['cooperatives', 'enterprises']);
      await expect(
        s.db.query(`INSERT INTO memberships (id, cooperativeId, enterpriseId, since, activeKey) VALUES ('m-3', 'c-1', 'e-1', '2025-01-01', 1)`),
      ).rejects.toThrow(/UNIQUE/);
      await expect(
        s.db.query(`INSERT INTO memberships (id, cooperativeId, enterpriseId, since, activeKey) VALUES ('m-4', 'c-1', 'no-such', '2025-01-01', 1)`),
      ).rejects.toThrow(/FOREIGN KEY/);
    } finally {
      await s.close();
    }
    // A second start finds nothing to do and the data is still there.
    const again = await startTestServer({ env: { DB_TYPE: 'sqlite', DB_PATH: file } });
    try {
      await expectUpgraded(again.url);
    } finally {
      await again.close();
    }
  });
});

if (TEST_DB === 'mariadb') describe('MariaDB database at the first migration', () => {
  const name = `anquan_upgrade_${process.pid}`;
  afterAll(async () => {
    const c = await createConnection({ ...MARIADB });
    await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await c.end();
  });

  test('upgraded with its data kept and the duplicates folded', async () => {
    const c = await createConnection({ ...MARIADB });
    await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await c.end();
    const ds = new DataSource({
      type: 'mariadb', host: MARIADB.host, port: MARIADB.port, username: MARIADB.user, password: MARIADB.password,
      database: name, migrations: [MysqlInit], timezone: 'Z',
    });
    await ds.initialize();
    await ds.runMigrations();
    await oldData((sql, params) => ds.query(sql, params), (id) => `\`${id}\``);
    await ds.destroy();

    const s = await startTestServer({
      env: { DB_TYPE: 'mariadb', DB_HOST: MARIADB.host, DB_PORT: String(MARIADB.port), DB_USER: MARIADB.user, DB_PASSWORD: MARIADB.password, DB_NAME: name },
    });
    try {
      await expectUpgraded(s.url);
      expect(await s.db.query('SELECT id, activeKey FROM memberships ORDER BY id')).toEqual([
        { id: 'm-0', activeKey: null },
        { id: 'm-1', activeKey: 1 },
      ]);
      expect(await s.db.query('SELECT id, scopeKey FROM role_grants ORDER BY id')).toEqual([
        { id: 'g-1', scopeKey: 'c-1/e-1/' },
        { id: 'g-3', scopeKey: 'c-1//' },
      ]);
    } finally {
      await s.close();
    }
  });
});
