/**
 * What a backup says about itself (manifest.json inside the archive): format version, database kind, when it
 * was taken, per-table counts and digests, and the data key's fingerprint — never the key.
 */
import { createHash } from 'node:crypto';
import { DomainError } from '../../errors.js';
import type { TableDigests } from './digest.js';

export const BACKUP_FORMAT = 'gongkai-backup';
export const BACKUP_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';
export const DATABASE_ENTRY = { sqlite: 'database.sqlite', postgres: 'database.pgdump' } as const;

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  database: 'sqlite' | 'postgres';
  createdAt: string;
  /** First 16 hex digits of SHA-256 over the personal-data key: tells keys apart, reveals nothing of them. */
  dataKeyFingerprint: string;
  /** The archive entry holding the database copy (SQLite file or pg_dump custom format). */
  databaseEntry: string;
  /** Uploaded files live in the database (request, message and catalog attachments): no files beside it. */
  storedFiles: string[];
  tables: TableDigests;
}

export const backupFailed = (message: string) => new DomainError('backup.failed', message);
export const restoreRefused = (message: string) => new DomainError('restore.refused', message);

export function keyFingerprint(dataKey: string): string {
  return createHash('sha256')
    .update(`gongkai-data-key\n${dataKey.trim().toLowerCase()}`)
    .digest('hex')
    .slice(0, 16);
}

/** The manifest read from a backup, checked for shape; a refusal in Chinese otherwise. */
export function parseManifest(text: string): Manifest {
  let m: Partial<Manifest>;
  try {
    m = JSON.parse(text) as Partial<Manifest>;
  } catch {
    throw restoreRefused('备份文件的清单（manifest.json）无法读取。');
  }
  if (m.format !== BACKUP_FORMAT) throw restoreRefused('这不是 Gongkai 的备份文件。');
  if (m.version !== BACKUP_VERSION)
    throw restoreRefused(`备份格式版本为 ${String(m.version)}，本程序只能恢复第 ${BACKUP_VERSION} 版。`);
  if (
    (m.database !== 'sqlite' && m.database !== 'postgres') ||
    typeof m.dataKeyFingerprint !== 'string' ||
    typeof m.databaseEntry !== 'string' ||
    !m.tables ||
    typeof m.tables !== 'object'
  )
    throw restoreRefused('备份文件的清单不完整。');
  return m as Manifest;
}
