/**
 * `gongkai backup` / `gongkai restore` (issue 21, item 8) as an operator runs them, in child processes, on SQLite
 * and (with DATABASE_URL) PostgreSQL: a platform holding the demo is backed up while this process keeps writing
 * to it, restored into a fresh database, and every table compared with the backup's manifest and with the
 * source's rows as they stood; a restore into a database holding data, or with another key, is refused and
 * changes nothing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendEvent } from '../../src/platform/events.js';
import { systemActor } from '../../src/platform/actor.js';
import { openDatabase, type DatabaseHandle, type Db } from '../../src/platform/db/database.js';
import { backupStore } from '../../src/platform/db/backup/backup.store.js';
import { canonicalRow, tableDigests, type TableDigests } from '../../src/platform/db/backup/digest.js';
import { listArchive, readEntry } from '../../src/platform/db/backup/archive.js';
import { parseManifest, type Manifest } from '../../src/platform/db/backup/manifest.js';
import { adoptDemoTemplate, sharedDatabase, testDatabaseKinds, type DatabaseKind } from '../support/db.js';
import { adminQuery, postgresUrl } from '../support/db-templates.js';
import { testNow } from '../support/clock.js';

const KEY = 'a1'.repeat(32);
const OTHER_KEY = 'b2'.repeat(32);

function gongkai(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/gongkai.js', ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: '', DATA_KEY: KEY, ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

function manifestOf(file: string): Manifest {
  const entry = listArchive(file).find((e) => e.name === 'manifest.json');
  assert.ok(entry, 'the backup holds a manifest');
  return parseManifest(readEntry(file, entry).toString('utf8'));
}

/** Every row of every table, as the digest reads it. */
async function snapshot(db: Db, kind: DatabaseKind): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const t of await backupStore.tables(db, kind))
    out.set(t.name, (await backupStore.rows(db, kind, t)).map(canonicalRow));
  return out;
}

