import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource, EntityManager } from 'typeorm';
import type { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver';
import { isDeadlock, isLockTimeout } from './db-errors';

/** How often a transaction runs in all when MySQL/MariaDB picks it as a deadlock victim or a lock wait times out. */
export const TRANSACTION_ATTEMPTS = 4;
/** A query, a new connection or a free pool slot that takes longer than this means the database is unavailable (503). */
export const DB_TIMEOUT_MS = 2000;

const isMysql = (ds: DataSource): boolean => ds.options.type === 'mysql' || ds.options.type === 'mariadb';

/**
 * Reruns the whole callback of a top-level `transaction()` when InnoDB rolled it back for a deadlock
 * (1213) or a lock wait timeout (1205), a bounded number of times with a short random pause; after that
 * the error goes to the exception filter (409 / 503). Call sites stay unchanged. Nested `em.transaction()`
 * calls are savepoints of the outer one and are not retried on their own.
 */
export function retryTransactions(ds: DataSource, attempts = TRANSACTION_ATTEMPTS): DataSource {
  if (!isMysql(ds)) return ds;
  const root: EntityManager = ds.manager;
  const transaction = root.transaction.bind(root) as (...args: unknown[]) => Promise<unknown>;
  root.transaction = (async (...args: unknown[]) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await transaction(...args);
      } catch (err) {
        if (attempt >= attempts || !(isDeadlock(err) || isLockTimeout(err))) throw err;
        await sleep(10 * attempt + Math.floor(Math.random() * 40));
      }
    }
  }) as EntityManager['transaction'];
  return ds;
}

/**
 * After the migrations (which may legitimately run long): every query times out after DB_TIMEOUT_MS, and
 * waiting for a pooled connection does too, so a silent database gives a prompt 503 instead of a hang.
 */
export function armMysqlTimeouts(ds: DataSource, ms = DB_TIMEOUT_MS): DataSource {
  if (!isMysql(ds)) return ds;
  const driver = ds.driver as MysqlDriver;
  // Read by MysqlQueryRunner on every query; the timeout value is maxQueryExecutionTime.
  Object.assign(driver.options, { enableQueryTimeout: true, maxQueryExecutionTime: ms });
  const obtain = driver.obtainMasterConnection.bind(driver) as () => Promise<{ release(): void }>;
  driver.obtainMasterConnection = () =>
    new Promise((resolve, reject) => {
      let late = false;
      const timer = setTimeout(() => {
        late = true;
        reject(Object.assign(new Error('Timed out waiting for a database connection'), { code: 'ETIMEDOUT' }));
      }, ms);
      obtain().then(
        (conn) => {
          clearTimeout(timer);
          // Arrived after the caller gave up: give it back to the pool.
          if (late) conn.release();
          else resolve(conn);
        },
        (err: unknown) => {
          clearTimeout(timer);
          if (!late) reject(err);
        },
      );
    });
  return ds;
}
