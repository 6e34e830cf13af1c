import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import type { AppContext } from '../../src/platform/context.js';
import { GEOMETRY } from '../../src/requests/notices/notice-docx.js';
import { requestsStore } from '../../src/requests/requests.store.js';
import { describeEachDatabase } from '../support/db.js';
import { Browser, demoApp } from '../support/http.js';

const application = {
  applicantKind: 'natural',
  name: '张三',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  phone: '13800001234',
  address: '固镇县仲兴乡',
  infoTitle: '2024年仲兴乡农村道路建设项目资金使用情况',
  form: 'electronic',
  delivery: 'online',
  website: '',
};

describeEachDatabase('依申请公开 over HTTP', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
  });
  after(async () => app.close());
  const cases = async () =>
    Number(
      (
        await ctx.db
          .selectFrom('request_cases')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  test('bad input and the honeypot are refused in Chinese; nothing is stored', async () => {
    const before = await cases();
    const b = new Browser(app);
    const page = await b.get('/zhongxing/ysqgk/apply');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /政府信息公开申请/);
    const bad = await b.submit('/zhongxing/ysqgk/apply', '/zhongxing/ysqgk/apply', {
      ...application,
      idNumber: '110105194912310021',
      form: '',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /class="error-summary"/);
    assert.match(bad.body, /href="#f-idNumber">居民身份证号码校验位不正确/);
    assert.match(bad.body, /value="张三"/, 'the form keeps what was typed');
    const bot = await b.submit('/zhongxing/ysqgk/apply', '/zhongxing/ysqgk/apply', {
      ...application,
      website: 'x',
    });
    assert.equal(bot.statusCode, 400);
    const noCsrf = await b.post('/zhongxing/ysqgk/apply', application);
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(await cases(), before);
  });

  test('apply online, clarify online, extension, 部分公开 reviewed and sent, notices as DOCX', async () => {
    const pub = new Browser(app);
    const sent = await pub.submit('/zhongxing/ysqgk/apply', '/zhongxing/ysqgk/apply', application);
    assert.equal(sent.statusCode, 303);
    const receipt = await pub.get(String(sent.headers.location));
    const code = /<strong>([2-9A-HJ-NP-Z]{12})<\/strong>/.exec(receipt.body)![1]!;
    assert.doesNotMatch(receipt.body, /11010519491231002X|13800001234/);

    const wrong = await pub.submit('/zhongxing/ysqgk/status', '/zhongxing/ysqgk/status', {
      trackingCode: code,
      last4: '0000',
    });
    assert.equal(wrong.statusCode, 422);
    const status = await pub.submit('/zhongxing/ysqgk/status', '/zhongxing/ysqgk/status', {
      trackingCode: code,
      last4: '1234',
    });
    assert.match(status.body, /已登记/);
    assert.match(status.body, /第三十三条/);

    const staff = new Browser(app);
    await staff.login('zx-handler');
    const row = (await requestsStore.byTrackingCode(ctx.db, code))!;
    const queue = await staff.get('/admin/requests?queue=mine');
    assert.doesNotMatch(queue.body, new RegExp(row.id), 'online cases have no assignee yet');
    const all = await staff.get('/admin/requests');
    const caseUrl = `/admin/requests/${row.id}`;
    assert.match(all.body, new RegExp(caseUrl));
    const overdue = await staff.get('/admin/requests?queue=overdue');
    assert.match(overdue.body, /逾期/, 'the demo cases still open from 2025 are overdue');
    const act = (b: Browser, action: string, form: Record<string, string>) =>
      b.submit(
        caseUrl,
        `${caseUrl}/act/${action}`,
        Object.fromEntries(Object.entries(form).map(([k, v]) => [`${action}.${k}`, v])),
      );
    const missing = await act(staff, 'request_clarification', { items: '' });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /请填写需要补正的事项/);
    assert.equal(
      (await act(staff, 'request_clarification', { items: '请说明具体项目', deadline: '2099-12-31' }))
        .statusCode,
      303,
    );

    const pending = await pub.submit('/zhongxing/ysqgk/status', '/zhongxing/ysqgk/status', {
      trackingCode: code,
      last4: '1234',
    });
    assert.match(pending.body, /请说明具体项目/);
    const clarified = await pub.submit('/zhongxing/ysqgk/status', '/zhongxing/ysqgk/status/clarify', {
      trackingCode: code,
      last4: '1234',
      text: '仲兴乡至濠城道路',
    });
    assert.match(clarified.body, /补正内容已提交/);

    assert.equal((await act(staff, 'approve_extension', { days: '10', reason: '需核实' })).statusCode, 403);
    const head = new Browser(app);
    await head.login('zx-head');
    assert.equal(
      (await act(head, 'approve_extension', { days: '10', reason: '涉及第三方' })).statusCode,
      303,
    );
    assert.equal(
      (
        await act(staff, 'draft_reply', {
          outcome: 'partlyDisclosed',
          text: '现提供资金拨付表。',
          withheldParts: '合同单价属商业秘密',
        })
      ).statusCode,
      303,
    );
    const reviewer = new Browser(app);
    await reviewer.login('zx-reviewer');
    assert.equal((await act(reviewer, 'review_reply', { comment: '同意' })).statusCode, 303);
    assert.equal((await act(staff, 'send_reply', { method: 'online', proof: '网上送达' })).statusCode, 303);

    const done = await pub.submit('/zhongxing/ysqgk/status', '/zhongxing/ysqgk/status', {
      trackingCode: code,
      last4: '1234',
    });
    assert.match(done.body, /已答复/);
    assert.match(done.body, /行政复议法》第二十三条/);
    assert.doesNotMatch(done.body, /11010519491231002X/);

    const viewsBefore = (
      await ctx.db
        .selectFrom('events')
        .select('id')
        .where('action', '=', 'request.personal_data_viewed')
        .execute()
    ).length;
    const details = await staff.get(`${caseUrl}/applicant`);
    assert.match(details.body, /身份证件号码<\/dt><dd>11010519491231002X/);
    const viewsAfter = (
      await ctx.db
        .selectFrom('events')
        .select('id')
        .where('action', '=', 'request.personal_data_viewed')
        .execute()
    ).length;
    assert.equal(viewsAfter, viewsBefore + 1, 'every view of personal data is an audit event');
    assert.doesNotMatch(
      (await staff.get(caseUrl)).body,
      /11010519491231002X/,
      'the case page shows it masked',
    );

    for (const kind of ['receipt', 'clarification', 'extension', 'reply']) {
      const res = await staff.get(`${caseUrl}/notices/${kind}.docx`);
      assert.equal(res.statusCode, 200, kind);
      const zip = await JSZip.loadAsync(res.rawPayload);
      const xml = await zip.file('word/document.xml')!.async('string');
      assert.match(xml, new RegExp(`<w:pgSz w:w="${GEOMETRY.pageWidth}" w:h="${GEOMETRY.pageHeight}"`));
      assert.equal(GEOMETRY.pageWidth, 11906); // A4 in twips
      assert.match(xml, /w:top="2098"[^>]*w:right="1474"[^>]*w:bottom="1984"[^>]*w:left="1587"/);
      assert.match(xml, /w:eastAsia="仿宋_GB2312"/);
      assert.match(xml, /<w:sz w:val="32"\/>/);
      if (kind === 'reply') {
        assert.match(xml, /方正小标宋简体/);
        assert.match(xml, /<w:sz w:val="44"\/>/);
        assert.match(xml, /政府信息公开申请答复书/);
        assert.match(xml, /张三/);
        assert.match(xml, /固镇县人民政府申请行政复议/);
        assert.match(xml, /行政复议法》第二十三条/);
      }
    }
  });
});
