import { AsyncLocalStorage } from 'node:async_hooks';
import sqlite3 from 'sqlite3';
import { ReadWriteGate } from './gate';
import { CacheStorageError, toStorageError } from './storage-error';

/**
 * The only module that imports `sqlite3`. node-sqlite3 is marked unmaintained upstream, so
 * everything above this file speaks the small promise API below and a driver swap stays here.
 */

export type SqlValue = string | number | null | Uint8Array;
export type SqlParams = readonly SqlValue[];

export interface RunResult {
  readonly changes: number;
  readonly lastId: number;
}

/** A statement compiled once and reused; bound to the handle it came from. */
export interface PreparedStatement {
  run(params?: SqlParams): Promise<RunResult>;
  get<Row>(params?: SqlParams): Promise<Row | undefined>;
  all<Row>(params?: SqlParams): Promise<Row[]>;
}

/** What repositories need: the database itself, or the handle of a transaction in progress. */
export interface Queryable {
  run(sql: string, params?: SqlParams): Promise<RunResult>;
  get<Row>(sql: string, params?: SqlParams): Promise<Row | undefined>;
  all<Row>(sql: string, params?: SqlParams): Promise<Row[]>;
  /** Several statements, no parameters (migrations, PRAGMAs). */
  exec(sql: string): Promise<void>;
  prepare(sql: string): PreparedStatement;
  /**
   * Runs `work` atomically: all of it commits or none of it does. On the database this is
   * BEGIN IMMEDIATE … COMMIT and no other caller's statement can run in between; on a
   * transaction handle it nests as a SAVEPOINT.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
}

export interface Database extends Queryable {
  readonly path: string;
  readonly readonly: boolean;
  /**
   * Runs `work`, which writes many pages in a row (a sync's pull), with WAL checkpoints
   * deferred: `wal_autocheckpoint` is raised for its duration and one PASSIVE checkpoint runs
   * when it ends. Overlapping calls share one raised period. Not from inside a transaction.
   */
  bulkWrite<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  readonly?: boolean;
  busyTimeoutMs?: number;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * WAL checkpoints. SQLite's default checkpoints (and, with synchronous=NORMAL, fsyncs) whenever
 * a commit leaves more than 1,000 pages in the WAL. A sync page touches rows and index pages
 * spread over the whole file (activities move ~500 random leads' last-touch times, the timeline
 * index takes rows at random leads), so at 500 rows a page nearly every commit crossed that line
 * and paid a checkpoint of pages the next page dirtied again. During a bulkWrite the threshold
 * is 20,000 pages (~80 MB of WAL at 4 KiB pages): a page rewritten by many commits is then
 * copied into the database once per checkpoint, not once per commit. It is raised only for bulk
 * writes rather than at open so that the agent's small writes keep the WAL (and the recovery
 * work after a crash) small, and the PASSIVE checkpoint at the end folds the sync's WAL back
 * into the file without waiting for, or blocking, anyone.
 *
 * Crash safety does not depend on checkpoints: in WAL mode with synchronous=NORMAL a commit is
 * durable across a process crash as soon as it is in the WAL, and a checkpoint only copies
 * committed pages (fsyncing the WAL first), so a SIGKILL at any point, including mid-checkpoint,
 * leaves a consistent database; the next open replays the WAL (test/contract/sync/crash.test.ts).
 */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;
const BULK_AUTOCHECKPOINT_PAGES = 20_000;
/**
 * SQLite reuses a WAL file rather than shrinking it, so one bulk write would leave ~80 MB beside
 * the cache for good; with this limit the first commit after a complete checkpoint truncates the
 * WAL back to 16 MiB (well above what ordinary use grows it to).
 */
const WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;
/** Our SQL is a fixed set of strings, so this only guards against a caller building SQL in a loop. */
const STATEMENT_CACHE_LIMIT = 500;

export async function openDatabase(path: string, options: OpenDatabaseOptions = {}): Promise<Database> {
  const readonly = options.readonly ?? false;
  const mode =
    (readonly ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE) | sqlite3.OPEN_FULLMUTEX;
  const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
    const db: sqlite3.Database = new sqlite3.Database(path, mode, (error) =>
      error ? reject(toStorageError(error, `opening ${path}`)) : resolve(db),
    );
  });
  const connection = new Connection(raw);
  try {
    await configure(connection, readonly, options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS);
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw toStorageError(error, `opening ${path}`);
  }
  return new DatabaseHandle(connection, path, readonly);
}

