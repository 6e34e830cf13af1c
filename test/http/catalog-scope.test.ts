import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { addUser } from '../../src/agencies/add-user.js';
import { agenciesStore } from '../../src/access/agencies.store.js';
import { systemActor } from '../../src/platform/actor.js';
import type { AppContext } from '../../src/platform/context.js';
import { describeEachDatabase } from '../support/db.js';
import { Browser, csrfOf, demoApp } from '../support/http.js';

// An editor of one township must not see or change another township's catalog items or columns.
describeEachDatabase('catalog admin is scoped to the user’s agencies', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
    const hugou = (await agenciesStore.byPathSegment(ctx.db, 'hugou'))!;
    await addUser(ctx, systemActor(), {
      username: 'hg-editor',
      displayName: '湖沟镇编辑',
      password: 'Hug0u-Editor!',
      grants: [{ agencyId: hugou.id, role: 'reviewer' }],
    });
  });
  after(async () => app.close());

  test('another agency’s item cannot be viewed, edited, withdrawn, nor its column renamed', async () => {
    const zx = (await agenciesStore.byPathSegment(ctx.db, 'zhongxing'))!;
    const item = await ctx.db
      .selectFrom('catalog_items')
      .selectAll()
      .where('agency_id', '=', zx.id)
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    const column = await ctx.db
      .selectFrom('catalog_columns')
      .selectAll()
      .where('agency_id', '=', zx.id)
      .executeTakeFirstOrThrow();
    const b = new Browser(app);
    await b.login('hg-editor', 'Hug0u-Editor!');
    assert.equal((await b.get(`/admin/catalog/items/${item.id}`)).statusCode, 404);
    const token = csrfOf((await b.get('/admin/catalog')).body);
    const withdraw = await b.post(`/admin/catalog/items/${item.id}/withdraw`, {
      _csrf: token,
      reason: '越权撤回',
    });
    assert.ok([403, 404].includes(withdraw.statusCode), `withdraw answered ${withdraw.statusCode}`);
    const rename = await b.post(`/admin/catalog/columns/${column.id}/rename`, {
      _csrf: token,
      name: '越权改名',
    });
    assert.ok([403, 404].includes(rename.statusCode), `rename answered ${rename.statusCode}`);
    const after = await ctx.db
      .selectFrom('catalog_items')
      .selectAll()
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    assert.equal(after.status, 'published');
    const col = await ctx.db
      .selectFrom('catalog_columns')
      .selectAll()
      .where('id', '=', column.id)
      .executeTakeFirstOrThrow();
    assert.equal(col.name, column.name);
  });
});
