import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config';
import { ENTITIES } from './entities';
import { UuidSubscriber } from './uuid.subscriber';

// Compiled or run by ts-node/ts-jest: pick up migrations with either extension.
const MYSQL_MIGRATIONS = join(__dirname, 'migrations', 'mysql', '*.{ts,js}');

export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  const db = config.db;
  if (db.type === 'sqlite') {
    if (db.path !== ':memory:') mkdirSync(dirname(db.path), { recursive: true });
    // SQLite is the embedded default: its schema follows the entities directly.
    return { type: 'better-sqlite3', database: db.path, entities: ENTITIES, subscribers: [UuidSubscriber], synchronize: true };
  }
  return {
    type: db.type,
    host: db.host,
    port: db.port,
    username: db.user,
    password: db.password,
    database: db.name,
    entities: ENTITIES,
    subscribers: [UuidSubscriber],
    synchronize: false,
    migrations: [MYSQL_MIGRATIONS.replace(/\\/g, '/')],
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    connectTimeout: 5000,
  };
}
