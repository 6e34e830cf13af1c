/** The bulk-import admin page: template download, a refused file listed by row and column, a good upload. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from '../../src/web/app.js';
import type { AppContext } from '../../src/platform/context.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { agenciesStore } from '../../src/access/agencies.store.js';
import { systemActor } from '../../src/platform/actor.js';
import { catalogStore } from '../../src/catalog/catalog.store.js';
import { publishItem } from '../../src/catalog/items/publish-item.js';
import { createItem } from '../../src/catalog/items/save-item.js';
import { ensureCatalog } from '../../src/catalog/setup-catalog.js';
import { submitItem } from '../../src/catalog/items/submit-item.js';
import { freshDatabase } from '../support/db.js';
import { Browser, csrfOf, demoApp } from '../support/http.js';

type Part = string | { fileName: string; data: Buffer };

function multipart(parts: Array<[string, Part]>): { payload: Buffer; contentType: string } {
  const boundary = '----gongkaiImportBoundary';
  const chunks: Buffer[] = [];
  for (const [name, value] of parts) {
    if (typeof value === 'string')
      chunks.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
      );
    else
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        value.data,
        Buffer.from('\r\n'),
      );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

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

void test('an editor downloads the template, sees a refused file by row and column, then imports drafts', async () => {
  const browser = new Browser(app);
  await browser.login('zx-editor');
  const form = await browser.get('/admin/catalog/import');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /enctype="multipart\/form-data"/);
  const template = await browser.get('/admin/catalog/import/template.csv');
  assert.match(template.body, /^\uFEFF标题,内容概述/);
  const agencyId = /<option value="([^"]+)"/.exec(form.body)![1]!;
  const post = (sheet: string, files: Array<[string, Part]> = []) => {
    const { payload, contentType } = multipart([
      ['_csrf', csrfOf(form.body)],
      ['agency', agencyId],
      ['sheet', { fileName: 'items.csv', data: Buffer.from(sheet) }],
      ...files,
    ]);
    return app.inject({
      method: 'POST',
      url: '/admin/catalog/import',
      payload,
      headers: { 'content-type': contentType },
      cookies: { [SESSION_COOKIE]: browser.cookie(SESSION_COOKIE)! },
    });
  };
  const before = await ctx.db.selectFrom('catalog_items').select('id').execute();

  const refused = await post(
    '标题,成文日期,栏目,附件文件名\n甲,2026-13-01,工作动态,\n乙,2026-03-01,工作动态,无此文件.pdf\n',
  );
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /<td>第 2 行<\/td><td>成文日期<\/td><td>成文日期应为有效日期/);
  assert.match(refused.body, /<td>第 3 行<\/td><td>附件文件名<\/td><td>找不到附件“无此文件.pdf”/);
  assert.equal((await ctx.db.selectFrom('catalog_items').select('id').execute()).length, before.length);

  const ok = await post('标题,成文日期,栏目,附件文件名\n仲兴乡导入测试一,2026-03-01,工作动态,说明.txt\n', [
    ['attachments', { fileName: '说明.txt', data: Buffer.from('附件说明') }],
  ]);
  assert.equal(ok.statusCode, 303);
  const done = await browser.get(ok.headers.location as string);
  assert.match(done.body, /已导入 1 条草稿/);
  const item = await ctx.db
    .selectFrom('catalog_items')
    .select(['id', 'status'])
    .where('title', '=', '仲兴乡导入测试一')
    .executeTakeFirstOrThrow();
  assert.equal(item.status, 'draft');
  const files = await ctx.db
    .selectFrom('catalog_attachments')
    .select('file_name')
    .where('item_id', '=', item.id)
    .execute();
  assert.deepEqual(files, [{ file_name: '说明.txt' }]);
});

void test("a township reviewer reposts the county's document from the admin; the portal shows its source", async () => {
  const county = (await agenciesStore.byPathSegment(ctx.db, 'guzhen'))!;
  await ensureCatalog(ctx.db, county);
  const system = systemActor('测试');
  const column = (await catalogStore.columnByCode(ctx.db, county.id, 'a20-01'))!;
  const { itemId } = await createItem(ctx, system, county.id, {
    columnId: column.id,
    title: '固镇县关于做好秋季秸秆禁烧工作的通知',
    summary: '秸秆禁烧',
    writtenOn: '2026-03-01',
  });
  await submitItem(ctx, system, itemId);
  await publishItem(ctx, system, itemId);

  const browser = new Browser(app);
  await browser.login('zx-reviewer');
  const form = await browser.get('/admin/catalog/repost');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /固镇县关于做好秋季秸秆禁烧工作的通知/);
  const block = new RegExp(`name="originalId" value="${itemId}"[\\s\\S]*?<option value="([^"]+)"`).exec(
    form.body,
  )!;
  const agency = /name="agency" value="([^"]+)"/.exec(form.body)![1]!;
  const done = await browser.post('/admin/catalog/repost', {
    _csrf: csrfOf(form.body),
    originalId: itemId,
    agency,
    columnId: block[1]!,
  });
  assert.equal(done.statusCode, 303);
  const again = await browser.post('/admin/catalog/repost', {
    _csrf: csrfOf(form.body),
    originalId: itemId,
    agency,
    columnId: block[1]!,
  });
  assert.equal(again.statusCode, 400);
  assert.match(again.body, /本机关已转载过该信息/);
  const repost = await ctx.db
    .selectFrom('catalog_items')
    .select(['id', 'index_no'])
    .where('repost_of', '=', itemId)
    .executeTakeFirstOrThrow();
  assert.equal(repost.index_no, null);
  const page = await app.inject(`/zhongxing/xxgk/items/${repost.id}`);
  assert.match(page.body, /本文转载自固镇县人民政府/);
});
