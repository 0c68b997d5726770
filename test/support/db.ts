import { createConnection } from 'mysql2/promise';

/** Which database the API suite runs on: SQLite in memory by default, MariaDB when TEST_DB=mariadb. */
export const TEST_DB = process.env.TEST_DB === 'mariadb' ? 'mariadb' : 'sqlite';

export const MARIADB = {
  host: process.env.TEST_DB_HOST ?? process.env.DB_HOST ?? '127.0.0.1',
  port: Number(process.env.TEST_DB_PORT ?? process.env.DB_PORT ?? 3306),
  user: process.env.TEST_DB_USER ?? process.env.DB_USER ?? 'root',
  password: process.env.TEST_DB_PASSWORD ?? process.env.DB_PASSWORD ?? '',
};

let counter = 0;

/** Settings for one test server's database, and how to remove it afterwards. */
export async function testDbEnv(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (TEST_DB === 'sqlite') return { env: { DB_TYPE: 'sqlite', DB_PATH: ':memory:' }, drop: async () => {} };
  const name = `anquan_t${process.pid}_${Date.now() % 100000}_${counter++}`;
  const conn = await createConnection({ ...MARIADB });
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  return {
    env: {
      DB_TYPE: 'mariadb',
      DB_HOST: MARIADB.host,
      DB_PORT: String(MARIADB.port),
      DB_USER: MARIADB.user,
      DB_PASSWORD: MARIADB.password,
      DB_NAME: name,
    },
    async drop() {
      const c = await createConnection({ ...MARIADB });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}
