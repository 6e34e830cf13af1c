/**
 * An agency's notice templates: the office head rewords the reply's editable parts, the DOCX and the printable
 * HTML carry that wording and still every statutory part; bad placeholders are refused and nothing is stored.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import type { AppContext } from '../../src/platform/context.js';
import { requestsStore } from '../../src/requests/requests.store.js';
import { describeEachDatabase } from '../support/db.js';
import { Browser, demoApp } from '../support/http.js';

const application = {
  applicantKind: 'natural',
  name: '王五',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  phone: '13800001234',
  address: '固镇县仲兴乡',
  infoTitle: '仲兴乡应急物资储备清单',
  form: 'electronic',
  delivery: 'online',
  website: '',
};

const custom = {
  opening: '关于您于{收到日期}申请公开“{所需信息}”一事，{机关名称}经认真审查，现答复如下：',
  'decision.withheldStateSecret': '经保密审查，您申请的信息已定密，本乡依法不予公开。',
  closing: '特此答复。',
  contact: '如有疑问，请致电仲兴乡党政办，文号{文号}。',
};

describeEachDatabase('notice templates', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
  });
  after(async () => app.close());

  test('a customised reply template shows in DOCX and HTML with the statutory parts kept', async () => {
    const pub = new Browser(app);
    const sent = await pub.submit('/zhongxing/ysqgk/apply', '/zhongxing/ysqgk/apply', application);
    const code = /receipt\/([2-9A-HJ-NP-Z]{12})/.exec(String(sent.headers.location))![1]!;
    const row = (await requestsStore.byTrackingCode(ctx.db, code))!;
    const agency = (await ctx.db
      .selectFrom('agencies')
      .select(['id', 'name'])
      .where('id', '=', row.agency_id)
      .executeTakeFirst())!;
    const caseUrl = `/admin/requests/${row.id}`;
    const staff = new Browser(app);
    await staff.login('zx-handler');
    const act = (b: Browser, action: string, form: Record<string, string>) =>
      b.submit(
        caseUrl,
        `${caseUrl}/act/${action}`,
        Object.fromEntries(Object.entries(form).map(([k, v]) => [`${action}.${k}`, v])),
      );
    assert.equal((await act(staff, 'accept', {})).statusCode, 303);
    assert.equal((await act(staff, 'draft_reply', { outcome: 'withheldStateSecret' })).statusCode, 303);
    const reviewer = new Browser(app);
    await reviewer.login('zx-reviewer');
    assert.equal((await act(reviewer, 'review_reply', { comment: '同意' })).statusCode, 303);

    const docxText = async () => {
      const res = await staff.get(`${caseUrl}/notices/reply.docx`);
      assert.equal(res.statusCode, 200);
      const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
      return xml.replace(/<[^>]+>/g, '');
    };
    const statutory = (t: string) => {
      assert.match(t, /（依据：《政府信息公开条例》第十四条）/);
      // The township's 复议机关 is derived from the tree (行政复议法 Art. 24 ¶1(二)): the county government.
      assert.match(t, /六十日内向固镇县人民政府申请行政复议/);
      assert.doesNotMatch(t, /六个月内向人民法院提起行政诉讼/, 'a refusal offers no direct lawsuit');
      assert.match(t, /第二十三条的规定，对不予公开政府信息的决定不服的，应当先向固镇县人民政府申请行政复议/);
    };
    // No template yet: the default wording.
    const before = await docxText();
    assert.match(before, /本机关经审查，现答复如下：/);
    assert.match(before, /您申请的政府信息属于国家秘密/);
    assert.doesNotMatch(before, /经认真审查/);
    statutory(before);

    const head = new Browser(app);
    await head.login('zx-head');
    const list = await head.get('/admin/requests/templates');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /答复书/);
    assert.equal((await staff.get('/admin/requests/templates')).statusCode, 403, 'a handler may not edit');
    const formUrl = `/admin/requests/templates/${agency.id}/reply`;
    const form = await head.get(formUrl);
    assert.match(form.body, /\{申请人\}/);
    assert.match(form.body, /默认：您于\{收到日期\}向本机关提出的政府信息公开申请/);

    const stored = async () =>
      (
        await ctx.db
          .selectFrom('request_notice_templates')
          .select('kind')
          .where('agency_id', '=', agency.id)
          .where('kind', '=', 'reply')
          .execute()
      ).length;
    const saves = async () =>
      (
        await ctx.db
          .selectFrom('events')
          .select('id')
          .where('action', '=', 'request.notice_template_saved')
          .where('entity_id', '=', `${agency.id}:reply`)
          .execute()
      ).length;
    const bad = await head.submit(formUrl, formUrl, { ...custom, closing: '请联系{经办人}' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /无法识别的占位符：\{经办人\}/);
    const long = await head.submit(formUrl, formUrl, { ...custom, contact: '长'.repeat(501) });
    assert.equal(long.statusCode, 422);
    assert.match(long.body, /不能超过500字/);
    assert.equal(await stored(), 0, 'nothing stored after refused input');
    assert.equal(await saves(), 0);

    const preview = await head.submit(formUrl, `${formUrl}/preview`, {
      ...custom,
      previewOutcome: 'withheldStateSecret',
    });
    assert.equal(preview.statusCode, 200);
    const previewText = preview.body.replace(/<[^>]+>/g, '');
    assert.match(previewText, /（预览）/);
    assert.match(previewText, /经保密审查，您申请的信息已定密/);
    statutory(previewText);
    assert.equal(await stored(), 0, 'a preview stores nothing');

    assert.equal((await head.submit(formUrl, formUrl, custom)).statusCode, 303);
    assert.equal(await stored(), 1);
    assert.equal(await saves(), 1, 'the save is audited');
    assert.match((await head.get('/admin/requests/templates')).body, /已自定义/);
    const saved = (await head.get(formUrl)).body;
    assert.match(
      saved,
      /<textarea[^>]*name="decision.withheldStateSecret"[^>]*>经保密审查，您申请的信息已定密/,
    );
    assert.match(saved, /答复决定表述（不予公开：属于国家秘密）/);

    const after = await docxText();
    assert.match(
      after,
      new RegExp(`申请公开“${application.infoTitle}”一事，${agency.name}经认真审查，现答复如下：`),
    );
    assert.match(after, /经保密审查，您申请的信息已定密，本乡依法不予公开。（依据：/);
    assert.match(after, /特此答复。/);
    assert.match(after, /文号仲[^。]*依申答〔\d{4}〕\d+号。/);
    assert.doesNotMatch(after, /\{/);
    statutory(after);
    const html = (await staff.get(`${caseUrl}/notices/reply.html`)).body.replace(/<[^>]+>/g, '');
    assert.match(html, /经保密审查，您申请的信息已定密/);
    statutory(html);

    // The demo township's receipt template (demo-requests.ts): its contact line is filled from the agency record.
    const receipt = (await staff.get(`${caseUrl}/notices/receipt.html`)).body.replace(/<[^>]+>/g, '');
    assert.match(receipt, /可凭登记号查询办理进度/);
    assert.match(receipt, /联系电话：[\d-]+；办公地址：\S+。/);
    assert.match(receipt, /第三十三条的规定，本机关将自收到申请之日起20个工作日内予以答复/);

    // 恢复默认: the default wording returns.
    assert.equal((await head.submit(formUrl, `${formUrl}/reset`, {})).statusCode, 303);
    assert.equal(await stored(), 0);
    assert.match(await docxText(), /您申请的政府信息属于国家秘密/);
  });
});
