import { driverError, isUniqueViolation } from '../database/db-errors';

// Which write failures are worth one more try: a unique key another transaction just filled (the
// retry then finds its row), or a MariaDB deadlock / lock wait timeout, or SQLite busy.
const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY']);

export function isRetryableWriteError(err: unknown): boolean {
  const code = driverError(err)?.code;
  return isUniqueViolation(err) || (typeof code === 'string' && RETRYABLE.has(code));
}
