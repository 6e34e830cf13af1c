/**
 * `gongkai supervision scorecard --year N` through the real command line on a temporary SQLite file loaded
 * with the demo: it computes every office's scorecard and records the totals; bad input changes nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../../src/platform/db/database.js';
import { cliSandbox } from '../support/cli.js';

const { dbPath, cli } = cliSandbox('scorecard', { DATA_KEY: 'cd'.repeat(32) });

async function assessments() {
  const h = openDatabase({ kind: 'sqlite', path: dbPath });
  try {
    return await h.db
      .selectFrom('assessments as s')
      .innerJoin('agencies as a', 'a.id', 's.agency_id')
      .select(['a.name', 's.score', 's.grade', 's.year'])
      .execute();
  } finally {
    await h.close();
  }
}

test('computes the year and records each agency’s total; bad input changes nothing', async () => {
  assert.equal((await cli('demo')).code, 0);
  const before = (await assessments()).length;
  const bad = await cli('supervision', 'scorecard', '--year', '25');
  assert.equal(bad.code, 1);
  assert.match(bad.err, /考核年度/);
  const unknown = await cli('supervision', 'scorecard', '--year', '2025', '--office', 'nowhere');
  assert.equal(unknown.code, 1);
  assert.match(unknown.err, /没有网站路径为 nowhere 的主管部门/);
  assert.equal((await assessments()).length, before);

  const r = await cli('supervision', 'scorecard', '--year', '2025');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /2025年度考核（统计至 2025-12-31）/);
  const recorded = (await assessments()).filter((a) => a.year === 2025);
  assert.ok(recorded.length > 0);
  // Every recorded total is printed beside its agency.
  for (const a of recorded) assert.ok(r.out.includes(`\t${a.score}\t`) && r.out.includes(a.name), a.name);
});
