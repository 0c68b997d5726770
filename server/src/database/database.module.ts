import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';
import { armMysqlTimeouts, retryTransactions } from './resilience';
import { serialiseSqlite } from './sqlite-serial';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config), retryAttempts: 2, retryDelay: 1000 }),
      // SQLite: one transaction at a time on its single connection. MySQL/MariaDB: deadlocks retried,
      // and after the migrations every query and connection wait is bounded. (Each is a no-op on the other.)
      dataSourceFactory: async (options) => {
        if (!options) throw new Error('no data source options');
        const ds = await retryTransactions(serialiseSqlite(new DataSource(options))).initialize();
        return armMysqlTimeouts(ds);
      },
    }),
  ],
})
export class DatabaseModule {}
