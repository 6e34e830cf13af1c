/**
 * The CLI contract through the real command line (`runCli`, and once the `bin/gongkai.js` binary),
 * on a temporary SQLite file: `import` persists with an event, later commands use it, bad input changes nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openDatabase } from '../../src/platform/db/database.js';
import { cliSandbox } from '../support/cli.js';

const { dir, dbPath, cli } = cliSandbox('calendar');

async function stored() {
  const h = openDatabase({ kind: 'sqlite', path: dbPath });
  try {
    const rows = await h.db.selectFrom('calendar_years').select(['year', 'version']).execute();
    const events = await h.db
      .selectFrom('events')
      .select('action')
      .where('action', '=', 'calendar.arrangement_saved')
      .execute();
    return { rows: rows.length, events: events.length };
  } finally {
    await h.close();
  }
}

const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

test('the read-only commands of the contract', async () => {
  assert.deepEqual(await cli('calendar', 'is-workday', '2025-01-26'), { code: 0, out: 'true', err: '' });
  assert.deepEqual(await cli('calendar', 'add', '2025-01-20', '20'), { code: 0, out: '2025-02-21', err: '' });
  const provisional = await cli('calendar', 'add', '2027-03-01', '5');
  assert.equal(provisional.out, '2027-03-08');
  assert.match(provisional.err, /暂定/);
  const days = JSON.parse((await cli('calendar', 'workdays', '2025', '--json')).out) as string[];
  assert.equal(days.length, 248);
  assert.ok(days.includes('2025-01-26') && !days.includes('2025-01-28'));
  const explained = await cli('calendar', 'explain', '2025-01-20', '20');
  assert.match(explained.out, /2025年1月26日（星期日）：调休上班（春节），计为第5个工作日/);
  assert.match(explained.out, /期限届满日：2025年2月21日（星期五）/);
});

test('bad input: a Chinese error, a non-zero exit, nothing stored', async () => {
  const bad = [
    ['calendar', 'is-workday', '2025-02-30'],
    ['calendar', 'add', '2025-01-20', '-1'],
    ['calendar', 'explain', '2025-01-20', 'x'],
    ['calendar', 'import', join(dir, 'missing.json')],
    ['calendar', 'import', file('bad.json', '{ not json')],
    [
      'calendar',
      'import',
      file('bad-date.json', {
        year: 2027,
        papers: [],
        days: [{ name: 'x', date: '2027-02-30', isOffDay: true }],
      }),
    ],
  ];
  for (const args of bad) {
    const r = await cli(...args);
    assert.equal(r.code, 1, args.join(' '));
    assert.match(r.err, /^错误：.*[\u4e00-\u9fff]/, args.join(' '));
    assert.equal(r.out, '');
  }
  assert.deepEqual(await stored(), { rows: 0, events: 0 });
});

test('import persists a year with an event; later add uses it; the shared dataset format loads', async () => {
  const path = file('2027.json', {
    year: 2027,
    papers: ['https://example.gov.cn/2027'],
    days: [
      { name: '元旦', date: '2027-01-01', isOffDay: true },
      { name: '春节', date: '2027-02-06', isOffDay: false },
    ],
  });
  const r = await cli('calendar', 'import', path);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /已载入2027年放假安排：2天（其中2天有变化）/);
  assert.deepEqual(await stored(), { rows: 1, events: 1 });
  // 2026-12-31 is a Thursday; 2027-01-01 (Friday) is now a holiday, so the next working day is Monday the 4th.
  assert.deepEqual(await cli('calendar', 'add', '2026-12-31', '1'), { code: 0, out: '2027-01-04', err: '' });
  assert.equal((await cli('calendar', 'is-workday', '2027-02-06')).out, 'true');

  const shared = await cli(
    'calendar',
    'import',
    fileURLToPath(new URL('../fixtures/holidays/2024.json', import.meta.url)),
  );
  assert.equal(shared.code, 0);
  assert.match(shared.out, /已更新2024年放假安排/);
  assert.deepEqual(await stored(), { rows: 2, events: 2 });
});

test('import loads one year of a regional overlay; agencies of that province use it', async () => {
  const path = file('gx-2027.json', {
    format: 'gongkai.holiday-arrangement/1',
    region: '450000',
    regionName: '广西壮族自治区',
    source: 'test',
    notices: [{ title: '关于2027年“壮族三月三”放假的通知' }],
    days: [{ date: '2027-04-09', kind: 'off', name: '壮族三月三', confirmed: true }],
  });
  const r = await cli('calendar', 'import', path);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /已载入广西壮族自治区（450000）2027年地方节假日安排：1天（其中1天有变化）/);
  // 2027-04-09 is a Friday.
  assert.equal((await cli('calendar', 'is-workday', '2027-04-09', '--region', '450103')).out, 'false');
  assert.equal((await cli('calendar', 'is-workday', '2027-04-09')).out, 'true');
  const spanning = file('gx-bad.json', {
    format: 'gongkai.holiday-arrangement/1',
    region: '450000',
    regionName: '广西壮族自治区',
    source: 'test',
    notices: [],
    days: [
      { date: '2027-04-09', kind: 'off', name: 'a' },
      { date: '2028-03-28', kind: 'off', name: 'b' },
    ],
  });
  const before = await stored();
  const bad = await cli('calendar', 'import', spanning);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /同一年度/);
  assert.deepEqual(await stored(), before);
});

test('the gongkai binary answers the contract', async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['bin/gongkai.js', 'calendar', 'add', '2025-01-20', '20'],
    {
      env: { ...process.env, SQLITE_PATH: dbPath, DATABASE_URL: '' },
    },
  );
  assert.equal(stdout.trim(), '2025-02-21');
});