for (const kind of testDatabaseKinds()) {
  void describe(`gongkai backup / restore [${kind}]`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-backup-'));
    const file = join(dir, 'platform.backup');
    const adminUrl = process.env.DATABASE_URL ?? '';
    const names: string[] = [];
    /** A database that does not exist yet, and what a child process needs to reach it. */
    const absent = (label: string): { env: Record<string, string>; open: () => DatabaseHandle } => {
      if (kind === 'sqlite') {
        const path = join(dir, label, 'gongkai.sqlite');
        return { env: { SQLITE_PATH: path }, open: () => openDatabase({ kind, path }) };
      }
      const name = `gk_test_restore_${label}_${process.pid}`;
      names.push(name);
      const url = postgresUrl(adminUrl, name);
      return { env: { DATABASE_URL: url }, open: () => openDatabase({ kind, url }, { poolSize: 2 }) };
    };
    let source: { handle: DatabaseHandle; env: Record<string, string> };

    before(async () => {
      source = await sharedDatabase(kind);
      assert.ok(await adoptDemoTemplate(source.handle));
    });
    after(async () => {
      await source.handle.close();
      for (const name of names) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      rmSync(dir, { recursive: true, force: true });
    });

    test('a backup taken under writes restores into a fresh database, every table identical', async () => {
      const db = source.handle.db;
      // Two events per transaction, all the while the backup runs: the copy holds whole transactions only.
      let writing = true;
      let written = 0;
      const writer = (async () => {
        while (writing) {
          await db.transaction().execute(async (trx) => {
            for (const half of [1, 2])
              await appendEvent(trx, {
                at: testNow(),
                actor: systemActor('备份测试'),
                agencyId: null,
                entityType: 'backup_test',
                entityId: `w${written}`,
                action: `backup_test.half_${half}`,
              });
          });
          written++;
          await new Promise((r) => setImmediate(r));
        }
      })();
      await new Promise((r) => setTimeout(r, 200));
      const before = written;
      const backup = await gongkai(['backup', file], source.env);
      const during = written - before;
      writing = false;
      await writer;
      assert.equal(backup.code, 0, backup.err);
      assert.equal(backup.out, '', 'nothing on stdout on success');
      assert.ok(during > 0, 'the platform was written to while the backup ran');

      const manifest = manifestOf(file);
      assert.equal(manifest.database, kind);
      assert.equal(manifest.version, 1);
      assert.match(manifest.dataKeyFingerprint, /^[0-9a-f]{16}$/);
      assert.ok(!JSON.stringify(manifest).includes(KEY), 'the key itself is never in the backup');
      assert.ok(manifest.tables.agencies!.rows > 0 && manifest.tables.users!.rows > 0);

      const target = absent('fresh');
      const restore = await gongkai(['restore', file], target.env);
      assert.equal(restore.code, 0, restore.err);
      assert.match(restore.out, /行数与摘要均已核对/);

      const restored = target.open();
      try {
        const digests: TableDigests = await tableDigests(restored.db, kind);
        assert.deepEqual(
          digests,
          manifest.tables,
          'counts and digests of every table as the backup recorded',
        );
        const [mine, theirs] = [await snapshot(restored.db, kind), await snapshot(db, kind)];
        assert.deepEqual([...mine.keys()], [...theirs.keys()], 'the same tables');
        for (const [table, rows] of mine) {
          if (table !== 'events') {
            assert.deepEqual(rows, theirs.get(table), `${table}: the same rows`);
            continue;
          }
          // Events kept being appended: the copy is the source's events up to one moment, in whole transactions.
          assert.deepEqual(rows, theirs.get(table)!.slice(0, rows.length), 'events: a prefix of the source');
          const ours = rows.filter((r) => r.includes('backup_test.half_'));
          assert.equal(ours.length % 2, 0, 'no transaction is cut in half');
          assert.ok(ours.length / 2 >= before && ours.length / 2 <= written);
        }
      } finally {
        await restored.close();
      }
    });

    test('a restore into a migrated, empty database succeeds; into one holding data it is refused, changing nothing', async () => {
      const target = absent('filled');
      if (kind === 'postgres') await adminQuery(adminUrl, `CREATE DATABASE ${names.at(-1)!}`);
      assert.equal((await gongkai(['migrate'], target.env)).code, 0);
      const restore = await gongkai(['restore', file], target.env);
      assert.equal(restore.code, 0, restore.err);
      const handle = target.open();
      try {
        const before = await tableDigests(handle.db, kind);
        const again = await gongkai(['restore', file], target.env);
        assert.equal(again.code, 1);
        assert.match(again.err, /目标数据库中已有数据.*未做任何改动/);
        assert.deepEqual(await tableDigests(handle.db, kind), before);
      } finally {
        await handle.close();
      }
      const live = await gongkai(['restore', file], source.env);
      assert.equal(live.code, 1);
      assert.match(live.err, /目标数据库中已有数据/);
    });

    test('a restore with another data key is refused and creates nothing', async () => {
      const target = absent('otherkey');
      const refused = await gongkai(['restore', file], { ...target.env, DATA_KEY: OTHER_KEY });
      assert.equal(refused.code, 1);
      assert.match(refused.err, /个人信息加密密钥与备份时的不同/);
      if (kind === 'sqlite') assert.equal(existsSync(target.env.SQLITE_PATH!), false);
      else {
        const probe = target.open();
        await assert.rejects(backupStore.tables(probe.db, kind), /does not exist/);
        await probe.close();
      }
    });

    test('a backup of the other database kind, or a file that is no backup, is refused', async () => {
      const other =
        kind === 'sqlite' ? { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' } : absent('kind').env;
      const crossed =
        kind === 'sqlite'
          ? await gongkai(['restore', file], other)
          : await gongkai(['restore', file], { SQLITE_PATH: join(dir, 'kind', 'x.sqlite') });
      assert.equal(crossed.code, 1);
      assert.match(crossed.err, /只支持恢复到同一种数据库/);
      const junk = await gongkai(['restore', join(process.cwd(), 'package.json')], absent('junk').env);
      assert.equal(junk.code, 1);
      assert.match(junk.err, /无法读取备份文件/);
    });
  });
}
