import { QueryFailedError } from 'typeorm';

type DriverError = { code?: string; errno?: number; fatal?: boolean; message?: string };

/** The driver's error behind a TypeORM failure (mysql2 and better-sqlite3 both set `code`). */
export function driverError(err: unknown): DriverError | null {
  const inner: unknown = err instanceof QueryFailedError ? err.driverError : err;
  return typeof inner === 'object' && inner !== null ? (inner as DriverError) : null;
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

/** InnoDB chose this transaction as a deadlock victim (1213): running it again usually succeeds. */
export function isDeadlock(err: unknown): boolean {
  const d = driverError(err);
  return d?.errno === 1213 || d?.code === 'ER_LOCK_DEADLOCK';
}

/** A row lock was not granted in time (MySQL/MariaDB 1205) or SQLite stayed busy/locked. */
export function isLockTimeout(err: unknown): boolean {
  const d = driverError(err);
  if (!d) return false;
  return d.errno === 1205 || d.code === 'ER_LOCK_WAIT_TIMEOUT' || /^SQLITE_(BUSY|LOCKED)/.test(d.code ?? '');
}

// mysql2/net errors meaning "no usable connection" rather than "this query is wrong".
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'POOL_CLOSED',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_TOO_MANY_USER_CONNECTIONS',
  'ER_QUERY_INTERRUPTED',
  'ER_STATEMENT_TIMEOUT',
]);

/** The database is unreachable, silent, restarting or out of connections: answer 503 and let the client retry. */
export function isConnectionFailure(err: unknown): boolean {
  const d = driverError(err);
  if (!d) return false;
  if (d.code && CONNECTION_CODES.has(d.code)) return true;
  // mysql2 marks errors that killed the connection as fatal; a closed connection refuses new commands.
  return d.fatal === true || /connection is in closed state|Connection lost|Query inactivity timeout/i.test(d.message ?? '');
}
