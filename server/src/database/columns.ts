import { Column, CreateDateColumn, PrimaryColumn, UpdateDateColumn } from 'typeorm';
// datetime(6): TypeORM's default for created/updated columns is CURRENT_TIMESTAMP(6), and the column must match it.

// Portable column helpers (docs/architecture.md): the same entity runs on SQLite and MySQL/MariaDB.
// varchar(36) filled by UuidSubscriber: one set of migrations fits MySQL 8 and MariaDB.
export const IdColumn = (): PropertyDecorator => PrimaryColumn({ type: 'varchar', length: 36 });
export const RefColumn = (nullable = false): PropertyDecorator =>
  Column({ type: 'varchar', length: 36, nullable });
export const TimeColumn = (nullable = false): PropertyDecorator =>
  Column({ type: 'datetime', precision: 6, nullable });
export const CreatedColumn = (): PropertyDecorator => CreateDateColumn({ type: 'datetime', precision: 6 });
export const UpdatedColumn = (): PropertyDecorator => UpdateDateColumn({ type: 'datetime', precision: 6 });
