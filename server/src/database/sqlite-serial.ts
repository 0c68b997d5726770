import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from 'better-sqlite3';
import type { DataSource, EntityManager, ReplicationMode } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import type { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver';
import { BetterSqlite3QueryRunner } from 'typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner';

/** How long a statement or transaction waits for the one SQLite connection before giving up (503). */
export const SQLITE_LOCK_WAIT_MS = 15_000;

/** Raised when the connection stayed busy too long; the exception filter answers 503 like SQLITE_BUSY. */
export class SqliteBusyError extends Error {
  readonly code = 'SQLITE_BUSY';
  constructor() {
    super('SQLite connection busy: gave up waiting for the running transaction');
  }
}

/** Marks the async flow that runs inside one `transaction()` callback. */
type Flow = { readonly flow: true };

/**
 * One writer at a time on the single SQLite connection. TypeORM's better-sqlite3 driver hands every caller
 * the same connection, so two transactions in flight would nest as savepoints and one request's rollback
 * could undo another's acknowledged writes. Here a transaction holds the gate from BEGIN to COMMIT/ROLLBACK;
 * any other statement waits for it, so it neither joins nor sees an open transaction.
 */
class Gate {
  readonly flows = new AsyncLocalStorage<Flow>();
  /** Statements prepared once per connection, shared by all runners. */
  readonly stmtCache = new Map<string, unknown>();
  owner: SerialSqliteQueryRunner | null = null;
  ownerFlow: Flow | undefined;
  private waiters: (() => void)[] = [];

  constructor(readonly waitMs: number) {}

  acquire(runner: SerialSqliteQueryRunner): Promise<void> {
    const take = () => {
      this.owner = runner;
      this.ownerFlow = this.flows.getStore();
    };
    if (!this.owner) {
      take();
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter = () => {
        clearTimeout(timer);
        take();
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new SqliteBusyError());
      }, this.waitMs);
      this.waiters.push(waiter);
    });
  }

  release(runner: SerialSqliteQueryRunner): void {
    if (this.owner !== runner) return;
    this.owner = null;
    this.ownerFlow = undefined;
    this.waiters.shift()?.();
  }

  /** The caller runs inside the transaction that holds the gate (e.g. a root repository read in its callback). */
  callerOwns(): boolean {
    return this.owner !== null && this.ownerFlow !== undefined && this.flows.getStore() === this.ownerFlow;
  }
}

/** A query runner per caller on the shared connection, serialised by the gate. */
export class SerialSqliteQueryRunner extends BetterSqlite3QueryRunner {
  /** Set when this runner's transaction is really a savepoint in the transaction of the flow it runs in. */
  private host: SerialSqliteQueryRunner | null = null;

  constructor(
    driver: BetterSqlite3Driver,
    private readonly gate: Gate,
  ) {
    super(driver);
    // One statement cache for the connection instead of one per runner.
    (this as unknown as { stmtCache: Map<string, unknown> }).stmtCache = gate.stmtCache;
  }

  private get db(): Database {
    return this.driver.databaseConnection as Database;
  }

  override async startTransaction(isolationLevel?: IsolationLevel): Promise<void> {
    if (this.transactionDepth === 0 && this.gate.owner !== this) {
      if (this.gate.callerOwns() && this.gate.owner) {
        // A nested transaction (or save()) inside a transaction's callback: a savepoint of the running one.
        this.host = this.gate.owner;
        await this.host.startTransaction();
        this.isTransactionActive = true;
        this.transactionDepth = 1;
        return;
      }
      await this.gate.acquire(this);
    }
    try {
      await super.startTransaction(isolationLevel);
    } catch (err) {
      this.settle();
      throw err;
    }
  }

  override async commitTransaction(): Promise<void> {
    if (this.host) return this.endHosted(() => this.host!.commitTransaction());
    try {
      await super.commitTransaction();
    } finally {
      this.settle();
    }
  }

  override async rollbackTransaction(): Promise<void> {
    if (this.host) return this.endHosted(() => this.host!.rollbackTransaction());
    try {
      await super.rollbackTransaction();
    } finally {
      this.settle();
    }
  }

  // Parameter types as BetterSqlite3QueryRunner.query declares them.
  override async query(query: string, parameters?: unknown[], useStructuredResult?: boolean): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    if (this.gate.owner === this || this.host || this.gate.callerOwns()) {
      return super.query(query, parameters, useStructuredResult);
    }
    await this.gate.acquire(this);
    try {
      return await super.query(query, parameters, useStructuredResult);
    } finally {
      // A bare BEGIN (not through startTransaction) keeps the gate until the connection leaves the transaction.
      if (!this.db.inTransaction) this.gate.release(this);
    }
  }

  override async release(): Promise<void> {
    // Never leave the connection inside a transaction nobody will finish.
    if (this.gate.owner === this && this.db.inTransaction) {
      try {
        this.db.exec('ROLLBACK');
      } catch {
        // already gone
      }
    }
    this.isTransactionActive = false;
    this.transactionDepth = 0;
    this.gate.release(this);
    return super.release();
  }

  private async endHosted(end: () => Promise<void>): Promise<void> {
    try {
      await end();
    } finally {
      this.host = null;
      this.isTransactionActive = false;
      this.transactionDepth = 0;
    }
  }

  /** Gives the gate back once the transaction is over; the connection's own state is the truth. */
  private settle(): void {
    if (this.db.inTransaction && this.transactionDepth > 0) return;
    if (this.db.inTransaction) {
      // TypeORM thinks it is over but SQLite does not (a failed COMMIT/ROLLBACK): end it here.
      try {
        this.db.exec('ROLLBACK');
      } catch {
        // nothing open
      }
    }
    this.isTransactionActive = false;
    this.transactionDepth = 0;
    this.gate.release(this);
  }
}

/**
 * Serialises every transaction and statement of an SQLite DataSource behind its unchanged
 * `transaction()` and repository call sites. Call before `initialize()`.
 */
export function serialiseSqlite(ds: DataSource, waitMs = SQLITE_LOCK_WAIT_MS): DataSource {
  if (ds.options.type !== 'better-sqlite3') return ds;
  const gate = new Gate(waitMs);
  const driver = ds.driver as BetterSqlite3Driver;
  driver.createQueryRunner = (_mode?: ReplicationMode) => new SerialSqliteQueryRunner(driver, gate);
  // transaction() callbacks run in their own flow, so that a root repository used inside one joins it
  // instead of waiting for it forever.
  const root: EntityManager = ds.manager;
  const transaction = root.transaction.bind(root) as (...args: unknown[]) => Promise<unknown>;
  root.transaction = ((...args: unknown[]) =>
    gate.flows.getStore() ? transaction(...args) : gate.flows.run({ flow: true }, () => transaction(...args))) as EntityManager['transaction'];
  return ds;
}
