/**
 * A supervisor opens the records behind the dashboard's figures read-only (`records.view`): a subordinate's
 * request case, catalog item and message — no action forms, personal data masked, every POST refused and
 * nothing changed; a township user still cannot open another township's records.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { agenciesStore } from '../../src/access/agencies.store.js';
import { systemActor } from '../../src/platform/actor.js';
import { ensureCatalog } from '../../src/catalog/setup-catalog.js';
import { catalogStore } from '../../src/catalog/catalog.store.js';
import { createItem } from '../../src/catalog/items/save-item.js';
import { submitMessage } from '../../src/interaction/submit-message.js';
import type { AppContext } from '../../src/platform/context.js';
import { registerApplication } from '../../src/requests/actions/register-application.js';
import { describeEachDatabase } from '../support/db.js';
import { Browser, csrfOf, demoApp } from '../support/http.js';
import { person } from '../support/request-cases.js';

/** Any POST form except the layout's logout button. */
const actionForms = (html: string) =>
  [...html.matchAll(/<form[^>]*method="post"[^>]*action="([^"]+)"/g)]
    .map((m) => m[1])
    .filter((a) => a !== '/admin/logout');

describeEachDatabase('supervisor reads subordinates’ records over HTTP (records.view)', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let zxCase = '',
    zxItem = '',
    zxMessage = '';
  let hgCase = '',
    hgItem = '',
    hgMessage = '';
  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
    const all = await agenciesStore.all(ctx.db);
    const zhongxing = all.find((a) => a.pathSegment === 'zhongxing')!;
    const hugou = all.find((a) => a.pathSegment === 'hugou')!;
    const system = systemActor('测试');
    // 仲兴乡's own records, made here so the test does not depend on what the demo holds.
    zxCase = (await registerApplication(ctx, system, zhongxing.id, { ...person, channel: 'in_person' }))
      .caseId;
    zxMessage = (
      await submitMessage(ctx, zhongxing.id, {
        kind: 'consultation',
        subject: '仲兴乡的咨询',
        body: '内容',
        name: '钱七',
        phone: '13700000002',
        isPublic: 'yes',
      })
    ).messageId;
    const zxColumn = (await catalogStore.columns(ctx.db, zhongxing.id)).find((c) => c.code === 'statutory')!;
    zxItem = (
      await createItem(ctx, system, zhongxing.id, {
        columnId: zxColumn.id,
        title: '仲兴乡测试条目',
        summary: '摘要',
        writtenOn: '2026-03-01',
      })
    ).itemId;
    hgCase = (await registerApplication(ctx, system, hugou.id, { ...person, channel: 'in_person' })).caseId;
    hgMessage = (
      await submitMessage(ctx, hugou.id, {
        kind: 'consultation',
        subject: '湖沟镇的咨询',
        body: '内容',
        name: '孙八',
        phone: '13700000003',
        isPublic: 'yes',
      })
    ).messageId;
    await ensureCatalog(ctx.db, hugou);
    const hgColumn = (await catalogStore.columns(ctx.db, hugou.id)).find((c) => c.code === 'statutory')!;
    hgItem = (
      await createItem(ctx, system, hugou.id, {
        columnId: hgColumn.id,
        title: '湖沟镇测试条目',
        summary: '摘要',
        writtenOn: '2026-03-01',
      })
    ).itemId;
  });
  after(async () => app.close());

  test('the county supervisor opens a subordinate’s case, item and message read-only, data masked', async () => {
    const b = new Browser(app);
    await b.login('gz-supervisor');
    const c = await b.get(`/admin/requests/${zxCase}`);
    assert.equal(c.statusCode, 200);
    assert.match(c.body, /只读查看/);
    assert.match(c.body, /张\*/);
    assert.doesNotMatch(c.body, /张三|13800001234|11010519491231002X/);
    assert.doesNotMatch(c.body, /\/applicant"/, 'no link to the full applicant data');
    assert.deepEqual(actionForms(c.body), []);

    const i = await b.get(`/admin/catalog/items/${zxItem}`);
    assert.equal(i.statusCode, 200);
    assert.match(i.body, /仲兴乡测试条目/);
    assert.match(i.body, /只读查看/);
    assert.deepEqual(actionForms(i.body), []);

    const m = await b.get(`/admin/messages/${zxMessage}`);
    assert.equal(m.statusCode, 200);
    assert.match(m.body, /仲兴乡的咨询/);
    assert.match(m.body, /钱\*/);
    assert.match(m.body, /137\*\*\*\*0002/);
    assert.doesNotMatch(m.body, /钱七|13700000002/);
    assert.deepEqual(actionForms(m.body), []);
  });

  test('the full applicant data still needs the handler role, and the refusal is not a recorded view', async () => {
    const b = new Browser(app);
    await b.login('gz-supervisor');
    const res = await b.get(`/admin/requests/${zxCase}/applicant`);
    assert.equal(res.statusCode, 403);
    assert.doesNotMatch(res.body, /11010519491231002X/);
    const viewed = await ctx.db
      .selectFrom('events')
      .select('id')
      .where('entity_id', '=', zxCase)
      .where('action', '=', 'request.personal_data_viewed')
      .execute();
    assert.equal(viewed.length, 0);
  });

  test('every POST of the supervisor is refused and changes nothing', async () => {
    const b = new Browser(app);
    await b.login('gz-supervisor');
    const page = await b.get(`/admin/requests/${zxCase}`);
    const _csrf = csrfOf(page.body); // the logout form's token: a valid CSRF token, so only permissions refuse
    const snapshot = async () => ({
      c: await ctx.db.selectFrom('request_cases').selectAll().where('id', '=', zxCase).executeTakeFirst(),
      i: await ctx.db.selectFrom('catalog_items').selectAll().where('id', '=', zxItem).executeTakeFirst(),
      m: await ctx.db.selectFrom('messages').selectAll().where('id', '=', zxMessage).executeTakeFirst(),
      events: (await ctx.db.selectFrom('events').select('id').execute()).length,
    });
    const before = await snapshot();
    const posts: [string, Record<string, string>][] = [
      [`/admin/requests/${zxCase}/act/accept`, {}],
      [`/admin/requests/${zxCase}/act/withdraw`, { 'withdraw.reason': '测试' }],
      [`/admin/catalog/items/${zxItem}/submit`, {}],
      [`/admin/catalog/items/${zxItem}/edit`, { title: '改过的标题' }],
      [`/admin/messages/${zxMessage}/step`, { step: 'accept' }],
      [`/admin/messages/${zxMessage}/step`, { step: 'decline', reason: '测试' }],
    ];
    for (const [url, form] of posts) {
      const res = await b.post(url, { _csrf, ...form });
      assert.ok([403, 404].includes(res.statusCode), `${url} refused (got ${res.statusCode})`);
    }
    assert.deepEqual(await snapshot(), before);
  });

  test('a township user cannot open another township’s case, item or message', async () => {
    const b = new Browser(app);
    await b.login('zx-handler');
    for (const url of [`/admin/requests/${hgCase}`, `/admin/messages/${hgMessage}`]) {
      const res = await b.get(url);
      assert.ok([403, 404].includes(res.statusCode), `${url} refused (got ${res.statusCode})`);
      assert.doesNotMatch(res.body, /湖沟镇的咨询|张\*/);
    }
    const e = new Browser(app);
    await e.login('zx-editor');
    const item = await e.get(`/admin/catalog/items/${hgItem}`);
    assert.equal(item.statusCode, 404);
    assert.doesNotMatch(item.body, /湖沟镇测试条目/);
    // Their own records still open with their actions.
    const own = await b.get(`/admin/requests/${zxCase}`);
    assert.equal(own.statusCode, 200);
    assert.doesNotMatch(own.body, /只读查看/);
    assert.ok(actionForms(own.body).length > 0);
  });
});
