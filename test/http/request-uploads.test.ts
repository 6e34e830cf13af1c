/**
 * Files on the public forms (application: 身份证明, 授权委托书; clarification: 补正材料): multipart as a browser
 * without JavaScript sends it, type decided by the content bytes (PDF, JPEG, PNG), a size limit, errors in
 * Chinese in the error summary, and nothing stored when any field is bad.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../src/platform/context.js';
import { MAX_ATTACHMENT_BYTES } from '../../src/requests/attachments.js';
import { requestsStore } from '../../src/requests/requests.store.js';
import { describeEachDatabase } from '../support/db.js';
import { Browser, csrfOf, demoApp } from '../support/http.js';

const application = {
  applicantKind: 'natural',
  name: '赵六',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  phone: '13800002468',
  infoTitle: '仲兴乡2026年道路养护合同',
  form: 'electronic',
  delivery: 'online',
  website: '',
};
const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
// The signature and the image header (IHDR, 1×1): file-type reads both before it calls the bytes PNG.
const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d494844520000000100000001080600000000000000', 'hex'),
  Buffer.alloc(64),
]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]);

type Upload = { field: string; filename: string; type: string; data: Buffer };

function multipart(fields: Record<string, string>, files: Upload[]) {
  const boundary = '----gongkai' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describeEachDatabase('uploads on the public 依申请公开 forms', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
  });
  after(async () => app.close());
  const count = async (table: 'request_cases' | 'request_attachments') =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const send = async (
    b: Browser,
    page: string,
    url: string,
    fields: Record<string, string>,
    files: Upload[],
  ) => {
    const token = csrfOf((await b.get(page)).body);
    const { payload, contentType } = multipart({ _csrf: token, ...fields }, files);
    return app.inject({
      method: 'POST',
      url,
      payload,
      headers: { 'content-type': contentType },
      cookies: { gk_csrf: b.cookie('gk_csrf') ?? '' },
    });
  };

  test('the form is multipart with labelled file inputs', async () => {
    const page = (await app.inject('/zhongxing/ysqgk/apply')).body;
    assert.match(page, /enctype="multipart\/form-data"/);
    assert.match(page, /<label for="f-idCopy">身份证明/);
    assert.match(page, /<label for="f-authorisation">授权委托书/);
    assert.match(page, /id="f-idCopy"[^>]*type="file"|type="file"[^>]*id="f-idCopy"/);
  });

  test('bad type, oversize and a missing authorisation are refused in Chinese; nothing is stored', async () => {
    const cases = await count('request_cases');
    const files = await count('request_attachments');
    const b = new Browser(app);
    const post = (fields: Record<string, string>, up: Upload[]) =>
      send(b, '/zhongxing/ysqgk/apply', '/zhongxing/ysqgk/apply', fields, up);

    const gif = await post(application, [
      { field: 'idCopy', filename: '身份证.pdf', type: 'application/pdf', data: GIF },
    ]);
    assert.equal(gif.statusCode, 422);
    assert.match(gif.body, /class="error-summary"/);
    assert.match(gif.body, /href="#f-idCopy">“身份证.pdf”：只接受 PDF、JPEG 或 PNG 文件/);
    assert.match(gif.body, /value="赵六"/, 'the other fields are kept');

    const docx = await post(application, [
      { field: 'idCopy', filename: 'a.docx', type: 'application/pdf', data: DOCX },
    ]);
    assert.match(
      docx.body,
      /href="#f-idCopy">“a.docx”：只接受 PDF、JPEG 或 PNG 文件/,
      'Word is for staff only',
    );

    const big = Buffer.concat([PNG, Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    const huge = await post(application, [
      { field: 'idCopy', filename: 'big.png', type: 'image/png', data: big },
    ]);
    assert.equal(huge.statusCode, 422);
    assert.match(huge.body, /href="#f-idCopy">“big.png”：文件不能超过 10 MB/);

    const empty = await post(application, [
      { field: 'idCopy', filename: 'empty.png', type: 'image/png', data: Buffer.alloc(0) },
    ]);
    assert.match(empty.body, /“empty.png”：文件为空/);

    const agent = await post({ ...application, agentName: '钱七' }, [
      { field: 'idCopy', filename: 'id.png', type: 'image/png', data: PNG },
    ]);
    assert.equal(agent.statusCode, 422);
    assert.match(agent.body, /href="#f-authorisation">委托代理人提出申请的，请上传授权委托书/);

    const badField = await post({ ...application, idNumber: '110105194912310021' }, [
      { field: 'idCopy', filename: 'id.png', type: 'image/png', data: PNG },
    ]);
    assert.equal(badField.statusCode, 422);
    assert.match(badField.body, /居民身份证号码校验位不正确/);

    assert.equal(await count('request_cases'), cases);
    assert.equal(await count('request_attachments'), files);
  });

  test('good files are stored with the case, typed by their content', async () => {
    const b = new Browser(app);
    const res = await send(
      b,
      '/zhongxing/ysqgk/apply',
      '/zhongxing/ysqgk/apply',
      { ...application, agentName: '钱七' },
      [
        { field: 'idCopy', filename: '身份证.jpg', type: 'image/png', data: JPEG },
        { field: 'authorisation', filename: '委托书.pdf', type: 'application/octet-stream', data: PDF },
      ],
    );
    assert.equal(res.statusCode, 303);
    const code = /receipt\/([2-9A-HJ-NP-Z]{12})/.exec(String(res.headers.location))![1]!;
    const row = (await requestsStore.byTrackingCode(ctx.db, code))!;
    const stored = await ctx.db
      .selectFrom('request_attachments')
      .select(['kind', 'filename', 'content_type', 'size', 'content'])
      .where('case_id', '=', row.id)
      .orderBy('kind')
      .execute();
    assert.deepEqual(
      stored.map((s) => [s.kind, s.filename, s.content_type, s.size]),
      [
        ['authorisation', '委托书.pdf', 'application/pdf', PDF.length],
        ['id_copy', '身份证.jpg', 'image/jpeg', JPEG.length],
      ],
    );
    assert.ok(Buffer.from(stored[0]!.content).equals(PDF));

    // Staff see the files on the case page; each download is recorded as a view of personal data.
    const staff = new Browser(app);
    await staff.login('zx-handler');
    const page = (await staff.get(`/admin/requests/${row.id}`)).body;
    const link = /href="(\/admin\/requests\/[^"]+\/attachments\/[^"]+)">委托书.pdf</.exec(page);
    assert.ok(link, 'the case page lists the authorisation');
    assert.match(page, /身份证明：<a [^>]+>身份证.jpg<\/a>/);
    const views = async () =>
      (
        await ctx.db
          .selectFrom('events')
          .select('id')
          .where('entity_id', '=', row.id)
          .where('action', '=', 'request.personal_data_viewed')
          .execute()
      ).length;
    const seen = await views();
    const file = await staff.get(link[1]!);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.ok(file.rawPayload.equals(PDF));
    assert.equal(await views(), seen + 1);
    assert.notEqual((await new Browser(app).get(link[1]!)).statusCode, 200, 'not for the public');
  });

  test('the clarification page takes 补正材料 with the same checks', async () => {
    const pub = new Browser(app);
    const sent = await pub.submit('/zhongxing/ysqgk/apply', '/zhongxing/ysqgk/apply', application);
    const code = /receipt\/([2-9A-HJ-NP-Z]{12})/.exec(String(sent.headers.location))![1]!;
    const row = (await requestsStore.byTrackingCode(ctx.db, code))!;
    const staff = new Browser(app);
    await staff.login('zx-handler');
    const caseUrl = `/admin/requests/${row.id}`;
    const asked = await staff.submit(caseUrl, `${caseUrl}/act/request_clarification`, {
      'request_clarification.items': '请提供合同的签订年份',
      'request_clarification.deadline': '2099-12-31',
    });
    assert.equal(asked.statusCode, 303);
    const access = { trackingCode: code, last4: '2468' };
    const status = await pub.submit('/zhongxing/ysqgk/status', '/zhongxing/ysqgk/status', access);
    assert.match(status.body, /status\/clarify" enctype="multipart\/form-data"/);
    assert.match(status.body, /<label for="f-supplement">补正材料/);
    const files = await count('request_attachments');

    const bad = await send(
      pub,
      '/zhongxing/ysqgk/status',
      '/zhongxing/ysqgk/status/clarify',
      { ...access, text: '2023年' },
      [{ field: 'supplement', filename: 'x.gif', type: 'image/png', data: GIF }],
    );
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /href="#f-supplement">“x.gif”：只接受 PDF、JPEG 或 PNG 文件/);
    assert.equal((await requestsStore.byId(ctx.db, row.id))!.state, 'awaiting_clarification');
    assert.equal(await count('request_attachments'), files);

    const nothing = await send(pub, '/zhongxing/ysqgk/status', '/zhongxing/ysqgk/status/clarify', access, []);
    assert.equal(nothing.statusCode, 422);
    assert.match(nothing.body, /请填写补正内容或上传补正材料/);

    const ok = await send(pub, '/zhongxing/ysqgk/status', '/zhongxing/ysqgk/status/clarify', access, [
      { field: 'supplement', filename: '合同首页.pdf', type: 'application/pdf', data: PDF },
    ]);
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /补正内容已提交/);
    assert.equal((await requestsStore.byId(ctx.db, row.id))!.state, 'in_progress');
    const stored = await ctx.db
      .selectFrom('request_attachments')
      .select(['kind', 'content_type'])
      .where('case_id', '=', row.id)
      .execute();
    assert.deepEqual(stored, [{ kind: 'supplement', content_type: 'application/pdf' }]);
  });
});
