import * as mysql2 from 'mysql2';

/** Every MySQL/MariaDB session runs in UTC, whatever the server's global zone (cloud MySQL in China: +08:00). */
export const SESSION_TIME_ZONE = '+00:00';
/** Seconds a statement waits for a row lock (InnoDB's default is 50): short, because the transaction is retried. */
export const LOCK_WAIT_SECONDS = 1;

type Pool = ReturnType<typeof mysql2.createPool>;
type PoolConnection = Parameters<Parameters<Pool['getConnection']>[0]>[1];
type Callback = (err: { code?: string } | null, ...rest: unknown[]) => void;

/**
 * mysql2 with each new pooled connection set up before any other command runs on it:
 *  - the session time zone is UTC. TypeORM reads and writes times as UTC (`timezone: 'Z'`), but
 *    DEFAULT CURRENT_TIMESTAMP and NOW() use the session zone: without this, createdAt would be off by
 *    the server's offset;
 *  - row lock waits are short (a deadlock or lock timeout retries the whole transaction, see resilience.ts);
 *  - a query that timed out (database silent) takes its connection down with it: mysql2 would otherwise
 *    hand the connection, still waiting for the old answer, to the next request.
 */
export const utcMysql2 = {
  ...mysql2,
  createPool(options: mysql2.PoolOptions): Pool {
    // A reset on release would drop the session settings.
    const pool = mysql2.createPool({ ...options, resetOnRelease: false });
    pool.on('connection', (conn: PoolConnection) => {
      // A connection that cannot even take the SET is broken: drop it rather than run in the wrong zone.
      conn.query(`SET time_zone = '${SESSION_TIME_ZONE}', innodb_lock_wait_timeout = ${LOCK_WAIT_SECONDS}`, (err: unknown) => {
        if (err) conn.destroy();
      });
      const query = conn.query.bind(conn) as (...args: unknown[]) => unknown;
      (conn as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        const last = args.length - 1;
        const cb = args[last];
        if (typeof cb === 'function') {
          args[last] = (err: { code?: string } | null, ...rest: unknown[]) => {
            if (err?.code === 'PROTOCOL_SEQUENCE_TIMEOUT') conn.destroy();
            (cb as Callback)(err, ...rest);
          };
        }
        return query(...args);
      };
    });
    return pool;
  },
};
