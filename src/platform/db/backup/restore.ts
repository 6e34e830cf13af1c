/**
 * `gongkai restore FILE`: a backup back into the configured database, only when that database is absent or
 * empty (no rows but the migrations' own), only with the same personal-data key, and checked table by table
 * against the backup's counts and digests before it counts as restored. SQLite backups restore into SQLite and
 * PostgreSQL backups into PostgreSQL; a copy across the two is refused.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Db } from '../database.js';
import { DomainError } from '../../errors.js';
import { extractEntry, listArchive, readEntry } from './archive.js';
import { backupStore } from './backup.store.js';
import { existingSqlite, type BackupTarget } from './backup.js';
import { digestDifferences, tableDigests, type TableDigests } from './digest.js';
import { MANIFEST_ENTRY, keyFingerprint, parseManifest, restoreRefused, type Manifest } from './manifest.js';
import { connection, postgresProgram, run } from './postgres-tools.js';

const KIND = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;

export interface RestoreKey {
  /** The configured key (DATA_KEY or the development key file); undefined when there is none. */
  dataKey: string | undefined;
  /** Where the operator should put the key, for the refusal when there is none. */
  hint: string;
}

function readBackup(file: string) {
  if (!existsSync(file)) throw restoreRefused(`备份文件不存在：${file}`);
  let entries: ReturnType<typeof listArchive>;
  try {
    entries = listArchive(file);
  } catch (e) {
    throw restoreRefused(`无法读取备份文件 ${file}：${e instanceof Error ? e.message : String(e)}`);
  }
  const manifestEntry = entries.find((e) => e.name === MANIFEST_ENTRY);
  if (!manifestEntry) throw restoreRefused('这不是 Gongkai 的备份文件（缺少 manifest.json）。');
  const manifest = parseManifest(readEntry(file, manifestEntry).toString('utf8'));
  const database = entries.find((e) => e.name === manifest.databaseEntry);
  if (!database) throw restoreRefused('备份文件不完整：缺少数据库副本。');
  return { manifest, database };
}

function checkKey(manifest: Manifest, key: RestoreKey): void {
  if (!key.dataKey) throw restoreRefused(`未找到个人信息加密密钥，恢复后的个人信息将无法读取。${key.hint}`);
  if (keyFingerprint(key.dataKey) !== manifest.dataKeyFingerprint)
    throw restoreRefused(
      `当前配置的个人信息加密密钥与备份时的不同（备份的密钥指纹 ${manifest.dataKeyFingerprint}），恢复后的个人信息将无法读取。${key.hint}`,
    );
}

async function refuseUnlessEmpty(db: Db, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const filled = await backupStore.filled(db, dialect);
  if (filled.length)
    throw restoreRefused(
      `目标数据库中已有数据（${filled
        .slice(0, 5)
        .map((f) => `${f.table} ${f.rows} 行`)
        .join('、')}${filled.length > 5 ? ' 等' : ''}），只能恢复到空的或不存在的数据库，未做任何改动。`,
    );
}

function verified(expected: TableDigests, actual: TableDigests): void {
  const differences = digestDifferences(expected, actual);
  if (differences.length)
    throw restoreRefused(`恢复后的数据与备份清单不符，已撤销恢复：\n  - ${differences.join('\n  - ')}`);
}

async function restoreSqlite(
  file: string,
  entry: { offset: number; size: number },
  m: Manifest,
  path: string,
) {
  if (path === ':memory:') throw restoreRefused('不能恢复到内存数据库。');
  if (existsSync(path)) {
    let target: ReturnType<typeof existingSqlite> | undefined;
    try {
      target = existingSqlite(path, false);
      await refuseUnlessEmpty(target.db, 'sqlite');
    } catch (e) {
      if (e instanceof DomainError) throw e;
      throw restoreRefused(`无法读取目标数据库 ${path}：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      await target?.close();
    }
  }
  mkdirSync(dirname(path), { recursive: true });
  const incoming = `${path}.restoring-${randomBytes(4).toString('hex')}`;
  try {
    extractEntry(file, entry, incoming);
    const copy = existingSqlite(incoming);
    try {
      verified(m.tables, await tableDigests(copy.db, 'sqlite'));
    } finally {
      await copy.close();
    }
    for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
    renameSync(incoming, path);
  } finally {
    rmSync(incoming, { force: true });
  }
}

/** Creates the URL's database when the server has none of that name; whether it did. */
async function createIfAbsent(url: string): Promise<boolean> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = '/postgres';
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

async function restorePostgres(
  file: string,
  entry: { offset: number; size: number },
  m: Manifest,
  url: string,
) {
  const pgRestore = postgresProgram('pg_restore');
  await createIfAbsent(url);
  const handle = openDatabase({ kind: 'postgres', url }, { poolSize: 1 });
  try {
    await refuseUnlessEmpty(handle.db, 'postgres');
    // Empty, but perhaps migrated: the dump brings its own tables and migration records.
    await backupStore.resetSchema(handle.db);
    const work = mkdtempSync(join(tmpdir(), 'gongkai-restore-'));
    const dump = join(work, 'database.pgdump');
    try {
      extractEntry(file, entry, dump);
      const { dbname, env } = connection(url);
      await run(
        pgRestore,
        [
          '--no-owner',
          '--no-privileges',
          '--exit-on-error',
          '--single-transaction',
          `--dbname=${dbname}`,
          dump,
        ],
        env,
      );
      verified(m.tables, await tableDigests(handle.db, 'postgres'));
    } catch (e) {
      await backupStore.resetSchema(handle.db);
      throw e;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  } finally {
    await handle.close();
  }
}

/** Restores `file` into `target`; returns how many tables and rows it holds. */
export async function restoreBackup(
  target: BackupTarget,
  key: RestoreKey,
  file: string,
): Promise<{ tables: number; rows: number }> {
  const { manifest, database } = readBackup(file);
  if (manifest.database !== target.kind)
    throw restoreRefused(
      `这是 ${KIND[manifest.database]} 数据库的备份，当前配置的是 ${KIND[target.kind]}；只支持恢复到同一种数据库。`,
    );
  checkKey(manifest, key);
  try {
    if (target.kind === 'sqlite') await restoreSqlite(file, database, manifest, target.path);
    else await restorePostgres(file, database, manifest, target.url);
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw restoreRefused(`恢复失败：${e instanceof Error ? e.message : String(e)}`);
  }
  const tables = Object.values(manifest.tables);
  return { tables: tables.length, rows: tables.reduce((n, t) => n + t.rows, 0) };
}
