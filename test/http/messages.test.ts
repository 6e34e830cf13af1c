import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../src/platform/context.js';
import { agenciesStore } from '../../src/access/agencies.store.js';
import { describeEachDatabase } from '../support/db.js';
import { Browser, csrfOf, demoApp } from '../support/http.js';

const form = {
  kind: 'consultation',
  subject: '农村危房改造补助',
  body: '请问2025年农村危房改造补助标准是多少？',
  name: '李四',
  phone: '13900000000',
  email: '',
  isPublic: 'yes',
  website: '',
};

function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer }) {
  const boundary = '----gongkai-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="attachment"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describeEachDatabase('HTTP: messages on the portal and in the back office', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  const count = async () =>
    Number(
      (
        await ctx.db
          .selectFrom('messages')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
  });

  async function postMultipart(
    b: Browser,
    fields: Record<string, string>,
    file?: { name: string; data: Buffer },
  ) {
    const page = await b.get('/hugou/hdjl/new');
    const body = multipart({ _csrf: csrfOf(page.body), ...fields }, file);
    return app.inject({
      method: 'POST',
      url: '/hugou/hdjl/new',
      payload: body.payload,
      headers: { 'content-type': body.contentType },
      cookies: { gk_csrf: b.cookie('gk_csrf')! },
    });
  }

  test('the portal shows 互动交流 and the form; bad input gets an error summary and stores nothing', async () => {
    const b = new Browser(app);
    const home = await b.get('/hugou/');
    assert.match(home.body, /href="\/hugou\/hdjl\/"/);
    const before = await count();
    const bad = await b.submit('/hugou/hdjl/new', '/hugou/hdjl/new', { ...form, subject: '', phone: 'abc' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /class="error-summary"/);
    assert.match(bad.body, /href="#f-subject">请填写留言标题/);
    assert.match(bad.body, /联系电话格式不正确/);
    assert.match(bad.body, /value="abc"/); // the form keeps what was typed
    const robot = await b.submit('/hugou/hdjl/new', '/hugou/hdjl/new', { ...form, website: 'http://x' });
    assert.equal(robot.statusCode, 422);
    const noCsrf = await b.post('/hugou/hdjl/new', form);
    assert.equal(noCsrf.statusCode, 403);
    const badFile = await postMultipart(b, form, {
      name: 'a.pdf',
      data: Buffer.from('<script>alert(1)</script>'),
    });
    assert.equal(badFile.statusCode, 422);
    assert.match(badFile.body, /附件只能是 PDF、PNG 或 JPG 格式/);
    assert.equal(await count(), before);
  });

  test('a message with an attachment gets a receipt; staff transfer and reply; the public sees dates and reply; the asker rates', async () => {
    const b = new Browser(app);
    const sent = await postMultipart(b, form, { name: '房屋照片.pdf', data: Buffer.from('%PDF-1.4 test') });
    assert.equal(sent.statusCode, 201, sent.body);
    const code = /查询编号：<strong>(LY\w+)<\/strong>/.exec(sent.body)![1]!;
    const secret = /查询码：<strong>(\w+)<\/strong>/.exec(sent.body)![1]!;

    const wrong = await b.submit('/hugou/hdjl/track', '/hugou/hdjl/track', { code, secret: 'ZZZZZZ' });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /查询编号或查询码不正确/);
    const status = await b.submit('/hugou/hdjl/track', '/hugou/hdjl/track', { code, secret });
    assert.match(status.body, /待受理/);

    const staff = new Browser(app);
    await staff.login('admin');
    const list = await staff.get('/admin/messages');
    const id = new RegExp(`href="/admin/messages/([\\w-]+)">${form.subject}`).exec(list.body)![1]!;
    const detail = await staff.get(`/admin/messages/${id}`);
    assert.match(detail.body, /13900000000/); // the handler sees the contact details
    assert.match(detail.body, /房屋照片\.pdf/);
    const fileId = /attachments\/([\w-]+)"/.exec(detail.body)![1]!;
    const download = await staff.get(`/admin/messages/${id}/attachments/${fileId}`);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.match(String(download.headers['content-disposition']), /^attachment/);

    const step = (f: Record<string, string>) =>
      staff.submit(`/admin/messages/${id}`, `/admin/messages/${id}/step`, f);
    assert.equal((await step({ step: 'accept' })).statusCode, 303);
    const all = await agenciesStore.all(ctx.db);
    const resources = all.find((a) => a.shortName.includes('自然资源'))!;
    const noTarget = await step({ step: 'transfer', targetAgencyId: '' });
    assert.equal(noTarget.statusCode, 422);
    assert.match(noTarget.body, /请选择转办单位/);
    assert.equal((await step({ step: 'transfer', targetAgencyId: resources.id })).statusCode, 303);
    assert.equal(
      (await step({ step: 'draft', reply: '补助标准为每户2万元，详见县住建局公告。' })).statusCode,
      303,
    );
    assert.equal((await step({ step: 'approve' })).statusCode, 303);

    const pub = await b.get('/hugou/hdjl/');
    assert.match(pub.body, /受理日期/);
    assert.match(pub.body, /答复部门<\/dt><dd>固镇县自然资源和规划局/);
    assert.match(pub.body, /补助标准为每户2万元/);
    assert.doesNotMatch(pub.body, /李四|13900000000/);

    const noRating = await b.submit('/hugou/hdjl/track', '/hugou/hdjl/rate', { code, secret, rating: '' });
    assert.equal(noRating.statusCode, 422);
    assert.match(noRating.body, /请选择您对答复的评价/);
    const rated = await b.submit('/hugou/hdjl/track', '/hugou/hdjl/rate', {
      code,
      secret,
      rating: 'satisfied',
    });
    assert.equal(rated.statusCode, 200);
    assert.match(rated.body, /感谢您的评价/);
    assert.match((await staff.get(`/admin/messages/${id}`)).body, /留言人评价：满意/);
  });

  test('staff without messages.handle see no messages', async () => {
    const editor = new Browser(app);
    await editor.login('zx-editor');
    const any = await ctx.db.selectFrom('messages').select('id').executeTakeFirstOrThrow();
    assert.equal((await editor.get(`/admin/messages/${any.id}`)).statusCode, 404);
    assert.doesNotMatch((await editor.get('/admin/messages')).body, /<td>LY/);
  });
});
