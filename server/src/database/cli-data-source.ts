import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';

// For the TypeORM CLI (migration:generate / migration:run) against MySQL or MariaDB.
const config = loadConfig({ DB_TYPE: 'mariadb', ...process.env });
if (config.db.type === 'sqlite') throw new Error('Migrations are for MySQL/MariaDB: set DB_TYPE=mysql or mariadb');

export const cliDataSource = new DataSource({ ...dataSourceOptions(config), migrationsRun: false });
