/**
 * Many use cases as one unit. Use cases own their transactions (`ctx.db.transaction()`), and Kysely cannot open a
 * transaction inside one; `inOneTransaction` hands `fn` a database on one connection inside one outer transaction,
 * where each `transaction()` is a savepoint. What `fn` writes is committed together, or rolled back together when
 * it throws: the demo load and the agency import are all or nothing (issue 21).
 *
 * Queries through the handed database take turns on the one connection, as they do on SQLite's one connection
 * (Kysely's SqliteDriver), so code that runs on SQLite runs here unchanged.
 */
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
} from 'kysely';
import type { DatabaseHandle, Db } from './database.js';
import type { Database } from './schema.js';

const SAVEPOINT = 'gongkai_unit';

/** One connection, taken in turns; its transactions are savepoints of the outer one. */
class SavepointDriver implements Driver {
  #queue: Promise<void> = Promise.resolve();
  #release: (() => void) | undefined;

  constructor(private readonly connection: DatabaseConnection) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#queue;
    let release!: () => void;
    this.#queue = new Promise((resolve) => (release = resolve));
    await previous;
    this.#release = release;
    return this.connection;
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${SAVEPOINT}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${SAVEPOINT}`));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${SAVEPOINT}`));
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${SAVEPOINT}`));
  }

  async destroy(): Promise<void> {}
}

function savepointDialect(kind: DatabaseHandle['dialect'], connection: DatabaseConnection): Dialect {
  const postgres = kind === 'postgres';
  return {
    createDriver: () => new SavepointDriver(connection),
    createAdapter: () => (postgres ? new PostgresAdapter() : new SqliteAdapter()),
    createQueryCompiler: () => (postgres ? new PostgresQueryCompiler() : new SqliteQueryCompiler()),
    createIntrospector: (db) => (postgres ? new PostgresIntrospector(db) : new SqliteIntrospector(db)),
  };
}

/** Runs `fn` over a database whose every write commits when `fn` returns, or none when it throws. */
export async function inOneTransaction<T>(
  db: Db,
  kind: DatabaseHandle['dialect'],
  fn: (db: Db) => Promise<T>,
): Promise<T> {
  return db.getExecutor().provideConnection(async (connection) => {
    await connection.executeQuery(CompiledQuery.raw('begin'));
    const unit = new Kysely<Database>({ dialect: savepointDialect(kind, connection) });
    try {
      const result = await fn(unit);
      await connection.executeQuery(CompiledQuery.raw('commit'));
      return result;
    } catch (e) {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
      throw e;
    }
  });
}
