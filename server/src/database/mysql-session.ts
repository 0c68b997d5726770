import * as mysql2 from 'mysql2';

/** Every MySQL/MariaDB session runs in UTC, whatever the server's global zone (cloud MySQL in China: +08:00). */
export const SESSION_TIME_ZONE = '+00:00';

type Pool = ReturnType<typeof mysql2.createPool>;
type PoolConnection = Parameters<Parameters<Pool['getConnection']>[0]>[1];

/**
 * mysql2 with one change: each new pooled connection first sets the session time zone. TypeORM reads and
 * writes times as UTC (`timezone: 'Z'`), but DEFAULT CURRENT_TIMESTAMP and NOW() use the session zone;
 * without this, createdAt would be off by the server's offset. The SET is queued before any other
 * command on the connection, so no query runs in the server's zone.
 */
export const utcMysql2 = {
  ...mysql2,
  createPool(options: mysql2.PoolOptions): Pool {
    const pool = mysql2.createPool(options);
    pool.on('connection', (conn: PoolConnection) => {
      // A connection that cannot even take the SET is broken: drop it rather than run queries in the wrong zone.
      conn.query(`SET time_zone = '${SESSION_TIME_ZONE}'`, (err: unknown) => {
        if (err) conn.destroy();
      });
    });
    return pool;
  },
};
