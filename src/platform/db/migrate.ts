/**
 * Runs the migrations in `src/migrations/` (one set for both dialects) up to the latest.
 * Each capability owns a number range: 0001 foundation, 01xx calendar, 02xx reports, 03xx requests,
 * 04xx catalog, 05xx search, 06xx interaction and supervision, 07xx annual reports, 08xx audit.
 * Because numbers are per capability, a new migration of an early capability (say 0302) arrives after a later
 * capability's (0800) has run on an existing database: unordered migrations are allowed, and each pending one
 * runs once, in name order (docs/decisions/0012).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileMigrationProvider, Migrator, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Db } from './database.js';

export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

function migrator(db: Db, provider?: MigrationProvider): Migrator {
  return new Migrator({
    db,
    provider: provider ?? new FileMigrationProvider({ fs, path, migrationFolder: migrationsFolder }),
    allowUnorderedMigrations: true,
  });
}

export async function migrateToLatest(db: Db, provider?: MigrationProvider): Promise<string[]> {
  const result: MigrationResultSet = await migrator(db, provider).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(
      `数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${result.error instanceof Error ? result.error.message : JSON.stringify(result.error)}`,
      {
        cause: result.error,
      },
    );
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
