/**
 * Real databases for tests: every store test runs on SQLite and, when DATABASE_URL points at a
 * PostgreSQL server, on PostgreSQL too (a fresh database per suite, dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type Db } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';

export type DatabaseKind = 'sqlite' | 'postgres';

export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A new, migrated, empty database of the given kind; `close` also drops it. */
export async function freshDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  if (kind === 'sqlite') {
    const handle = openDatabase({ kind: 'sqlite', path: ':memory:' });
    await migrateToLatest(handle.db);
    return handle;
  }
  return (await freshPostgres()).handle;
}

/**
 * Like freshDatabase, but one that another process can open too (a SQLite file, not memory): `env` is what that
 * process needs (SQLITE_PATH or DATABASE_URL). For tests that run a second app node.
 */
export async function sharedDatabase(
  kind: DatabaseKind,
): Promise<{ handle: DatabaseHandle; env: Record<string, string> }> {
  if (kind === 'postgres') {
    const { handle, url } = await freshPostgres();
    return { handle, env: { DATABASE_URL: url } };
  }
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-shared-'));
  const path = join(dir, 'shared.sqlite');
  const handle = openDatabase({ kind: 'sqlite', path });
  await migrateToLatest(handle.db);
  return {
    handle: {
      ...handle,
      close: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    },
    env: { SQLITE_PATH: path, DATABASE_URL: '' },
  };
}

async function freshPostgres(): Promise<{ handle: DatabaseHandle; url: string }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is not set');
  const name = `gk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ kind: 'postgres', url: url.toString() }, { poolSize: 4 });
  await migrateToLatest(handle.db);
  return {
    url: url.toString(),
    handle: {
      ...handle,
      close: async () => {
        await handle.close();
        const dropper = new pg.Client({ connectionString: adminUrl });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      },
    },
  };
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
