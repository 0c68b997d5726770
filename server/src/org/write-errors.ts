// Which write failures are worth one more try: a unique key another transaction just filled (the
// retry then finds its row), or a MariaDB deadlock / lock wait timeout.
const RETRYABLE_MYSQL = new Set(['ER_DUP_ENTRY', 'ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const RETRYABLE_SQLITE = /^SQLITE_(CONSTRAINT_UNIQUE|CONSTRAINT_PRIMARYKEY|BUSY)/;

export function isRetryableWriteError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  // TypeORM wraps driver errors in QueryFailedError and keeps the driver's fields on it.
  const e = err as { code?: unknown; driverError?: { code?: unknown } };
  const code = typeof e.code === 'string' ? e.code : typeof e.driverError?.code === 'string' ? e.driverError.code : '';
  return RETRYABLE_MYSQL.has(code) || RETRYABLE_SQLITE.test(code);
}
