import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';
import { serialiseSqlite } from './sqlite-serial';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config), retryAttempts: 2, retryDelay: 1000 }),
      // SQLite: one transaction at a time on its single connection (no-op for MySQL/MariaDB).
      dataSourceFactory: async (options) => {
        if (!options) throw new Error('no data source options');
        return serialiseSqlite(new DataSource(options)).initialize();
      },
    }),
  ],
})
export class DatabaseModule {}
