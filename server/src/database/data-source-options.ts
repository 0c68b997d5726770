import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config';
import { DerivedKeysSubscriber } from './derived-keys.subscriber';
import { ENTITIES } from './entities';
import { utcMysql2 } from './mysql-session';
import { DB_TIMEOUT_MS } from './resilience';
import { adoptUnversionedSqlite } from './sqlite-baseline';
import { UuidSubscriber } from './uuid.subscriber';

const SUBSCRIBERS = [UuidSubscriber, DerivedKeysSubscriber];

// Compiled or run by ts-node/ts-jest: pick up migrations with either extension.
const migrationsOf = (dialect: 'mysql' | 'sqlite'): string =>
  join(__dirname, 'migrations', dialect, '*.{ts,js}').replace(/\\/g, '/');

/**
 * Waits this long for another process's write lock on an SQLite file (a backup, the sqlite3 shell) before
 * failing with SQLITE_BUSY (503). better-sqlite3 waits synchronously, so keep it short.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 2000;

export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  const db = config.db;
  if (db.type === 'sqlite') {
    const common = { type: 'better-sqlite3' as const, entities: ENTITIES, subscribers: SUBSCRIBERS };
    // A throw-away database (tests) follows the entities directly; nothing there outlives the process.
    if (db.path === ':memory:') return { ...common, database: db.path, synchronize: true };
    mkdirSync(dirname(db.path), { recursive: true });
    // A file holds real data: its schema comes from the committed SQLite migrations, like MySQL's.
    return {
      ...common,
      database: db.path,
      synchronize: false,
      enableWAL: true,
      timeout: SQLITE_BUSY_TIMEOUT_MS,
      // Runs on the raw connection before TypeORM looks at the schema: a file made by the
      // pre-migration version (synchronize) is marked as being at the baseline migration.
      prepareDatabase: (conn: Parameters<typeof adoptUnversionedSqlite>[0]) => adoptUnversionedSqlite(conn),
      migrations: [migrationsOf('sqlite')],
      migrationsRun: true,
      migrationsTransactionMode: 'each',
    };
  }
  return {
    type: db.type,
    host: db.host,
    port: db.port,
    username: db.user,
    password: db.password,
    database: db.name,
    poolSize: db.poolSize,
    entities: ENTITIES,
    subscribers: SUBSCRIBERS,
    synchronize: false,
    migrations: [migrationsOf('mysql')],
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    timezone: 'Z',
    // mysql2, with every session pinned to UTC (see mysql-session.ts).
    connectorPackage: 'mysql2',
    driver: utcMysql2,
    charset: 'utf8mb4_unicode_ci',
    // A server that accepts but never answers must not hold a request for long (503 instead).
    connectTimeout: DB_TIMEOUT_MS,
  };
}
