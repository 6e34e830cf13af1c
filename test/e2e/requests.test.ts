/**
 * The "Done when": a member of the public applies online; a handler requests clarification; the
 * applicant supplies it online; a third party is consulted; the office head approves an extension; the reply
 * (部分公开) is reviewed and sent; the applicant sees status, due-date explanation and reply; the DOCX notices
 * download and are parsed back, and open as printable HTML in the official layout. A second applicant withdraws
 * online. axe checks every public page and the printable notice on the way.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { agenciesStore } from '../../src/access/agencies.store.js';
import { dayNumber, formatDateZh, isoDateOf } from '../../src/calendar/dates.js';
import { legalToday } from '../../src/calendar/legal-day.js';
import { remedyWindows } from '../../src/calendar/remedies.js';
import { systemActor } from '../../src/platform/actor.js';
import { acceptApplication } from '../../src/requests/actions/accept-application.js';
import { draftReply } from '../../src/requests/actions/draft-reply.js';
import { registerApplication } from '../../src/requests/actions/register-application.js';
import { reviewReply } from '../../src/requests/actions/review-reply.js';
import { sendReply } from '../../src/requests/actions/send-reply.js';
import { calendarFor } from '../../src/requests/calendar-for.js';
import { requestsStore } from '../../src/requests/requests.store.js';
import { demoPlatform } from '../support/e2e.js';
import { assertAccessible, newPage, signIn, switchToElderMode, textOf } from '../support/pages.js';

const platform = demoPlatform();

/** Opens an action's form on the case page, fills it and submits it. */
async function act(page: Page, caseUrl: string, action: string, label: string, fill: Record<string, string>) {
  await page.goto(caseUrl);
  const form = page.locator(`form[action$="/act/${action}"]`);
  await page.locator('summary', { hasText: label }).first().click();
  for (const [field, value] of Object.entries(fill)) {
    const input = form.locator(`[name="${action}.${field}"]`);
    if ((await input.evaluate((el) => el.tagName)) === 'SELECT') await input.selectOption(value);
    else await input.fill(value);
  }
  await form.getByRole('button').click();
  await page.waitForURL(/done=/);
}

async function status(page: Page, code: string) {
  await page.goto(`${platform.base}/zhongxing/ysqgk/status`);
  await page.getByLabel('查询码').fill(code);
  await page.getByLabel('联系电话后 4 位').fill('1234');
  await page.getByRole('button', { name: '查询' }).click();
}

