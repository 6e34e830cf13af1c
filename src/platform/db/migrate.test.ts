import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FileMigrationProvider, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { describeEachDatabase } from '../../../test/support/db.js';
import { migrateToLatest, migrationsFolder } from './migrate.js';

/** The real migrations plus made-up ones, as if new files had been added to src/migrations/. */
const step = (table: string): Migration => ({
  up: async (db: Kysely<unknown>) => {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .execute();
  },
});
const real = new FileMigrationProvider({ fs, path, migrationFolder: migrationsFolder });
const provider = (names: string[]): MigrationProvider => ({
  getMigrations: async () => ({
    ...(await real.getMigrations()),
    ...Object.fromEntries(names.map((n) => [n, step(`zz_${n}`)])),
  }),
});

describeEachDatabase('migrations per capability range', ({ db }) => {
  test('an early-numbered migration added after a later one has run still runs, once', async () => {
    // The real migrations are already applied (0001 … 08xx): a capability's new 03xx-style migration
    // arrives later than they did, as on an upgraded deployment.
    const first = await migrateToLatest(db(), provider(['9800_late_capability']));
    assert.deepEqual(first, ['9800_late_capability']);
    const second = await migrateToLatest(db(), provider(['9800_late_capability', '9300_early_capability']));
    assert.deepEqual(second, ['9300_early_capability']);
    assert.deepEqual(
      await migrateToLatest(db(), provider(['9800_late_capability', '9300_early_capability'])),
      [],
    );
    await sql`select id from zz_9300_early_capability`.execute(db());
  });
});
