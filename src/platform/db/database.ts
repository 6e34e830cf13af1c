/**
 * The Kysely factory: embedded SQLite (better-sqlite3, WAL) by default, PostgreSQL when configured.
 * Stores are the only code that queries through it.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or a transaction: stores accept both, so use cases own the transaction. */
export type Queryable = Kysely<Database> | Transaction<Database>;

type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface DatabaseHandle {
  db: Db;
  dialect: DatabaseTarget['kind'];
  close: () => Promise<void>;
}

// PostgreSQL returns COUNT(*) and SUM as bigint/numeric strings; our counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export function openDatabase(target: DatabaseTarget, options: { poolSize?: number } = {}): DatabaseHandle {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: options.poolSize ?? 10 });
    // An idle pooled connection that the server ends (restart, failover, a dropped test database) emits an
    // error; without a listener that would crash the process. The pool replaces the connection on next use.
    pool.on('error', (error) => console.warn(`数据库连接中断，将自动重连：${error.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
  return sqliteHandle(new SqliteDatabase(target.path));
}

/** The platform's set-up of an open SQLite database (a file, memory, or a deserialized image in tests). */
export function sqliteHandle(sqlite: SqliteDatabase.Database): DatabaseHandle {
  sqlite.pragma('journal_mode = WAL');
  // NORMAL is durable against process crashes in WAL mode; FULL adds durability against power loss,
  // which is what "received means stored" asks of a single-file deployment.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  cachePreparedStatements(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; on SQLite preparing costs as much as running a small query. Statements
 * run synchronously to completion in better-sqlite3, so one prepared statement per SQL text can be reused.
 * (Streaming `iterate()` would hold a statement open; our stores do not stream.)
 */
function cachePreparedStatements(sqlite: SqliteDatabase.Database, limit = 1000): void {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      if (cache.size >= limit) cache.clear();
      statement = prepare(source);
      cache.set(source, statement);
    }
    return statement;
  }) as typeof sqlite.prepare;
}
