import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoPlatform } from '../support/e2e.js';
import { assertAccessible, newPage, signIn, switchToElderMode, textOf } from '../support/pages.js';

const platform = demoPlatform();

test('a message is left, transferred and answered within the promise, shown publicly, and rated', async () => {
  const { base } = platform;
  const person = await newPage(platform);
  await person.goto(`${base}/zhongxing/`);
  await person.getByRole('link', { name: '互动交流' }).first().click();
  await person.getByRole('link', { name: '我要留言' }).click();
  await assertAccessible(person);
  // Submitting empty shows the error summary, which passes axe too.
  await person.getByRole('button', { name: '提交留言' }).click();
  assert.match(await textOf(person, '.error-summary'), /请选择留言类型/);
  await assertAccessible(person);
  await person.getByLabel('咨询', { exact: true }).check();
  await person.getByLabel('留言标题', { exact: true }).fill('低保办理流程');
  await person.getByLabel('留言内容', { exact: true }).fill('请问农村低保如何申请，需要哪些材料？');
  await person.getByLabel('姓名', { exact: true }).fill('赵六');
  await person.getByLabel('联系电话', { exact: true }).fill('13600000000');
  await person.getByLabel('公开（不显示您的姓名和联系方式）').check();
  await person.getByRole('button', { name: '提交留言' }).click();
  const receipt = await textOf(person, '.receipt');
  const code = /查询编号：(LY\w+)/.exec(receipt)![1]!;
  const secret = /查询码：(\w+)/.exec(receipt)![1]!;
  await assertAccessible(person);

  const staff = await signIn(platform, 'admin');
  await staff.goto(`${base}/admin/messages`);
  await staff.getByRole('link', { name: '低保办理流程' }).click();
  await staff.getByRole('button', { name: '受理', exact: true }).click();
  await staff.getByLabel('转办单位').selectOption({ label: '固镇县自然资源和规划局' });
  await staff.getByRole('button', { name: '转办', exact: true }).click();
  assert.match(await textOf(staff), /办理单位固镇县自然资源和规划局/);
  await staff.getByLabel('答复内容').fill('请携带户口簿、身份证和收入证明到乡民政办提出申请。');
  await staff.getByRole('button', { name: '提交答复稿' }).click();
  await staff.getByRole('button', { name: '审核通过并答复' }).click();
  const answered = await textOf(staff);
  assert.match(answered, /已答复/);
  assert.match(answered, /用时 0 个工作日/); // answered the day it arrived: within the 3-day promise
  await assertAccessible(staff);

  await person.goto(`${base}/zhongxing/hdjl/`);
  const list = await textOf(person);
  assert.match(list, /低保办理流程/);
  assert.match(list, /受理日期/);
  assert.match(list, /答复日期/);
  assert.match(list, /答复部门固镇县自然资源和规划局/);
  assert.match(list, /请携带户口簿、身份证和收入证明/);
  assert.doesNotMatch(list, /赵六|13600000000/);
  await assertAccessible(person);
  await switchToElderMode(person);
  await assertAccessible(person);
  await person.goto(`${base}/zhongxing/hdjl/new`);
  await assertAccessible(person);
  await person.getByRole('link', { name: '退出长者模式' }).click();
  await person.goto(`${base}/zhongxing/hdjl/`);

  await person.getByRole('link', { name: '查询留言办理情况' }).click();
  await person.getByLabel('查询编号', { exact: true }).fill(code);
  await person.getByLabel('查询码', { exact: true }).fill(secret);
  await person.getByRole('button', { name: '查询' }).click();
  await person.getByLabel('满意', { exact: true }).check();
  await person.getByRole('button', { name: '提交评价' }).click();
  assert.match(await textOf(person), /感谢您的评价/);
  await assertAccessible(person);
  await staff.reload();
  assert.match(await textOf(staff), /留言人评价：满意/);
});

test('unanswered messages show as overdue and over 3 months as critical, for staff and the supervisor', async () => {
  const { base } = platform;
  const handler = await signIn(platform, 'zx-handler');
  await handler.goto(`${base}/admin/messages`);
  const list = await textOf(handler);
  assert.match(list, /建议增设路灯\S*\s*\S*已超期/);
  assert.match(list, /农机购置补贴申请[\s\S]*超过3个月未答复/);
  await assertAccessible(handler);

  const supervisor = await signIn(platform, 'gz-supervisor');
  await supervisor.getByRole('link', { name: '监督保障' }).click();
  assert.match(await textOf(supervisor, '.error-summary'), /1 条留言超过3个月未答复/);
  assert.equal(await supervisor.locator('figure.chart svg[role="img"]').count(), 1);
  // The agency's row in the figures table links to its drill-down page.
  const row = supervisor.locator('tr:has(th a:text-is("固镇县仲兴乡人民政府"))').first();
  assert.ok(((await row.textContent()) ?? '').length > 0);
  await assertAccessible(supervisor);
  await supervisor.getByRole('link', { name: '考核与责任追究' }).click();
  assert.match(await textOf(supervisor, 'h1'), /考核与责任追究/);
  await assertAccessible(supervisor);
});

test('a public rating is submitted and counted', async () => {
  const { base } = platform;
  const person = await newPage(platform);
  await person.goto(`${base}/guzhen-zfb/pingyi/`);
  await person
    .getByRole('link', { name: /社会评议/ })
    .last()
    .click();
  await assertAccessible(person);
  await person.getByLabel('被评议单位').selectOption({ label: '固镇县仲兴乡人民政府' });
  for (const legend of ['公开信息真实准确', '公开信息及时', '公开程序合规', '公开制度落实']) {
    await person.getByRole('group', { name: legend }).getByLabel('很满意').check();
  }
  await person.getByRole('button', { name: '提交评议' }).click();
  assert.match(await textOf(person), /感谢您参加公众评议/);

  const supervisor = await signIn(platform, 'gz-supervisor');
  await supervisor.goto(`${base}/admin/ratings`);
  await supervisor
    .getByRole('link', { name: /社会评议/ })
    .last()
    .click();
  // The demo campaign had 2 public answers for 仲兴乡; this one makes 3.
  assert.match(await textOf(supervisor, 'tr:has(th:text-is("固镇县仲兴乡人民政府"))'), /（3 份）/);
  await assertAccessible(supervisor);
});
