import { QueryFailedError } from 'typeorm';

/** The driver's error behind a TypeORM failure (mysql2 and better-sqlite3 both set `code`). */
export function driverError(err: unknown): { code?: string; errno?: number; message?: string } | null {
  const inner: unknown = err instanceof QueryFailedError ? err.driverError : err;
  return typeof inner === 'object' && inner !== null ? (inner as { code?: string; errno?: number }) : null;
}

/** A unique or primary key refused a row: MySQL/MariaDB ER_DUP_ENTRY (1062), SQLite SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY. */
export function isUniqueViolation(err: unknown): boolean {
  const d = driverError(err);
  if (!d) return false;
  return (
    d.code === 'ER_DUP_ENTRY' ||
    d.errno === 1062 ||
    d.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    d.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** A foreign key refused a row or a delete: MySQL/MariaDB 1451/1452, SQLite SQLITE_CONSTRAINT_FOREIGNKEY. */
export function isForeignKeyViolation(err: unknown): boolean {
  const d = driverError(err);
  if (!d) return false;
  return (
    d.code === 'ER_NO_REFERENCED_ROW_2' ||
    d.code === 'ER_ROW_IS_REFERENCED_2' ||
    d.errno === 1451 ||
    d.errno === 1452 ||
    d.code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
  );
}
