/**
 * The consultation notices (Art. 32, 34, 33 ¶3) and the notice to an overruled third party (Art. 32) arise at
 * their workflow step; every notice downloads as DOCX in the GB/T 9704 geometry and opens as printable HTML.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import type { AppContext } from '../../src/platform/context.js';
import { GEOMETRY } from '../../src/requests/notices/notice-docx.js';
import { requestsStore } from '../../src/requests/requests.store.js';
import { describeEachDatabase } from '../support/db.js';
import { Browser, demoApp } from '../support/http.js';

const application = {
  applicantKind: 'natural',
  name: '李四',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  phone: '13800005678',
  address: '固镇县仲兴乡',
  infoTitle: '仲兴乡垃圾中转站建设合同',
  form: 'electronic',
  delivery: 'online',
  website: '',
};

const mm = (v: number) => Math.round((v * 1440) / 25.4);

describeEachDatabase('consultation notices and printable HTML', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
  });
  after(async () => app.close());

  test('consultations, an overruled objection, and every notice as DOCX and HTML', async () => {
    const pub = new Browser(app);
    const sent = await pub.submit('/zhongxing/ysqgk/apply', '/zhongxing/ysqgk/apply', application);
    const code = /receipt\/([2-9A-HJ-NP-Z]{12})/.exec(String(sent.headers.location))![1]!;
    const row = (await requestsStore.byTrackingCode(ctx.db, code))!;
    const caseUrl = `/admin/requests/${row.id}`;
    const staff = new Browser(app);
    await staff.login('zx-handler');
    const act = async (b: Browser, action: string, form: Record<string, string>) => {
      const res = await b.submit(
        caseUrl,
        `${caseUrl}/act/${action}`,
        Object.fromEntries(Object.entries(form).map(([k, v]) => [`${action}.${k}`, v])),
      );
      return res;
    };
    assert.equal((await act(staff, 'accept', {})).statusCode, 303);
    for (const [party, consulted] of [
      ['third_party', '某环境工程公司'],
      ['co_maker', '固镇县城市管理局'],
      ['other_agency', '固镇县财政局'],
    ] as const)
      assert.equal((await act(staff, 'start_consultation', { party, consulted })).statusCode, 303);
    const events = await requestsStore.events(ctx.db, row.id);
    const refs = events.filter((e) => e.type === 'consultation_started').map((e) => String(e.data.ref));
    let page = (await staff.get(caseUrl)).body;
    for (const ref of refs) {
      assert.match(page, new RegExp(`notices/consultation-${ref}\\.docx`));
      assert.match(page, new RegExp(`notices/consultation-${ref}\\.html`));
    }
    assert.match(page, /征求意见书（第三方：某环境工程公司）/);
    assert.doesNotMatch(page, /notices\/objection-/, 'no notice to the third party before any decision');

    for (const ref of refs)
      assert.equal(
        (
          await act(staff, 'end_consultation', {
            ref,
            opinion: ref === refs[0] ? '合同单价属于商业秘密' : '同意公开',
            ...(ref === refs[0] ? { objects: 'on' } : {}),
          })
        ).statusCode,
        303,
      );
    const misplaced = await act(staff, 'draft_reply', {
      outcome: 'notHeld',
      publicInterest: '关系公共利益',
    });
    assert.equal(misplaced.statusCode, 422);
    assert.match(misplaced.body, /只有决定公开或部分公开时才填写/);
    assert.equal(
      (
        await act(staff, 'draft_reply', {
          outcome: 'disclosed',
          text: '现提供该合同。',
          publicInterest: '垃圾中转站建设使用财政资金，关系周边群众切身利益',
        })
      ).statusCode,
      303,
    );
    const reviewer = new Browser(app);
    await reviewer.login('zx-reviewer');
    assert.equal((await act(reviewer, 'review_reply', { comment: '同意' })).statusCode, 303);

    page = (await staff.get(caseUrl)).body;
    const ids = [...page.matchAll(/notices\/([a-z0-9-]+)\.docx/g)].map((m) => m[1]!);
    assert.deepEqual(ids, [
      'receipt',
      ...refs.map((r) => `consultation-${r}`),
      `objection-${refs[0]}`,
      'reply',
    ]);
    for (const id of ids) {
      assert.match(page, new RegExp(`notices/${id}\\.html`), `${id}: printable link beside the DOCX`);
      const docx = await staff.get(`${caseUrl}/notices/${id}.docx`);
      assert.equal(docx.statusCode, 200, id);
      const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
      assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/, id);
      assert.match(
        xml,
        new RegExp(
          `w:top="${mm(37)}"[^>]*w:right="${mm(26)}"[^>]*w:bottom="${mm(35)}"[^>]*w:left="${mm(28)}"`,
        ),
        id,
      );
      assert.match(xml, /w:eastAsia="仿宋_GB2312"/);
      assert.match(xml, /w:eastAsia="方正小标宋简体"/);
      assert.match(xml, /<w:sz w:val="32"\/>/);
      assert.match(xml, /<w:sz w:val="44"\/>/);
      assert.match(xml, new RegExp(`w:line="${GEOMETRY.linePitch}" w:lineRule="exact"`));
      const html = await staff.get(`${caseUrl}/notices/${id}.html`);
      assert.equal(html.statusCode, 200, id);
      assert.match(html.body, /<link rel="stylesheet" href="\/static\/notice-print.css"/);
      const title = /<h1 class="notice-title">([^<]+)<\/h1>/.exec(html.body)![1]!;
      assert.match(xml.replace(/<[^>]+>/g, ''), new RegExp(title), `${id}: the same title in both formats`);
      assert.match(html.body, /仲兴乡人民政府/);
    }
    const text = async (id: string) =>
      (await staff.get(`${caseUrl}/notices/${id}.html`)).body.replace(/<[^>]+>/g, '');
    const third = await text(`consultation-${refs[0]}`);
    assert.match(third, /政府信息公开征求第三方意见书/);
    assert.match(third, /某环境工程公司：/);
    assert.match(third, /15个工作日内提出书面意见/);
    assert.doesNotMatch(third, /李四/, 'the consulted party is not told who applied');
    assert.match(await text(`consultation-${refs[1]}`), /第三十四条.*逾期未回复的，视为同意公开/s);
    const objection = await text(`objection-${refs[0]}`);
    assert.match(objection, /政府信息公开第三方告知书/);
    assert.match(objection, /不同意公开（合同单价属于商业秘密）/);
    assert.match(objection, /理由：垃圾中转站建设使用财政资金/);
    assert.match(objection, /15个工作日后向申请人提供/);
    assert.match(objection, /申请行政复议/);
    assert.equal((await staff.get(`${caseUrl}/notices/objection-00000000.html`)).statusCode, 404);
    assert.equal(
      (await staff.get(`${caseUrl}/notices/fee.html`)).statusCode,
      404,
      'no fee notice was issued',
    );
    assert.equal((await new Browser(app).get(`${caseUrl}/notices/receipt.html`)).statusCode, 302);
    const rendered = await ctx.db
      .selectFrom('events')
      .select('data')
      .where('action', '=', 'request.notice_rendered')
      .where('entity_id', '=', row.id)
      .execute();
    assert.ok(
      rendered.some((e) => String(e.data).includes('"format":"html"')),
      'HTML views are audited too',
    );
  });

  test('the print stylesheet states the GB/T 9704 geometry and fonts', async () => {
    const css = await readFile(new URL('../../src/web/static/notice-print.css', import.meta.url), 'utf8');
    assert.match(css, /@page\s*{\s*size: A4;\s*margin: 37mm 26mm 35mm 28mm;/);
    assert.match(css, /body\s*{[^}]*font-family: '仿宋_GB2312'[^}]*font-size: 16pt;/);
    assert.match(css, /\.notice-title\s*{[^}]*font-family: '方正小标宋简体'[^}]*font-size: 22pt;/);
    const served = await app.inject('/static/notice-print.css');
    assert.equal(served.statusCode, 200);
  });
});
