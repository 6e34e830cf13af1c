/**
 * Issue 21, a real first day without the demo: a production start on an empty database creates no account and
 * says what to do; `gongkai agency import` (all or nothing, problems by row, parents named later in the file),
 * `gongkai agency add`, then `gongkai user add` for the first platform administrator, who can sign in.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { openDatabase } from '../../src/platform/db/database.js';
import { agenciesStore } from '../../src/access/agencies.store.js';
import { usersStore } from '../../src/access/users.store.js';
import { buildApp } from '../../src/web/app.js';
import { appServices } from '../../src/app/services.js';
import { reviewBodyOf } from '../../src/access/review-body.js';
import { readSheet, writeSheet } from '../../src/sheets/sheet.js';
import { cliSandbox } from '../support/cli.js';
import { testContext } from '../support/context.js';
import { Browser } from '../support/http.js';

const DATA_KEY = 'ef'.repeat(32);
const { dir, dbPath, cli } = cliSandbox('agencies', { DATA_KEY });

async function agencies() {
  const h = openDatabase({ kind: 'sqlite', path: dbPath });
  try {
    return await agenciesStore.all(h.db);
  } finally {
    await h.close();
  }
}

const HEADER = '名称,统一社会信用代码,层级,上级机关,监督机关,复议机关,网址段,公开工作机构,电子邮箱';
/** A county's tree with children before their parent and the supervising office after those it supervises. */
const GOOD = [
  HEADER,
  '固镇县教育局,11340323MB0200002T,部门,固镇县人民政府,固镇县人民政府办公室,,guzhen-jyj,固镇县教育局办公室,',
  '固镇县仲兴乡人民政府,11340323MB04000046,乡镇,11340323003120000Y,固镇县人民政府办公室,,zhongxing,仲兴乡党政办公室,',
  '固镇县人民政府,11340323003120000Y,县,,,蚌埠市人民政府,guzhen,固镇县人民政府办公室,gk@guzhen.example.gov.cn',
  '固镇县人民政府办公室,11340323MB01000015,办公室,固镇县人民政府,,,guzhen-office,固镇县人民政府办公室,',
].join('\n');

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('a production start on an empty database creates no account and says how to make the first ones', async () => {
  const child = spawn(process.execPath, ['bin/gongkai.js', 'serve'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATA_KEY,
      SQLITE_PATH: dbPath,
      DATABASE_URL: '',
      DEMO_DATA: '',
      JOBS_ENABLED: 'false',
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
    },
  });
  let out = '';
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${out}`)), 60_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (!/Gongkai 已启动/.test(out)) return;
        clearTimeout(timer);
        resolve();
      });
      child.once('exit', () => {
        clearTimeout(timer);
        reject(new Error(`exited:\n${out}`));
      });
    });
  } finally {
    child.kill('SIGTERM');
  }
  assert.match(out, /数据库中还没有任何机关和账号/);
  assert.match(out, /gongkai agency import/);
  assert.match(out, /gongkai user add .*--role platform_admin/);
  assert.doesNotMatch(out, /演示账号/);
  assert.deepEqual(await agencies(), []);
  const h = openDatabase({ kind: 'sqlite', path: dbPath });
  try {
    assert.equal(await usersStore.byUsername(h.db, 'admin'), undefined);
  } finally {
    await h.close();
  }
});

test('agency template lists the columns, and reads back as the header', async () => {
  const path = join(dir, '机关.xlsx');
  const r = await cli('agency', 'template', path);
  assert.equal(r.code, 0, r.err);
  assert.ok(existsSync(path));
  const [header] = await readSheet(readFileSync(path), 'xlsx');
  for (const h of ['名称', '统一社会信用代码', '层级', '上级机关', '监督机关', '复议机关', '网址段'])
    assert.ok(header!.includes(h), h);
});

test('a file with row problems stores nothing and lists every problem by row, in Chinese', async () => {
  const bad = file(
    'bad.csv',
    [
      HEADER,
      '固镇县教育局,11340323MB0200002X,部门,固镇县人民政府,,,guzhen-jyj,教育局办公室,',
      '固镇县仲兴乡人民政府,11340323MB04000046,村,固镇县人民政府,,,zhongxing,党政办,',
      '固镇县湖沟镇人民政府,11340323MB0500005U,乡镇,不存在的县,,,hugou,党政办,',
      '固镇县人民政府,11340323003120000Y,县,,,蚌埠市人民政府,guzhen,县政府办公室,',
    ].join('\n'),
  );
  const r = await cli('agency', 'import', bad);
  assert.equal(r.code, 1);
  assert.match(r.err, /导入文件有 \d+ 处问题，未导入任何机关/);
  assert.match(r.err, /第 3 行 层级：“村”不是可用的层级/);
  assert.match(r.err, /第 4 行 上级机关：“不存在的县”在表中和平台中都找不到/);
  assert.deepEqual(await agencies(), []);

  // Rows that pass the file's own checks but one the form refuses (a bad check character, a bad e-mail after
  // others were created in the transaction): still nothing stored.
  const late = file(
    'late.csv',
    [
      HEADER,
      '固镇县人民政府,11340323003120000Y,县,,,蚌埠市人民政府,guzhen,县政府办公室,',
      '固镇县教育局,11340323MB0200002X,部门,固镇县人民政府,,,guzhen-jyj,教育局办公室,',
      '固镇县人民政府办公室,11340323MB01000015,办公室,固镇县人民政府,,,guzhen-office,县政府办公室,不是邮箱',
    ].join('\n'),
  );
  const r2 = await cli('agency', 'import', late);
  assert.equal(r2.code, 1);
  assert.match(r2.err, /第 3 行 统一社会信用代码：/);
  assert.match(r2.err, /第 4 行 电子邮箱：电子邮箱格式不正确/);
  assert.doesNotMatch(r2.err, /row\d|creditCode|office\.email/, 'no English codes');
  assert.deepEqual(await agencies(), []);
});

test('a good file imports the whole tree in one go, parents and supervisors named later in the file', async () => {
  const r = await cli('agency', 'import', file('county.csv', GOOD));
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /已导入机关 4 个/);
  const all = await agencies();
  const by = (name: string) => all.find((a) => a.name === name)!;
  const county = by('固镇县人民政府');
  const office = by('固镇县人民政府办公室');
  assert.equal(county.parentId, null);
  assert.equal(county.reconsiderationBody, '蚌埠市人民政府');
  assert.equal(by('固镇县教育局').parentId, county.id);
  assert.equal(by('固镇县教育局').supervisorId, office.id);
  assert.equal(by('固镇县仲兴乡人民政府').parentId, county.id, 'parent named by credit code');
  assert.equal(by('固镇县仲兴乡人民政府').level, 'township');
  assert.equal(reviewBodyOf(all, by('固镇县仲兴乡人民政府')).name, '固镇县人民政府');
  assert.equal(office.level, 'general_office');

  // The same file again: every row is taken, nothing added.
  const again = await cli('agency', 'import', file('county.csv', GOOD));
  assert.equal(again.code, 1);
  assert.match(again.err, /该统一社会信用代码已属于/);
  assert.equal((await agencies()).length, 4);
});

test('agency add adds one agency under an existing one, and refuses bad input in Chinese', async () => {
  const bad = await cli(
    'agency',
    'add',
    '--name',
    '固镇县湖沟镇人民政府',
    '--credit-code',
    '11340323MB0500005X',
    '--level',
    '乡镇',
    '--parent',
    '固镇县人民政府',
    '--path',
    'hugou',
    '--office',
    '湖沟镇党政办公室',
  );
  assert.equal(bad.code, 1);
  assert.match(bad.err, /机关未新增/);
  assert.match(bad.err, /统一社会信用代码：/);
  assert.equal((await agencies()).length, 4);

  const ok = await cli(
    'agency',
    'add',
    '--name',
    '固镇县湖沟镇人民政府',
    '--credit-code',
    '11340323MB0500005U',
    '--level',
    '乡镇',
    '--parent',
    '固镇县人民政府',
    '--supervisor',
    '固镇县人民政府办公室',
    '--path',
    'hugou',
    '--office',
    '湖沟镇党政办公室',
  );
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.out, /已新增机关 固镇县湖沟镇人民政府/);
  const hugou = (await agencies()).find((a) => a.name === '固镇县湖沟镇人民政府')!;
  assert.equal(hugou.divisionCode, '340323', 'inherited from the county');
});

test('user add makes the first platform administrator, who signs in to the admin', async () => {
  const password = 'Fir5t-Day-Passw0rd';
  const r = await cli(
    'user',
    'add',
    '--username',
    'admin',
    '--name',
    '平台管理员',
    '--agency',
    '固镇县人民政府',
    '--role',
    'platform_admin',
    '--password',
    password,
  );
  assert.equal(r.code, 0, r.err);
  const handle = openDatabase({ kind: 'sqlite', path: dbPath });
  const app = await buildApp(testContext(handle), appServices(), { logger: false });
  try {
    const browser = new Browser(app);
    await browser.login('admin', password);
    const page = await browser.get('/admin/agencies');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /固镇县湖沟镇人民政府/);
  } finally {
    await app.close();
    await handle.close();
  }
});

test('an XLSX file imports like CSV, under an agency already on the platform', async () => {
  const header = HEADER.split(',');
  const path = join(dir, 'more.xlsx');
  // Only the header: nothing to import is a refusal, not an empty success.
  writeFileSync(path, await writeSheet([header], 'xlsx', '机关'));
  const empty = await cli('agency', 'import', path);
  assert.equal(empty.code, 1);
  assert.match(empty.err, /文件中没有机关/);

  const row = [
    '固镇县自然资源和规划局',
    '11340323MB0300003G',
    '部门',
    '固镇县人民政府',
    '固镇县人民政府办公室',
  ];
  writeFileSync(
    path,
    await writeSheet([header, [...row, '', 'guzhen-zrzy', '自然资源和规划局办公室', '']], 'xlsx', '机关'),
  );
  const r = await cli('agency', 'import', path);
  assert.equal(r.code, 0, r.err);
  const all = await agencies();
  const county = all.find((a) => a.name === '固镇县人民政府')!;
  assert.equal(all.find((a) => a.name === row[0])?.parentId, county.id);
});
