/**
 * Real databases for tests: every store test runs on SQLite and, when DATABASE_URL points at a
 * PostgreSQL server, on PostgreSQL too (a database of its own per suite, dropped afterwards).
 *
 * A suite's database is a copy of a template built once per test run (db-templates.ts): the migrated
 * database, or the migrated database holding the demo. SQLite copies live in memory, deserialized from the
 * template's image; PostgreSQL copies are made by CREATE DATABASE … TEMPLATE.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { openDatabase, sqliteHandle, type DatabaseHandle, type Db } from '../../src/platform/db/database.js';
import { publicContentChanged } from '../../src/web/public-cache.js';
import {
  adminQuery,
  postgresTemplate,
  postgresUrl,
  sqliteTemplateImage,
  type TemplateVariant,
} from './db-templates.js';

export type DatabaseKind = 'sqlite' | 'postgres';

export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A new, migrated, empty database of the given kind; `close` also drops it. */
export async function freshDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  return (await copyOf(kind, 'migrated', 'memory')).handle;
}

/** A new, migrated database of the given kind holding the demo data (as demoApp loads it); `close` drops it. */
export async function demoDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  return (await copyOf(kind, 'demo', 'memory')).handle;
}

/**
 * Like freshDatabase, but one that another process can open too (a SQLite file, not memory): `env` is what that
 * process needs (SQLITE_PATH or DATABASE_URL). For tests that run a second app node.
 */
export async function sharedDatabase(
  kind: DatabaseKind,
): Promise<{ handle: DatabaseHandle; env: Record<string, string> }> {
  return copyOf(kind, 'migrated', 'file');
}

/**
 * If `handle` is a database from this file that nobody has used yet (its `db` was never read) and that holds
 * only the migrations, it now holds the demo instead: its copy of the migrated template is replaced by a copy of
 * the demo template, under the same SQLite path or PostgreSQL database name. Nothing can have seen the swap,
 * and a copy takes milliseconds where loading the demo takes seconds. The one difference from loading it now is
 * when: the template's demo was loaded as the run started, on the tests' clock, which in the test processes
 * starts after it (scripts/test-databases.ts). Returns whether it swapped.
 */
export async function adoptDemoTemplate(handle: DatabaseHandle): Promise<boolean> {
  const copy = copies.get(handle);
  if (!copy || copy.used || copy.variant !== 'migrated') return false;
  await copy.replace('demo');
  return true;
}

interface Copy {
  variant: TemplateVariant;
  /** Whether its `db` has been handed out: from then on the database may have been read or changed. */
  used: boolean;
  replace(variant: TemplateVariant): Promise<void>;
}
const copies = new WeakMap<DatabaseHandle, Copy>();

/**
 * A copy of the template, as a handle whose `db` getter records that the database has been handed out (see
 * adoptDemoTemplate). `open` makes the copy and returns its own handle; `remove` deletes what that copy left
 * behind; `finish` runs after the last removal, on close.
 */
async function trackedCopy(
  kind: DatabaseKind,
  variant: TemplateVariant,
  open: (variant: TemplateVariant) => Promise<DatabaseHandle>,
  remove: () => Promise<void>,
  finish: () => void = () => {},
): Promise<DatabaseHandle> {
  let current = await open(variant);
  // The template's rows carry the same ids in every copy: portal caches keyed by id must not answer from an
  // earlier copy in this process. loadDemo bumps the epoch as it publishes; a copy does so here.
  publicContentChanged();
  const copy: Copy = {
    variant,
    used: false,
    async replace(next) {
      await current.close();
      await remove();
      current = await open(next);
      copy.variant = next;
      publicContentChanged();
    },
  };
  const handle: DatabaseHandle = {
    dialect: kind,
    get db() {
      copy.used = true;
      return current.db;
    },
    close: async () => {
      await current.close();
      await remove();
      finish();
    },
  };
  copies.set(handle, copy);
  return handle;
}

async function copyOf(
  kind: DatabaseKind,
  variant: TemplateVariant,
  where: 'memory' | 'file',
): Promise<{ handle: DatabaseHandle; env: Record<string, string> }> {
  if (kind === 'postgres') {
    const adminUrl = process.env.DATABASE_URL;
    if (!adminUrl) throw new Error('DATABASE_URL is not set');
    const name = `gk_test_${randomBytes(6).toString('hex')}`;
    const url = postgresUrl(adminUrl, name);
    const handle = await trackedCopy(
      kind,
      variant,
      async (v) => {
        // No connection to the template may be open while it is copied: the templates take none.
        await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${await postgresTemplate(adminUrl, v)}`);
        return openDatabase({ kind: 'postgres', url }, { poolSize: 4 });
      },
      () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    );
    return { handle, env: { DATABASE_URL: url } };
  }
  if (where === 'memory') {
    const handle = await trackedCopy(
      kind,
      variant,
      async (v) => openSqliteImage(await sqliteTemplateImage(v)),
      async () => {},
    );
    return { handle, env: {} };
  }
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-shared-'));
  const path = join(dir, 'shared.sqlite');
  const handle = await trackedCopy(
    kind,
    variant,
    async (v) => {
      // The template image is a whole database file (written by VACUUM INTO, not in WAL mode, and never
      // written to since): its bytes are the file. openDatabase then switches the copy to WAL as in production.
      writeFileSync(path, await sqliteTemplateImage(v));
      return openDatabase({ kind: 'sqlite', path });
    },
    async () => {
      for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
    },
    () => rmSync(dir, { recursive: true, force: true }),
  );
  return { handle, env: { SQLITE_PATH: path, DATABASE_URL: '' } };
}

/**
 * An in-memory SQLite database deserialized from a template image, set up as openDatabase sets up
 * `{ kind: 'sqlite', path: ':memory:' }` (which is what freshDatabase used to open and migrate): the same
 * pragmas — journal_mode = WAL stays MEMORY in memory, as it does there — and the same prepared-statement
 * cache, through the platform's own sqliteHandle; test/support/db.test.ts compares the two.
 */
function openSqliteImage(image: Buffer): DatabaseHandle {
  return sqliteHandle(new SqliteDatabase(image));
}

/**
 * Declares the same suite once per database kind. `body` receives accessors that are valid inside tests.
 */
export function describeEachDatabase(
  title: string,
  body: (ctx: { db: () => Db; handle: () => DatabaseHandle; kind: DatabaseKind }) => void,
): void {
  for (const kind of testDatabaseKinds()) {
    void describe(`${title} [${kind}]`, () => {
      let handle: DatabaseHandle | undefined;
      before(async () => {
        handle = await freshDatabase(kind);
      });
      after(async () => {
        await handle?.close();
      });
      const get = () => {
        if (!handle) throw new Error('database not ready');
        return handle;
      };
      body({ db: () => get().db, handle: get, kind });
    });
  }
}
