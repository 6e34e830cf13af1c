/**
 * What backup and restore read of a database as a whole: its tables with their primary keys, each table's rows
 * in primary-key order, whether it holds data, and on PostgreSQL the snapshot pg_dump shares and the reset of an
 * empty database's schema before a restore. Table names come from the database's own catalogue, never from input.
 */
import { sql, type Kysely } from 'kysely';
import type { Queryable } from '../database.js';

export interface TableInfo {
  name: string;
  /** The primary key's columns in key order; every column when the table has none. */
  orderBy: { column: string; text: boolean }[];
  /** A SQLite full-text index's own table (filled by the migrations; copied and compared like any other). */
  shadow?: boolean;
}

/** Tables the migrations fill themselves: a database holding rows only in these is still empty. */
const SEEDED = new Set(['kysely_migration', 'kysely_migration_lock', 'content_versions', 'search_counter']);

/** SQLite FTS5 keeps a virtual table's index in shadow tables named after it. */
const FTS_SHADOWS = ['_data', '_idx', '_content', '_docsize', '_config'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = (db: Queryable) => db as unknown as Kysely<any>;

async function sqliteTables(db: Queryable): Promise<TableInfo[]> {
  const { rows } = await sql<{ name: string; sql: string }>`
    SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(
    db,
  );
  // A virtual table reads through its shadow tables, which are copied and compared like any other.
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql)).map((r) => r.name);
  const out: TableInfo[] = [];
  for (const { name } of rows) {
    if (virtual.includes(name)) continue;
    const columns = (
      await sql<{ name: string; type: string; pk: number }>`
        SELECT name, type, pk FROM pragma_table_info(${name}) ORDER BY cid`.execute(db)
    ).rows;
    const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    out.push({
      name,
      orderBy: (key.length ? key : columns).map((c) => ({ column: c.name, text: /text|char/i.test(c.type) })),
      ...(virtual.some((v) => FTS_SHADOWS.some((s) => `${v}${s}` === name)) ? { shadow: true } : {}),
    });
  }
  return out;
}

async function postgresTables(db: Queryable): Promise<TableInfo[]> {
  const { rows } = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    key: number | null;
  }>`
    SELECT c.table_name, c.column_name, c.data_type, k.ordinal_position AS key
    FROM information_schema.columns c
    JOIN information_schema.tables t
      ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    LEFT JOIN information_schema.table_constraints tc
      ON tc.table_schema = c.table_schema AND tc.table_name = c.table_name AND tc.constraint_type = 'PRIMARY KEY'
    LEFT JOIN information_schema.key_column_usage k
      ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name
     AND k.table_name = c.table_name AND k.column_name = c.column_name
    WHERE c.table_schema = current_schema()
    ORDER BY c.table_name, c.ordinal_position`.execute(db);
  const byTable = new Map<string, typeof rows>();
  for (const r of rows) byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), r]);
  return [...byTable.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, columns]) => {
      const key = columns.filter((c) => c.key !== null).sort((a, b) => a.key! - b.key!);
      return {
        name,
        orderBy: (key.length ? key : columns).map((c) => ({
          column: c.column_name,
          text: /text|char/i.test(c.data_type),
        })),
      };
    });
}

export const backupStore = {
  tables(db: Queryable, dialect: 'sqlite' | 'postgres'): Promise<TableInfo[]> {
    return dialect === 'sqlite' ? sqliteTables(db) : postgresTables(db);
  },

  /**
   * A table's rows in primary-key order. Text keys compare byte-wise on both databases (SQLite's BINARY
   * collation; PostgreSQL's "C"), so the order does not depend on the server's locale.
   */
  async rows(
    db: Queryable,
    dialect: 'sqlite' | 'postgres',
    table: TableInfo,
  ): Promise<Record<string, unknown>[]> {
    let query = untyped(db).selectFrom(table.name).selectAll();
    for (const { column, text } of table.orderBy)
      query = query.orderBy(
        text && dialect === 'postgres' ? sql`${sql.ref(column)} COLLATE "C"` : sql`${sql.ref(column)}`,
      );
    return query.execute();
  },

  async count(db: Queryable, table: string): Promise<number> {
    const row = await untyped(db)
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** The tables holding rows a platform wrote (not the migrations' own), with their counts; none when empty. */
  async filled(db: Queryable, dialect: 'sqlite' | 'postgres'): Promise<{ table: string; rows: number }[]> {
    const out: { table: string; rows: number }[] = [];
    for (const t of await backupStore.tables(db, dialect)) {
      if (SEEDED.has(t.name) || t.shadow) continue;
      const rows = await backupStore.count(db, t.name);
      if (rows > 0) out.push({ table: t.name, rows });
    }
    return out;
  },

  /** PostgreSQL: the transaction's snapshot, for `pg_dump --snapshot` (the transaction must stay open). */
  async exportSnapshot(db: Queryable): Promise<string> {
    const { rows } = await sql<{ id: string }>`SELECT pg_export_snapshot() AS id`.execute(db);
    return rows[0]!.id;
  },

  /** PostgreSQL: drops every object of the current schema (only ever on a database found empty). */
  async resetSchema(db: Queryable): Promise<void> {
    const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
    const schema = rows[0]!.schema;
    await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(db);
    await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(db);
  },
};
