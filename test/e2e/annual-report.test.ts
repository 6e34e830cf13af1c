/**
 * The annual report walkthrough in Chromium (issue 9 "Done when"): staff open the demo township's 2025 report,
 * see a failing check after a figure is broken, fix it, write the narrative from the draft, submit; the
 * supervisor returns it with a comment, then accepts it; it is published; the public page shows real tables and
 * passes axe (normal and elder mode); the DOCX downloads and is parsed back; a re-issue keeps version 1 visible.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import { agenciesStore } from '../../src/access/agencies.store.js';
import { demoPlatform } from '../support/e2e.js';
import { assertAccessible, newPage, signIn, switchToElderMode, textOf } from '../support/pages.js';

const platform = demoPlatform();

test('write, check, submit, return, accept, publish and re-issue the 2025 report', async () => {
  const { base, ctx } = platform;
  const township = (await agenciesStore.byPathSegment(ctx.db, 'zhongxing'))!;
  const staff = await signIn(platform, 'zx-admin');
  await staff.getByRole('link', { name: '年报编写与报送' }).click();
  await staff.getByRole('link', { name: '固镇县仲兴乡人民政府' }).click();
  assert.equal(await staff.locator('#report-status').textContent(), '草稿');
  await assertAccessible(staff);
  const reportUrl = staff.url();

  // Break a figure on the table 二 entry screen (blank 行政处罚 decisions), see the check fail, restore it.
  const figures = `${base}/admin/reports/${township.id}/2025/article20`;
  await staff.goto(figures);
  const penalty = staff.locator('#f-v-t2-r6-penalty-decisions');
  const original = await penalty.inputValue();
  await penalty.fill('');
  await staff.getByRole('button', { name: '保存', exact: true }).click();
  await staff.goto(reportUrl);
  assert.match(await textOf(staff, '#failed-checks'), /错误/);
  await staff.goto(figures);
  await staff.locator('#f-v-t2-r6-penalty-decisions').fill(original);
  await staff.getByRole('button', { name: '保存', exact: true }).click();
  await staff.goto(reportUrl);
  assert.equal(await staff.locator('#failed-checks').count(), 0);

  // Write the narrative from the draft: replace every 【待填写】 marker.
  for (const area of await staff.locator('textarea[name^="s"]').all()) {
    const text = await area.inputValue();
    await area.fill(text.replace(/【待填写[^】]*】/g, '本年度已按要求落实。'));
  }
  await staff.getByRole('button', { name: '保存正文' }).click();
  await staff.getByRole('button', { name: '报送主管部门' }).click();
  assert.equal(await staff.locator('#report-status').textContent(), '已报送');

  const supervisor = await signIn(platform, 'gz-supervisor');
  await supervisor.goto(`${base}/admin/annual-reports?year=2025`);
  await assertAccessible(supervisor);
  await supervisor.getByRole('link', { name: '固镇县仲兴乡人民政府' }).click();
  await supervisor.getByLabel('退回修改意见').fill('请在监督保障部分写明考核结果。');
  await supervisor.getByRole('button', { name: '退回修改' }).click();
  assert.equal(await supervisor.locator('#report-status').textContent(), '已退回修改');

  await staff.goto(reportUrl);
  assert.equal(await staff.locator('#return-comment').textContent(), '请在监督保障部分写明考核结果。');
  await staff
    .getByLabel(/（五）监督保障/)
    .fill('本年度政府信息公开工作纳入年度考核，考核结果为优秀；未发生责任追究情形。');
  await staff.getByRole('button', { name: '保存正文' }).click();
  await staff.getByRole('button', { name: '报送主管部门' }).click();

  await supervisor.reload();
  await supervisor.getByRole('button', { name: '审核通过' }).click();
  assert.equal(await supervisor.locator('#report-status').textContent(), '已审核通过');

  await staff.goto(reportUrl);
  await staff.getByRole('button', { name: '公开年报' }).click();
  assert.equal(await staff.locator('#report-status').textContent(), '已公开');

  // The public page: real tables, axe in normal and elder mode.
  const reader = await newPage(platform, { acceptDownloads: true });
  await reader.goto(`${base}/zhongxing/`);
  await reader.getByRole('link', { name: '政府信息公开年报' }).click();
  await reader.getByRole('link', { name: /2025年政府信息公开工作年度报告/ }).click();
  assert.equal(await reader.locator('table.report-table').count(), 3);
  assert.equal(await reader.locator('img').count(), 0);
  assert.match(await textOf(reader), /考核结果为优秀/);
  await assertAccessible(reader);
  await switchToElderMode(reader);
  await assertAccessible(reader);

  const [download] = await Promise.all([
    reader.waitForEvent('download'),
    reader.getByRole('link', { name: 'Word 文档' }).click(),
  ]);
  const { value } = await mammoth.extractRawText({ buffer: await readFile(await download.path()) });
  assert.match(value, /固镇县仲兴乡人民政府2025年政府信息公开工作年度报告/);
  assert.match(value, /考核结果为优秀/);

  // Re-issue: reopen with a reason, correct, go through the supervisor again, publish version 2.
  await staff.getByLabel(/更正理由/).fill('更正第六部分的文字错误');
  await staff.getByRole('button', { name: '更正重发' }).click();
  await staff.getByLabel(/（二）其他事项/).fill('本报告数据统计期限为2025年1月1日至12月31日。');
  await staff.getByRole('button', { name: '保存正文' }).click();
  await staff.getByRole('button', { name: '报送主管部门' }).click();
  await supervisor.reload();
  await supervisor.getByRole('button', { name: '审核通过' }).click();
  await staff.reload();
  await staff.getByRole('button', { name: '公开年报' }).click();

  await reader.goto(`${base}/zhongxing/xxgk/ndbg/2025`);
  const history = await textOf(reader, '#versions + table');
  assert.match(history, /更正重发：更正第六部分的文字错误/);
  assert.match(await textOf(reader, '#corrections + p + p'), /六（二）其他事项/);
  await reader.getByRole('link', { name: '第 1 版' }).click();
  assert.match(await textOf(reader), /这是第 1 版，已被更正/);
  await assertAccessible(reader);
});
