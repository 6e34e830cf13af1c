/**
 * `gongkai messages remind` and `gongkai supervision dashboard` through runCli on a temporary SQLite file with
 * the demo data: the reminder job records each level once; the dashboard prints one row per supervised agency;
 * bad input is refused in Chinese.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cliSandbox } from '../support/cli.js';

const { cli } = cliSandbox('supervision');

test('messages remind runs the reminder job; a second run records nothing new', async () => {
  assert.equal((await cli('demo')).code, 0);
  const first = await cli('messages', 'remind');
  assert.equal(first.code, 0);
  const n = Number(/已记录 (\d+) 条提醒/.exec(first.out)?.[1]);
  assert.ok(n > 0, first.out);
  assert.deepEqual(await cli('messages', 'remind'), { code: 0, out: '已记录 0 条提醒。', err: '' });
});

test('supervision dashboard prints a row per supervised agency; bad input is refused', async () => {
  const r = await cli('supervision', 'dashboard', '--agency', '固镇县人民政府办公室', '--year', '2025');
  assert.equal(r.code, 0, r.err);
  const lines = r.out.split('\n');
  assert.match(lines[0]!, /固镇县人民政府办公室 2025年监督数据/);
  assert.equal(lines[1]!.split('\t')[0], '单位');
  const names = lines.slice(2).map((l) => l.split('\t')[0]);
  for (const n of ['固镇县教育局', '固镇县仲兴乡人民政府', '固镇县湖沟镇人民政府'])
    assert.ok(names.includes(n), n);
  assert.ok(!names.includes('安徽省人民政府'));
  const json = JSON.parse(
    (await cli('supervision', 'dashboard', '--agency', '固镇县人民政府办公室', '--year', '2025', '--json'))
      .out,
  );
  assert.equal(json.rows.length, names.length);

  const badYear = await cli('supervision', 'dashboard', '--agency', '固镇县人民政府办公室', '--year', '25');
  assert.equal(badYear.code, 1);
  assert.match(badYear.err, /年度/);
  const unknown = await cli('supervision', 'dashboard', '--agency', '不存在的机关');
  assert.equal(unknown.code, 1);
  assert.match(unknown.err, /未找到机关/);
});
