import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';

// For the TypeORM CLI (migration:generate / migration:run), driven by scripts/migration.js:
// MySQL/MariaDB (DB_TYPE=mysql|mariadb) or an SQLite file (DB_TYPE=sqlite, DB_PATH=a scratch file).
const config = loadConfig({ DB_TYPE: 'mariadb', ...process.env }, { requireSecrets: false });
if (config.db.type === 'sqlite' && config.db.path === ':memory:') {
  throw new Error('SQLite migrations need a file: set DB_PATH to a scratch file');
}

export const cliDataSource = new DataSource({ ...dataSourceOptions(config), migrationsRun: false });
