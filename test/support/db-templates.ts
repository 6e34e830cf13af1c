/**
 * Template databases for tests: the migrated database, and the migrated database holding the demo, built once
 * per test run and copied for each suite by db.ts (a copy takes milliseconds; migrating takes about half a
 * second and loading the demo several seconds).
 *
 * scripts/run-tests.mjs builds them before any test process starts (scripts/test-databases.ts) and names them
 * in the environment below; a test file run on its own, without the runner, builds them itself, lazily and once
 * per process. The demo is loaded by loadTestDemo on the test context, so on the tests' clock: the runner sets
 * GONGKAI_TEST_NOW once for the builders and every test process.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';

export type TemplateVariant = 'migrated' | 'demo';
export const templateVariants: readonly TemplateVariant[] = ['migrated', 'demo'];

/** A directory holding `migrated.sqlite` and `demo.sqlite`. */
export const SQLITE_TEMPLATES_ENV = 'GONGKAI_TEST_SQLITE_TEMPLATES';
/** The prefix of the template databases `<prefix>_migrated` and `<prefix>_demo` on DATABASE_URL's server. */
export const POSTGRES_TEMPLATES_ENV = 'GONGKAI_TEST_POSTGRES_TEMPLATES';

export const sqliteTemplateFile = (dir: string, variant: TemplateVariant) => join(dir, `${variant}.sqlite`);
export const postgresTemplateName = (prefix: string, variant: TemplateVariant) => `${prefix}_${variant}`;

/** The URL of database `name` on the server of `adminUrl`. */
export function postgresUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs statements, one after another, on a connection of its own to the server's administrative database. */
export async function adminQuery(adminUrl: string, ...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}

async function fill(handle: DatabaseHandle, variant: TemplateVariant): Promise<void> {
  await migrateToLatest(handle.db);
  if (variant === 'demo') {
    // Imported here: loading the demo pulls in every capability, which store tests need not load.
    const { loadTestDemo } = await import('./test-demo.js');
    await loadTestDemo(handle);
  }
}

/**
 * Writes the SQLite template to `file`. It is built the way freshDatabase's databases are used, in memory
 * (journal mode MEMORY), and written by VACUUM INTO: a compact, self-contained file, not in WAL mode, which
 * is what deserializing needs.
 */
export async function buildSqliteTemplate(file: string, variant: TemplateVariant): Promise<void> {
  const handle = openDatabase({ kind: 'sqlite', path: ':memory:' });
  try {
    await fill(handle, variant);
    await sql`VACUUM INTO ${file}`.execute(handle.db);
  } finally {
    await handle.close();
  }
}

/**
 * Creates the PostgreSQL template database `name`. Every connection to it is closed before this returns (its
 * pool is ended, and it takes no connections afterwards): CREATE DATABASE … TEMPLATE refuses a source database
 * that someone is connected to.
 */
export async function buildPostgresTemplate(
  adminUrl: string,
  name: string,
  variant: TemplateVariant,
): Promise<void> {
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  try {
    const handle = openDatabase({ kind: 'postgres', url: postgresUrl(adminUrl, name) }, { poolSize: 4 });
    try {
      await fill(handle, variant);
    } finally {
      await handle.close();
    }
    await adminQuery(adminUrl, `ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
  } catch (error) {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    throw error;
  }
}

export async function dropPostgresTemplates(adminUrl: string, prefix: string): Promise<void> {
  await adminQuery(
    adminUrl,
    ...templateVariants.map((v) => `DROP DATABASE IF EXISTS ${postgresTemplateName(prefix, v)} WITH (FORCE)`),
  );
}

export const newPostgresTemplatePrefix = (tag: string) => `gk_tpl_${tag}_${randomBytes(4).toString('hex')}`;

// ---- This process's view: the runner's templates, else its own built on first use ----

const sqliteImages = new Map<TemplateVariant, Promise<Buffer>>();

/** The SQLite template's bytes (a database image to deserialize or write to a file), read or built once. */
export function sqliteTemplateImage(variant: TemplateVariant): Promise<Buffer> {
  let image = sqliteImages.get(variant);
  if (!image) {
    image = readOrBuildSqlite(variant);
    sqliteImages.set(variant, image);
    image.catch(() => sqliteImages.delete(variant));
  }
  return image;
}

async function readOrBuildSqlite(variant: TemplateVariant): Promise<Buffer> {
  const dir = process.env[SQLITE_TEMPLATES_ENV];
  if (dir) return readFileSync(sqliteTemplateFile(dir, variant));
  const own = mkdtempSync(join(tmpdir(), 'gongkai-template-'));
  try {
    const file = sqliteTemplateFile(own, variant);
    await buildSqliteTemplate(file, variant);
    return readFileSync(file);
  } finally {
    rmSync(own, { recursive: true, force: true });
  }
}

const postgresTemplates = new Map<TemplateVariant, Promise<string>>();
let ownPrefix: string | undefined;

/** The name of the PostgreSQL template database on `adminUrl`'s server: the runner's, or built once here. */
export function postgresTemplate(adminUrl: string, variant: TemplateVariant): Promise<string> {
  let name = postgresTemplates.get(variant);
  if (!name) {
    name = findOrBuildPostgres(adminUrl, variant);
    postgresTemplates.set(variant, name);
    name.catch(() => postgresTemplates.delete(variant));
  }
  return name;
}

async function findOrBuildPostgres(adminUrl: string, variant: TemplateVariant): Promise<string> {
  const prefix = process.env[POSTGRES_TEMPLATES_ENV];
  if (prefix) return postgresTemplateName(prefix, variant);
  if (!ownPrefix) {
    const prefix = (ownPrefix = newPostgresTemplatePrefix(`p${process.pid}`));
    // Dropped when the process has nothing left to do (its tests have run); beforeExit allows the await.
    let dropping = false;
    process.on('beforeExit', () => {
      if (dropping) return;
      dropping = true;
      dropPostgresTemplates(adminUrl, prefix).catch((error: unknown) =>
        console.warn(`could not drop the test template databases ${prefix}_*:`, error),
      );
    });
  }
  const name = postgresTemplateName(ownPrefix, variant);
  await buildPostgresTemplate(adminUrl, name, variant);
  return name;
}