async function configure(connection: Connection, readonly: boolean, busyTimeoutMs: number): Promise<void> {
  // Busy timeout first: switching to WAL may itself have to wait for another process's lock.
  await connection.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}; PRAGMA foreign_keys = ON;`);
  if (readonly) return;
  const rows = await connection.all<{ journal_mode: string }>('PRAGMA journal_mode = WAL', []);
  if (rows[0]?.journal_mode !== 'wal') {
    throw new CacheStorageError('other', `The cache could not switch to WAL mode (got ${rows[0]?.journal_mode}).`);
  }
  // NORMAL is durable across application crashes in WAL mode; only a power cut can lose the last commits.
  await connection.exec('PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;');
  await connection.exec(
    `PRAGMA wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}; PRAGMA journal_size_limit = ${WAL_SIZE_LIMIT_BYTES};`,
  );
}

/** Tracks which transaction, if any, the current async call chain runs inside. */
interface TransactionScope {
  readonly connection: Connection;
  open: boolean;
}
const currentTransaction = new AsyncLocalStorage<TransactionScope>();

/** The raw connection: statement cache and callback-to-promise plumbing, no locking. */
class Connection {
  private readonly statements = new Map<string, Promise<sqlite3.Statement>>();
  private closed = false;

  constructor(private readonly raw: sqlite3.Database) {}

  async run(sql: string, params: SqlParams): Promise<RunResult> {
    const statement = await this.statement(sql);
    return new Promise((resolve, reject) => {
      statement.run(params, function (this: sqlite3.RunResult, error: Error | null) {
        if (error) reject(toStorageError(error, describe(sql)));
        else resolve({ changes: this.changes, lastId: this.lastID });
      });
    });
  }

  /**
   * Rows via `Statement.all` only: node-sqlite3's `get` leaves the statement un-reset, which
   * keeps a read snapshot open and, without parameters, skips re-running it on the next call.
   */
  async all<Row>(sql: string, params: SqlParams): Promise<Row[]> {
    const statement = await this.statement(sql);
    return new Promise((resolve, reject) => {
      statement.all(params, (error: Error | null, rows: Row[]) => {
        if (error) reject(toStorageError(error, describe(sql)));
        else resolve(rows);
      });
    });
  }

  async exec(sql: string): Promise<void> {
    this.assertOpen();
    return new Promise((resolve, reject) => {
      this.raw.exec(sql, (error) => (error ? reject(toStorageError(error, describe(sql))) : resolve()));
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const statements = [...this.statements.values()];
    this.statements.clear();
    await Promise.all(statements.map((pending) => pending.then(finalize, () => undefined)));
    await new Promise<void>((resolve, reject) => {
      this.raw.close((error) => (error ? reject(toStorageError(error, 'closing the cache')) : resolve()));
    });
  }

  private statement(sql: string): Promise<sqlite3.Statement> {
    this.assertOpen();
    const cached = this.statements.get(sql);
    if (cached) return cached;
    const prepared = new Promise<sqlite3.Statement>((resolve, reject) => {
      const statement: sqlite3.Statement = this.raw.prepare(sql, (error: Error | null) =>
        error ? reject(toStorageError(error, describe(sql))) : resolve(statement),
      );
    });
    this.statements.set(sql, prepared);
    prepared.catch(() => this.statements.delete(sql));
    if (this.statements.size > STATEMENT_CACHE_LIMIT) this.evictOldest();
    return prepared;
  }

  private evictOldest(): void {
    const oldest = this.statements.entries().next().value;
    if (!oldest) return;
    this.statements.delete(oldest[0]);
    // finalize waits for calls already queued on the statement.
    void oldest[1].then(finalize, () => undefined);
  }

  private assertOpen(): void {
    if (this.closed) throw new CacheStorageError('closed', 'The cache is closed.');
  }
}

function finalize(statement: sqlite3.Statement): Promise<void> {
  return new Promise((resolve) => statement.finalize(() => resolve()));
}

function describe(sql: string): string {
  const oneLine = sql.replace(/\s+/g, ' ').trim();
  return `query \`${oneLine.length > 80 ? `${oneLine.slice(0, 80)}…` : oneLine}\``;
}

function bindStatement(handle: Queryable, sql: string): PreparedStatement {
  return {
    run: (params) => handle.run(sql, params),
    get: (params) => handle.get(sql, params),
    all: (params) => handle.all(sql, params),
  };
}