test('an application from the online form to the archived 部分公开 reply', async () => {
  const { base, ctx } = platform;
  const pub = await newPage(platform);
  await pub.goto(`${base}/zhongxing/`);
  await pub.getByRole('link', { name: '依申请公开' }).first().click();
  await assertAccessible(pub);
  // An error first: the summary links to the field.
  await pub.getByRole('button', { name: '提交申请' }).click();
  assert.match(await textOf(pub, '.error-summary'), /请填写申请人姓名/);
  await assertAccessible(pub);
  await pub.getByLabel('自然人', { exact: true }).check();
  await pub.getByLabel('申请人姓名或名称').fill('张三');
  await pub.getByLabel('身份证件号码').fill('11010519491231002X');
  await pub.getByLabel('联系电话', { exact: true }).fill('13800001234');
  await pub.getByLabel('政府信息名称').fill('2024年仲兴乡农村道路建设项目资金使用情况');
  await pub.getByLabel('电子', { exact: true }).check();
  await pub.getByLabel('网上获取', { exact: true }).check();
  await pub.getByRole('button', { name: '提交申请' }).click();
  await pub.waitForURL(/\/ysqgk\/receipt\//);
  const code = (await pub.locator('dd strong').textContent())!.trim();
  assert.match(code, /^[2-9A-HJ-NP-Z]{12}$/);
  await assertAccessible(pub);
  const caseUrl = `${base}/admin/requests/${(await requestsStore.byTrackingCode(ctx.db, code))!.id}`;

  const handler = await signIn(platform, 'zx-handler');
  await act(handler, caseUrl, 'request_clarification', '告知补正', {
    items: '请说明具体是哪一条道路',
    deadline: '2099-12-31',
  });

  await status(pub, code);
  assert.match(await textOf(pub), /请说明具体是哪一条道路/);
  await assertAccessible(pub);
  await pub.getByLabel('补正内容').fill('仲兴乡至濠城道路');
  await pub.getByRole('button', { name: '提交补正' }).click();
  assert.match(await textOf(pub, '.notice'), /补正内容已提交/);

  await act(handler, caseUrl, 'start_consultation', '征求意见', {
    party: 'third_party',
    consulted: '某建设公司',
  });
  await act(handler, caseUrl, 'end_consultation', '收到意见', {
    opinion: '合同单价涉及商业秘密，不同意公开',
  });
  const head = await signIn(platform, 'zx-head');
  await act(head, caseUrl, 'approve_extension', '批准延期答复', {
    days: '10',
    reason: '涉及第三方权益，需进一步核实',
  });
  await act(handler, caseUrl, 'draft_reply', '拟写答复', {
    outcome: 'partlyDisclosed',
    text: '现提供项目资金拨付情况表。',
    withheldParts: '合同单价属于第三方商业秘密（条例第十五条），不予公开。',
  });
  const reviewer = await signIn(platform, 'zx-reviewer');
  await act(reviewer, caseUrl, 'review_reply', '审核通过', { comment: '经保密审查，同意' });
  await act(handler, caseUrl, 'send_reply', '答复并送达', { method: 'online', proof: '网上送达' });

  await status(pub, code);
  const main = await textOf(pub);
  assert.match(main, /已答复/);
  assert.match(main, /第三十三条/); // the due-date explanation
  assert.match(main, /征求第三方意见/);
  assert.match(main, /区分处理|部分/);
  assert.match(main, /固镇县人民政府/);
  assert.match(main, /行政复议法》第二十三条/);
  // A 部分公开 withholds a part: 复议 first before the derived 复议机关 (the county government), no direct lawsuit.
  assert.match(main, /应当先向固镇县人民政府申请行政复议/);
  assert.doesNotMatch(main, /六个月内向人民法院提起行政诉讼/);
  assert.doesNotMatch(main, /11010519491231002X|13800001234/);
  await assertAccessible(pub);
  await switchToElderMode(pub);
  await status(pub, code);
  await assertAccessible(pub);

  await handler.goto(caseUrl);
  for (const name of ['受理回执', '补正告知书', '延期答复告知书', '答复书']) {
    const [download] = await Promise.all([
      handler.waitForEvent('download'),
      handler.getByRole('link', { name: new RegExp(`^${name}`) }).click(),
    ]);
    const bytes = Buffer.concat(await (await download.createReadStream()).toArray());
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/, name);
    assert.match(xml, /仿宋_GB2312/);
    assert.match(
      xml.replace(/<[^>]+>/g, ''),
      new RegExp(name === '答复书' ? '政府信息公开申请答复书' : name),
    );
  }

  // Every notice also opens as printable HTML beside its DOCX, in the GB/T 9704 print geometry.
  await handler.goto(caseUrl);
  const docxLinks = await handler.getByRole('link', { name: /（DOCX）$/ }).count();
  assert.equal(await handler.getByRole('link', { name: '打印版（HTML）' }).count(), docxLinks);
  await handler
    .getByRole('listitem')
    .filter({ hasText: '征求意见书（第三方：某建设公司）' })
    .getByRole('link', { name: '打印版（HTML）' })
    .click();
  assert.match(await textOf(handler, 'h1'), /政府信息公开征求第三方意见书/);
  assert.match(await textOf(handler), /某建设公司：.*15个工作日内提出书面意见/s);
  await assertAccessible(handler);
  await handler.emulateMedia({ media: 'print' });
  const body = await handler
    .locator('main p')
    .nth(2)
    .evaluate((el) => getComputedStyle(el).fontSize);
  const title = await handler.locator('h1').evaluate((el) => getComputedStyle(el).fontSize);
  assert.equal(Math.round(Number.parseFloat(body) * 0.75), 16, '3号 = 16 pt');
  assert.equal(Math.round(Number.parseFloat(title) * 0.75), 22, '2号 = 22 pt');
  assert.equal(await handler.locator('nav.toolbar').isVisible(), false, 'the toolbar is not printed');
});

