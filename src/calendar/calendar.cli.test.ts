import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { createMemoryCalendarDeps, registerCalendarCommands } from './calendar.cli.js';
import { DomainError } from '../platform/errors.js';

function cli() {
  const out: string[] = [];
  const err: string[] = [];
  const deps = createMemoryCalendarDeps({ out: (l) => out.push(l), err: (l) => err.push(l) });
  const program = new Command().exitOverride();
  program.configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => err.push(s) });
  registerCalendarCommands(program, deps);
  const run = (...args: string[]) => program.parseAsync(['calendar', ...args], { from: 'user' });
  return { out, err, deps, run };
}

const dir = mkdtempSync(join(tmpdir(), 'gongkai-calendar-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

test('is-workday prints true or false', async () => {
  const c = cli();
  await c.run('is-workday', '2025-01-26');
  await c.run('is-workday', '2025-01-28');
  assert.deepEqual(c.out, ['true', 'false']);
  assert.deepEqual(c.err, []);
});

test('add prints the due date; a provisional one warns on stderr', async () => {
  const c = cli();
  await c.run('add', '2025-01-20', '20');
  assert.deepEqual(c.out, ['2025-02-21']);
  assert.deepEqual(c.err, []);
  await c.run('add', '2026-12-30', '3');
  assert.equal(c.out[1], '2027-01-04');
  assert.match(c.err[0] ?? '', /暂定/);
});

test('--region applies the overlay; unverified overlay days only with --include-unconfirmed', async () => {
  const c = cli();
  await c.run('is-workday', '2024-04-11', '--region', '450103');
  await c.run('is-workday', '2024-04-11', '--region', '450103', '--include-unconfirmed');
  await c.run('is-workday', '2024-04-11', '--include-unconfirmed');
  assert.deepEqual(c.out, ['true', 'false', 'true']);
});

test('workdays --json prints every working day of the year', async () => {
  const c = cli();
  await c.run('workdays', '2025', '--json');
  const days = JSON.parse(c.out[0] ?? '') as string[];
  assert.equal(days.length, 248);
  assert.ok(days.includes('2025-01-26') && days.includes('2025-02-08'));
  assert.ok(!days.includes('2025-01-28') && !days.includes('2025-02-09'));
});

test('explain prints the Chinese explanation', async () => {
  const c = cli();
  await c.run('explain', '2025-01-20', '20');
  const text = c.out.join('\n');
  assert.match(text, /2025年1月26日（星期日）：调休上班（春节），计为第5个工作日/);
  assert.match(text, /2025年1月28日（星期二）至2025年2月4日（星期二）：春节放假，不计算/);
  assert.match(text, /2025年2月8日（星期六）：调休上班（春节），计为第10个工作日/);
  assert.match(text, /期限届满日：2025年2月21日（星期五）/);
});

test('import loads a year in the shared holiday-cn format, then add uses it and recomputers run', async () => {
  const c = cli();
  const seen: number[] = [];
  c.deps.recompute.register('依申请公开', async (change) => {
    seen.push(change.year);
    return 3;
  });
  const path = file('2027.json', {
    year: 2027,
    papers: ['https://example.gov.cn/2027'],
    days: [
      { name: '元旦', date: '2027-01-01', isOffDay: true },
      { name: '春节', date: '2027-02-06', isOffDay: false },
    ],
  });
  await c.run('import', path);
  assert.match(c.out[0] ?? '', /已载入2027年放假安排：2天/);
  assert.match(c.out[1] ?? '', /已重新计算依申请公开：3件/);
  assert.deepEqual(seen, [2027]);
  await c.run('add', '2026-12-31', '1');
  assert.equal(c.out.at(-1), '2027-01-04');
  assert.deepEqual(c.err, [], 'no longer provisional');
  await c.run('is-workday', '2027-02-06');
  assert.equal(c.out.at(-1), 'true');
});

test('bad input: a clear Chinese error and nothing changed', async () => {
  const c = cli();
  const refused = async (args: string[], code: string) => {
    await assert.rejects(
      c.run(...args),
      (e) => e instanceof DomainError && e.code === code && /[\u4e00-\u9fff]/.test(e.message),
    );
  };
  await refused(['is-workday', '2025-02-30'], 'calendar.invalid_date');
  await refused(['add', '2025-01-20', '-1'], 'calendar.invalid_count');
  await refused(['add', '2025-01-20', 'abc'], 'calendar.invalid_count');
  await refused(['add', '2025-13-01', '1'], 'calendar.invalid_date');
  await refused(['explain', '2025-01-20', '-5'], 'calendar.invalid_count');
  await refused(['workdays', '25'], 'calendar.invalid_year');
  await refused(['is-workday', '2025-01-20', '--region', 'GX'], 'calendar.invalid_region');
  await refused(['import', join(dir, 'missing.json')], 'calendar.file_unreadable');
  await refused(['import', file('bad.json', '{ not json')], 'calendar.arrangement_invalid');
  await refused(
    [
      'import',
      file('bad-date.json', {
        year: 2027,
        papers: [],
        days: [{ name: 'x', date: '2027-02-30', isOffDay: true }],
      }),
    ],
    'calendar.arrangement_invalid',
  );
  await refused(
    [
      'import',
      file('far.json', { year: 2027, papers: [], days: [{ name: 'x', date: '2030-01-01', isOffDay: true }] }),
    ],
    'calendar.arrangement_invalid',
  );
  await refused(
    [
      'import',
      file('dup.json', {
        year: 2027,
        papers: [],
        days: [
          { name: 'x', date: '2027-01-01', isOffDay: true },
          { name: 'x', date: '2027-01-01', isOffDay: false },
        ],
      }),
    ],
    'calendar.arrangement_invalid',
  );
  assert.equal(c.deps.imported.size, 0);
  assert.deepEqual(c.out, []);
});

test('import replaces a shipped year and reports only the changed days', async () => {
  const c = cli();
  const path = file('2025-fix.json', {
    year: 2025,
    papers: [],
    days: [{ name: '元旦', date: '2025-01-01', isOffDay: true }],
  });
  await c.run('import', path);
  assert.match(c.out[0] ?? '', /已更新2025年放假安排：1天（其中32天有变化）/);
  await c.run('is-workday', '2025-01-28');
  assert.equal(c.out.at(-1), 'true');
});