/** The database as the rest of the app sees it: statements share the gate, transactions own it. */
class DatabaseHandle implements Database {
  private readonly gate = new ReadWriteGate();
  /** bulkWrite calls in progress. */
  private bulkWriters = 0;
  /** Whether the connection's autocheckpoint is the bulk one. */
  private bulkApplied = false;
  /** Setting changes run one after another, each applying what `bulkWriters` asks for then. */
  private bulkSettings: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: Connection,
    readonly path: string,
    readonly readonly: boolean,
  ) {}

  async run(sql: string, params: SqlParams = []): Promise<RunResult> {
    this.refuseInsideOwnTransaction();
    return this.gate.shared(() => this.connection.run(sql, params));
  }

  async get<Row>(sql: string, params: SqlParams = []): Promise<Row | undefined> {
    return (await this.all<Row>(sql, params))[0];
  }

  async all<Row>(sql: string, params: SqlParams = []): Promise<Row[]> {
    this.refuseInsideOwnTransaction();
    return this.gate.shared(() => this.connection.all<Row>(sql, params));
  }

  async exec(sql: string): Promise<void> {
    this.refuseInsideOwnTransaction();
    return this.gate.shared(() => this.connection.exec(sql));
  }

  prepare(sql: string): PreparedStatement {
    return bindStatement(this, sql);
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    this.refuseInsideOwnTransaction();
    return this.gate.exclusive(() => runTransaction(this.connection, work));
  }

  async bulkWrite<T>(work: () => Promise<T>): Promise<T> {
    this.refuseInsideOwnTransaction();
    if (this.readonly) return work();
    this.bulkWriters += 1;
    let workFailed = false;
    try {
      await this.applyBulkSetting();
      return await work();
    } catch (error) {
      workFailed = true;
      throw error;
    } finally {
      this.bulkWriters -= 1;
      const restored = this.applyBulkSetting();
      // The work's own error is the one worth reporting (the cache may even be closed by now).
      if (workFailed) await restored.catch(() => undefined);
      else await restored;
    }
  }

  close(): Promise<void> {
    return this.gate.exclusive(() => this.connection.close());
  }

  /**
   * Brings the connection's autocheckpoint in line with `bulkWriters`; leaving bulk mode also
   * runs the PASSIVE checkpoint. Exclusive, so no statement of ours holds a read snapshot that
   * would stop the checkpoint short.
   */
  private applyBulkSetting(): Promise<void> {
    const applied = this.bulkSettings.then(async () => {
      const bulk = this.bulkWriters > 0;
      if (bulk === this.bulkApplied) return;
      await this.gate.exclusive(async () => {
        const pages = bulk ? BULK_AUTOCHECKPOINT_PAGES : DEFAULT_AUTOCHECKPOINT_PAGES;
        await this.connection.exec(`PRAGMA wal_autocheckpoint = ${pages}`);
        this.bulkApplied = bulk;
        if (!bulk) await this.connection.all('PRAGMA wal_checkpoint(PASSIVE)', []);
      });
    });
    this.bulkSettings = applied.catch(() => undefined);
    return applied;
  }

  /** Inside our own transaction the gate is ours: waiting for it would wait forever. */
  private refuseInsideOwnTransaction(): void {
    const scope = currentTransaction.getStore();
    if (scope?.open && scope.connection === this.connection) {
      throw new CacheStorageError(
        'misuse',
        'A cache statement was issued on the database from inside one of its own transactions; use the transaction handle passed to the callback.',
      );
    }
  }
}

async function runTransaction<T>(connection: Connection, work: (tx: Queryable) => Promise<T>): Promise<T> {
  // IMMEDIATE takes the write lock now, so a second process waits at BEGIN (busy timeout)
  // instead of failing half-way through our work with SQLITE_BUSY.
  await connection.exec('BEGIN IMMEDIATE');
  const scope: TransactionScope = { connection, open: true };
  const tx = new TransactionHandle(connection, scope, 0);
  try {
    const result = await currentTransaction.run(scope, () => work(tx));
    await connection.exec('COMMIT');
    return result;
  } catch (error) {
    // SQLite may already have rolled back (e.g. SQLITE_FULL); the error worth reporting is the first.
    await connection.exec('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    scope.open = false;
    tx.end();
  }
}

/** Statements inside a transaction: no gate (the transaction holds it), refused after the end. */
class TransactionHandle implements Queryable {
  private ended = false;

  constructor(
    private readonly connection: Connection,
    private readonly scope: TransactionScope,
    private readonly depth: number,
  ) {}

  async run(sql: string, params: SqlParams = []): Promise<RunResult> {
    this.assertActive();
    return this.connection.run(sql, params);
  }

  async get<Row>(sql: string, params: SqlParams = []): Promise<Row | undefined> {
    return (await this.all<Row>(sql, params))[0];
  }

  async all<Row>(sql: string, params: SqlParams = []): Promise<Row[]> {
    this.assertActive();
    return this.connection.all<Row>(sql, params);
  }

  async exec(sql: string): Promise<void> {
    this.assertActive();
    return this.connection.exec(sql);
  }

  prepare(sql: string): PreparedStatement {
    return bindStatement(this, sql);
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    this.assertActive();
    const savepoint = `nested_${this.depth + 1}`;
    await this.connection.exec(`SAVEPOINT ${savepoint}`);
    const inner = new TransactionHandle(this.connection, this.scope, this.depth + 1);
    try {
      const result = await work(inner);
      await this.connection.exec(`RELEASE ${savepoint}`);
      return result;
    } catch (error) {
      await this.connection.exec(`ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`).catch(() => undefined);
      throw error;
    } finally {
      inner.end();
    }
  }

  end(): void {
    this.ended = true;
  }

  private assertActive(): void {
    if (this.ended || !this.scope.open) {
      throw new CacheStorageError('misuse', 'A transaction handle was used after its transaction ended.');
    }
  }
}