test('an applicant withdraws online after confirming', async () => {
  const { base, ctx } = platform;
  const pub = await newPage(platform);
  await pub.goto(`${base}/zhongxing/ysqgk/apply`);
  await pub.getByLabel('申请人姓名或名称').fill('李四');
  await pub.getByLabel('身份证件号码').fill('11010519491231002X');
  await pub.getByLabel('联系电话', { exact: true }).fill('13900001234');
  await pub.getByLabel('政府信息名称').fill('仲兴乡2026年防汛物资清单');
  await pub.getByLabel('电子', { exact: true }).check();
  await pub.getByLabel('网上获取', { exact: true }).check();
  await pub.getByRole('button', { name: '提交申请' }).click();
  await pub.waitForURL(/\/ysqgk\/receipt\//);
  const code = (await pub.locator('dd strong').textContent())!.trim();
  await status(pub, code);
  await pub.getByRole('button', { name: '撤回申请' }).click();
  assert.match(await textOf(pub, 'h1'), /确认撤回申请/);
  await assertAccessible(pub);
  await pub.getByLabel('撤回原因（选填）').fill('已通过其他途径获得');
  await pub.getByRole('button', { name: '确认撤回申请' }).click();
  assert.match(await textOf(pub, '.notice'), /您的申请已撤回/);
  assert.match(await textOf(pub), /已终止办理/);
  await assertAccessible(pub);
  assert.equal((await requestsStore.byTrackingCode(ctx.db, code))!.outcome, 'withdrawn');

  // Above the volume threshold the form asks a labelled text question; axe in normal and elder mode.
  const threshold = ctx.config.requestChallengeThreshold;
  ctx.config.requestChallengeThreshold = 0;
  try {
    await pub.goto(`${base}/zhongxing/ysqgk/apply`);
    await pub.getByLabel(/^验证问题：.加.等于几？$/).fill('0');
    await assertAccessible(pub);
    await switchToElderMode(pub);
    await pub.goto(`${base}/zhongxing/ysqgk/apply`);
    await assertAccessible(pub);
  } finally {
    ctx.config.requestChallengeThreshold = threshold;
  }
});

test('登记送达: a posted reply counts as received on the presumed day until staff record the signed-for day', async () => {
  const { base, ctx } = platform;
  // A reply posted today (the tests' clock): in person, accepted, replied by post.
  const agency = (await agenciesStore.all(ctx.db)).find((a) => a.pathSegment === 'zhongxing')!;
  const today = legalToday(ctx);
  const actor = systemActor('仲兴乡党政办');
  const { caseId } = await registerApplication(ctx, actor, agency.id, {
    applicantKind: 'natural',
    name: '王五',
    idType: 'resident_id',
    idNumber: '11010519491231002X',
    phone: '13700001234',
    address: '固镇县仲兴乡某村',
    infoTitle: '仲兴乡2026年道路养护经费',
    form: 'paper',
    delivery: 'post',
    channel: 'in_person',
    submittedOn: today,
  });
  await acceptApplication(ctx, actor, { caseId });
  await draftReply(ctx, actor, { caseId, outcome: 'disclosed', text: '现提供道路养护经费明细。' });
  await reviewReply(ctx, actor, { caseId });
  await sendReply(ctx, actor, { caseId, method: 'post', proof: '挂号信' });
  const cal = await calendarFor(ctx, agency);
  const presumed = isoDateOf(cal.addN(dayNumber(today), agency.deliveryMarginDays));
  const code = (await requestsStore.byId(ctx.db, caseId))!.tracking_code;
  const caseUrl = `${base}/admin/requests/${caseId}`;

  // Until a day is recorded the status page says the presumption it counts from.
  const pub = await newPage(platform);
  await status(pub, code);
  assert.match(
    await textOf(pub),
    new RegExp(`收到之日为${formatDateZh(presumed, false)}（按推定送达日计算：邮寄送达推定`),
  );

  const handler = await signIn(platform, 'zx-handler');
  await handler.goto(caseUrl);
  const row = () => handler.getByRole('row').filter({ hasText: '答复书' });
  assert.match(
    await textOf(row(), 'td:nth-child(4)'),
    new RegExp(`${formatDateZh(presumed, false)}\\s*推定`),
  );
  assert.match(await textOf(row(), 'td:nth-child(4)'), /邮寄送达推定发出后第3个工作日收到/);

  // A day after today is refused with the reason, and nothing is recorded.
  const form = handler.locator('form[action$="/act/record_delivery"]');
  await handler.locator('summary', { hasText: '登记送达' }).click();
  await form.locator('[name="record_delivery.notice"]').selectOption('replied');
  await form.locator('[name="record_delivery.method"]').selectOption('post');
  await form.locator('[name="record_delivery.receivedOn"]').fill(isoDateOf(dayNumber(today) + 1));
  await form.getByRole('button', { name: '登记送达' }).click();
  assert.match(await textOf(handler, '.error-summary'), /收到日期不能晚于今天/);
  await assertAccessible(handler);

  await act(handler, caseUrl, 'record_delivery', '登记送达', {
    notice: 'replied',
    method: 'post',
    receivedOn: today,
    proof: '挂号信回执',
  });
  assert.match(await textOf(handler, 'p.notice[role="status"]'), /已登记送达/);
  assert.match(await textOf(row(), 'td:nth-child(4)'), new RegExp(`${formatDateZh(today, false)}\\s*已确定`));
  assert.match(await textOf(handler), /登记送达：答复书（邮寄），申请人于/);
  await assertAccessible(handler);

  // The applicant's status page counts the remedies from the recorded day.
  await status(pub, code);
  const main = await textOf(pub);
  const lastDay = remedyWindows(cal, { knownOn: today }).reconsideration.lastDay;
  assert.match(main, new RegExp(`收到之日为${formatDateZh(today, false)}（已登记申请人收到之日，邮寄）`));
  assert.match(main, new RegExp(`申请行政复议（截止${formatDateZh(lastDay, false)}）`));
  assert.doesNotMatch(main, /按推定送达日计算/);
  await assertAccessible(pub);
});
