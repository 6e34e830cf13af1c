/**
 * `gongkai backup FILE`: a consistent copy of the running platform's database in one file. SQLite: `VACUUM INTO`
 * (one read transaction, so writers carry on and the copy is one moment), digests read from the copy.
 * PostgreSQL: a repeatable-read transaction exports its snapshot, pg_dump dumps that snapshot and the digests are
 * read in the same transaction, so dump and manifest describe one moment. Uploaded files are stored in the
 * database, so the copy holds them. The archive is written beside FILE and renamed into place when complete.
 */
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { openDatabase, type Db } from '../database.js';
import type { Database } from '../schema.js';
import { DomainError } from '../../errors.js';
import { writeArchive } from './archive.js';
import { backupStore } from './backup.store.js';
import { tableDigests, type TableDigests } from './digest.js';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  DATABASE_ENTRY,
  MANIFEST_ENTRY,
  backupFailed,
  keyFingerprint,
  type Manifest,
} from './manifest.js';
import { connection, postgresProgram, run } from './postgres-tools.js';

export type BackupTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** An existing SQLite file as a bare Kysely database (a copy being checked, a target being looked at). */
export function existingSqlite(path: string, readonly = true): { db: Db; close: () => Promise<void> } {
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: new SqliteDatabase(path, { readonly, fileMustExist: true }) }),
  });
  return { db, close: () => db.destroy() };
}

async function sqliteCopy(path: string, into: string): Promise<TableDigests> {
  if (path === ':memory:') throw backupFailed('内存数据库无法备份。');
  let source: SqliteDatabase.Database;
  try {
    source = new SqliteDatabase(path, { fileMustExist: true });
  } catch {
    throw backupFailed(`数据库文件不存在：${path}`);
  }
  try {
    source.pragma('busy_timeout = 5000');
    source.prepare('VACUUM INTO ?').run(into);
  } finally {
    source.close();
  }
  const copy = existingSqlite(into);
  try {
    return await tableDigests(copy.db, 'sqlite');
  } finally {
    await copy.close();
  }
}

async function postgresCopy(url: string, into: string): Promise<TableDigests> {
  const pgDump = postgresProgram('pg_dump');
  const handle = openDatabase({ kind: 'postgres', url }, { poolSize: 1 });
  try {
    return await handle.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const snapshot = await backupStore.exportSnapshot(trx);
        const { dbname, env } = connection(url);
        await run(
          pgDump,
          [
            '--format=custom',
            `--snapshot=${snapshot}`,
            '--no-owner',
            '--no-privileges',
            `--file=${into}`,
            dbname,
          ],
          env,
        );
        return tableDigests(trx, 'postgres');
      });
  } finally {
    await handle.close();
  }
}

/** Writes the backup of `target` to `file`; returns its manifest. */
export async function takeBackup(target: BackupTarget, dataKey: string, file: string): Promise<Manifest> {
  const work = mkdtempSync(join(tmpdir(), 'gongkai-backup-'));
  const copy = join(work, DATABASE_ENTRY[target.kind]);
  const partial = `${file}.partial`;
  try {
    let tables: TableDigests;
    try {
      tables =
        target.kind === 'sqlite' ? await sqliteCopy(target.path, copy) : await postgresCopy(target.url, copy);
    } catch (e) {
      if (e instanceof DomainError) throw e;
      throw backupFailed(`备份失败：${e instanceof Error ? e.message : String(e)}`);
    }
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      database: target.kind,
      createdAt: new Date().toISOString(),
      dataKeyFingerprint: keyFingerprint(dataKey),
      databaseEntry: DATABASE_ENTRY[target.kind],
      storedFiles: [],
      tables,
    };
    try {
      writeArchive(partial, [
        { name: MANIFEST_ENTRY, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
        { name: manifest.databaseEntry, path: copy },
      ]);
      renameSync(partial, file);
    } catch (e) {
      rmSync(partial, { force: true });
      throw backupFailed(`无法写入备份文件 ${file}：${e instanceof Error ? e.message : String(e)}`);
    }
    return manifest;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
