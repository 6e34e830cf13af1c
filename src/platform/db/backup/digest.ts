/**
 * Per-table row counts and digests, computed the same way on SQLite and PostgreSQL: each row as one line of
 * canonical JSON (columns by name; integers as numbers, bytes as base64, booleans as 0/1, arrays as arrays), the
 * lines in primary-key order (text keys byte-wise), and SHA-256 over the lines.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '../database.js';
import { backupStore } from './backup.store.js';

export interface TableDigest {
  rows: number;
  /** SHA-256 (hex) over the table's rows in primary-key order. */
  digest: string;
}

export type TableDigests = Record<string, TableDigest>;

function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Uint8Array) return JSON.stringify({ bytes: Buffer.from(value).toString('base64') });
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** One row as the digest reads it (also what a test compares rows by). */
export const canonicalRow = (row: Record<string, unknown>): string => canonical(row);

/** Counts and digests of every table of the database (or of the transaction's snapshot). */
export async function tableDigests(db: Queryable, dialect: 'sqlite' | 'postgres'): Promise<TableDigests> {
  const out: TableDigests = {};
  for (const table of await backupStore.tables(db, dialect)) {
    const hash = createHash('sha256');
    const rows = await backupStore.rows(db, dialect, table);
    for (const row of rows) hash.update(`${canonical(row)}\n`);
    out[table.name] = { rows: rows.length, digest: hash.digest('hex') };
  }
  return out;
}

/** The tables whose count or digest differ between what a backup recorded and what a database holds. */
export function digestDifferences(expected: TableDigests, actual: TableDigests): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return names.flatMap((name) => {
    const e = expected[name];
    const a = actual[name];
    if (!e) return [`${name}：备份中没有此表`];
    if (!a) return [`${name}：恢复后缺少此表`];
    if (e.rows !== a.rows) return [`${name}：应有 ${e.rows} 行，实有 ${a.rows} 行`];
    if (e.digest !== a.digest) return [`${name}：行数一致（${e.rows} 行）但内容摘要不符`];
    return [];
  });
}
