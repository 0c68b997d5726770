import type { Database } from 'better-sqlite3';

/** The first SQLite migration: the schema that `synchronize` created before migrations existed. */
export const SQLITE_BASELINE = { timestamp: 1795996309819, name: 'Init1795996309819' } as const;

/**
 * A data file written by the version that used `synchronize` has the tables but no `migrations`
 * table. Record the baseline as already run so the later migrations upgrade it in place.
 * An empty file is left alone: the migrations build it from scratch.
 */
export function adoptUnversionedSqlite(conn: Database): void {
  const has = (table: string): boolean =>
    conn.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) !== undefined;
  if (has('migrations') || !has('users')) return;
  conn.transaction(() => {
    // The same table TypeORM's MigrationExecutor creates.
    conn.exec(
      `CREATE TABLE "migrations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "timestamp" bigint NOT NULL, "name" varchar NOT NULL)`,
    );
    conn.prepare(`INSERT INTO "migrations" ("timestamp", "name") VALUES (?, ?)`).run(SQLITE_BASELINE.timestamp, SQLITE_BASELINE.name);
  })();
}
