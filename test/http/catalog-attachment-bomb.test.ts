/** A hostile attachment in the item editor (issue 20): its text is read in the sandbox, and a bomb is refused. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { catalogStore } from '../../src/catalog/catalog.store.js';
import type { AppContext } from '../../src/platform/context.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { lyingSizes, zipBombDocx } from '../support/bombs.js';
import { freshDatabase } from '../support/db.js';
import { Browser, csrfOf, demoApp, multipartBody } from '../support/http.js';

let handle: DatabaseHandle;
let app: FastifyInstance;
let ctx: AppContext;
before(async () => {
  handle = await freshDatabase('sqlite');
  ({ app, ctx } = await demoApp(handle));
});
after(async () => {
  await app?.close();
  await handle?.close();
});

const multipart = (fields: Record<string, string>, file: { name: string; content: Buffer }) =>
  multipartBody(fields, [{ field: 'attachment', ...file }]);

void test('a zip-bomb DOCX attached to a new item is refused naming the limit; nothing is stored', async () => {
  const editor = new Browser(app);
  await editor.login('zx-editor');
  const zx = (await app.inject({ method: 'GET', url: '/api/v1/agencies/zhongxing' })).json<{ id: string }>();
  const newUrl = `/admin/catalog/new?agency=${zx.id}`;
  const page = await editor.get(newUrl);
  const columnId = /<option value="([^"]+)"[^>]*>法定主动公开内容 › 贯彻落实农业农村政策/.exec(
    page.body,
  )![1]!;
  const count = async () =>
    (await catalogStore.forAdmin(ctx.db, { agencyIds: [zx.id], limit: 1, offset: 0 })).total;
  const before = await count();
  for (const content of [await zipBombDocx(200), lyingSizes(await zipBombDocx(200))]) {
    const form = multipart(
      {
        _csrf: csrfOf(page.body),
        columnId,
        title: '仲兴乡2026年春季危房改造对象公示',
        writtenOn: '2026-02-27',
      },
      { name: '名单.docx', content },
    );
    const res = await app.inject({
      method: 'POST',
      url: newUrl,
      payload: form.payload,
      headers: { 'content-type': form.contentType, cookie: `gk_session=${editor.cookie('gk_session')}` },
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /class="error-summary"/);
    assert.match(res.body, /附件“名单\.docx”文件解压后超过 100 MB，已停止读取/);
  }
  assert.equal(await count(), before);
});
