/**
 * The test databases themselves: a suite's database is a copy of a template built once per run, so a copy must
 * be what the old way gave — a migrated database opened as openDatabase opens it, or one with the demo loaded
 * — and copies must not share anything.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { sqliteTemplateImage } from './db-templates.js';
import {
  adoptDemoTemplate,
  demoDatabase,
  describeEachDatabase,
  freshDatabase,
  sharedDatabase,
} from './db.js';
import { loadTestDemo } from './test-demo.js';

const agencies = async (db: Db) =>
  Number(
    (
      await db
        .selectFrom('agencies')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
  const counts: Record<string, number> = {};
  for (const t of tables)
    counts[t] = Number(
      (await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(db)).rows[0]!.n,
    );
  return counts;
}

const pragmas = ['journal_mode', 'synchronous', 'foreign_keys', 'busy_timeout', 'cache_size', 'temp_store'];
const pragmaValues = async (db: Db) => {
  const values: unknown[] = [];
  for (const p of pragmas) values.push((await sql.raw(`pragma ${p}`).execute(db)).rows);
  return values;
};

test('a SQLite copy is set up as openDatabase sets up a database in memory, with every migration', async () => {
  const opened = openDatabase({ kind: 'sqlite', path: ':memory:' });
  const copy = await freshDatabase('sqlite');
  try {
    await migrateToLatest(opened.db);
    assert.deepEqual(await pragmaValues(copy.db), await pragmaValues(opened.db));
    assert.deepEqual(await migrateToLatest(copy.db), [], 'nothing left to migrate');
    assert.deepEqual(await rowCounts(copy.db), await rowCounts(opened.db));
  } finally {
    await opened.close();
    await copy.close();
  }
});

test('the SQLite template image is not in WAL mode, so it deserializes', async () => {
  for (const variant of ['migrated', 'demo'] as const) {
    const image = await sqliteTemplateImage(variant);
    // Header bytes 18 and 19 are 2 in WAL mode, 1 in the rollback-journal modes.
    assert.deepEqual([image[18], image[19]], [1, 1], variant);
  }
});

test('a demo copy holds what loading the demo gives', async () => {
  const loaded = await freshDatabase('sqlite');
  const copy = await demoDatabase('sqlite');
  try {
    assert.equal(await loadTestDemo(loaded), true);
    assert.equal(await loadTestDemo(copy), false, 'the copy has the demo already');
    assert.deepEqual(await rowCounts(copy.db), await rowCounts(loaded.db));
  } finally {
    await loaded.close();
    await copy.close();
  }
});

test('a shared SQLite copy is a WAL file another connection can open', async () => {
  const { handle, env } = await sharedDatabase('sqlite');
  try {
    assert.deepEqual((await sql`pragma journal_mode`.execute(handle.db)).rows, [{ journal_mode: 'wal' }]);
    const other = openDatabase({ kind: 'sqlite', path: env.SQLITE_PATH! });
    assert.deepEqual(await migrateToLatest(other.db), []);
    await other.close();
  } finally {
    await handle.close();
  }
});

describeEachDatabase('test database copies', ({ kind }) => {
  test('copies are independent of each other', async () => {
    const a = await demoDatabase(kind);
    const b = await demoDatabase(kind);
    try {
      const names = (db: Db) => db.selectFrom('agencies').select('name').orderBy('id').execute();
      const before = await names(b.db);
      assert.ok(before.length > 0);
      await a.db.updateTable('agencies').set({ name: '改过的名称' }).execute();
      await a.db.deleteFrom('sessions').execute();
      assert.deepEqual(await names(b.db), before);
      assert.notDeepEqual(await names(a.db), before);
    } finally {
      await a.close();
      await b.close();
    }
  });

  test('an unused fresh copy can take the demo template; a used one is left alone', async () => {
    const unused = await freshDatabase(kind);
    const used = await freshDatabase(kind);
    try {
      assert.equal(await agencies(used.db), 0);
      assert.equal(await adoptDemoTemplate(used), false);
      assert.equal(await agencies(used.db), 0);
      assert.equal(await adoptDemoTemplate(unused), true);
      assert.ok((await agencies(unused.db)) > 0);
      assert.equal(await adoptDemoTemplate(unused), false, 'once');
    } finally {
      await unused.close();
      await used.close();
    }
  });

  if (kind === 'postgres')
    test('closing a PostgreSQL copy drops its database', async () => {
      const { handle, env } = await sharedDatabase(kind);
      const name = new URL(env.DATABASE_URL!).pathname.slice(1);
      const exists = async (db: Db) =>
        (await sql`select 1 from pg_database where datname = ${name}`.execute(db)).rows.length === 1;
      const other = await freshDatabase(kind);
      try {
        assert.equal(await exists(other.db), true);
        await handle.close();
        assert.equal(await exists(other.db), false);
      } finally {
        await other.close();
      }
    });
});
