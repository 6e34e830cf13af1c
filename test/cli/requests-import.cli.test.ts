/** `gongkai requests import` through the real command line on a temporary SQLite file. */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { IMPORT_COLUMNS } from '../../src/requests/import/import-columns.js';
import { testContext } from '../support/context.js';
import { makeAgency } from '../support/request-cases.js';
import { cliSandbox } from '../support/cli.js';

const { dir, dbPath, cli } = cliSandbox('requests', {
  DEMO_DATA: 'false',
  DATA_KEY: 'ab'.repeat(32),
  LOG_LEVEL: 'silent',
  JOBS_ENABLED: 'false',
});
let segment = '';

before(async () => {
  const h = openDatabase({ kind: 'sqlite', path: dbPath });
  await migrateToLatest(h.db);
  const id = await makeAgency(testContext(h, { now: () => new Date('2025-06-02T02:00:00Z') }));
  segment = (
    await h.db.selectFrom('agencies').select('path_segment').where('id', '=', id).executeTakeFirstOrThrow()
  ).path_segment;
  await h.close();
});

async function count() {
  const h = openDatabase({ kind: 'sqlite', path: dbPath });
  try {
    const r = await h.db
      .selectFrom('request_cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  } finally {
    await h.close();
  }
}

const row = (id: string) => [
  '当面提交',
  '2025-02-10',
  '自然人',
  '王五',
  '居民身份证',
  id,
  '',
  '',
  '',
  '13800001234',
  '',
  '',
  '',
  '2024年低保名单',
  '',
  '',
  '纸质',
  '自行领取',
  '予以公开',
  '2025-02-20',
];
const csv = (name: string, rows: string[][]) => {
  const path = join(dir, name);
  writeFileSync(path, [IMPORT_COLUMNS.map((c) => c.header), ...rows].map((r) => r.join(',')).join('\n'));
  return path;
};

test('a bad row: every problem listed in Chinese, exit 1, nothing stored', async () => {
  const r = await cli(
    'requests',
    'import',
    csv('bad.csv', [row('11010519491231002X'), row('110105194912310021')]),
    '--agency',
    segment,
    '--quiet',
  );
  assert.equal(r.code, 1);
  assert.match(r.err, /第 3 行「证件号码」：居民身份证号码校验位不正确/);
  assert.match(r.err, /错误：导入文件中有 1 处错误，未导入任何案件/);
  assert.equal(await count(), 0);
  const missing = await cli('requests', 'import', join(dir, 'none.csv'), '--agency', segment);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /无法读取文件/);
});

test('a good file is imported', async () => {
  const r = await cli(
    'requests',
    'import',
    csv('good.csv', [row('11010519491231002X'), row('11010519491231002X')]),
    '--agency',
    segment,
    '--quiet',
  );
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, '已导入 2 件申请。');
  assert.equal(await count(), 2);
});
