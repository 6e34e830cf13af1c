/**
 * The agency settings issue 32 adds, over HTTP: the 复议机关 derived under 行政复议法 Art. 24 shown as the
 * form's hint, an override only with a reason, the delivery margin, the findings on the agency's page and the
 * dashboard, and the API; who may change where an agency stands (issue 21).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { agenciesStore } from '../../src/access/agencies.store.js';
import { agencyToForm } from '../../src/agencies/agencies.admin.js';
import type { AppContext } from '../../src/platform/context.js';
import { describeEachDatabase } from '../support/db.js';
import { Browser, demoApp } from '../support/http.js';

describeEachDatabase('agency settings over HTTP', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
  });
  after(async () => app.close());

  test('the form shows the derived 复议机关, refuses an override without a reason, keeps the margin', async () => {
    const b = new Browser(app);
    // The platform administrator: since issue 21 the township's own admin cannot change its 复议机关.
    await b.login('admin');
    const zx = (await agenciesStore.byPathSegment(ctx.db, 'zhongxing'))!;
    const url = `/admin/agencies/${zx.id}`;
    const page = await b.get(url);
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /依照《中华人民共和国行政复议法》第二十四条第一款第（二）项，本机关的行政复议机关为固镇县人民政府/,
    );
    assert.match(page.body, /邮寄送达在途天数/);
    assert.match(page.body, /name="deliveryMarginDays"[^>]*value="3"/);
    assert.doesNotMatch(page.body, /class="warning"/);

    const form = agencyToForm(zx) as Record<string, string>;
    const refused = await b.submit(url, url, {
      ...form,
      reconsiderationBody: '蚌埠市人民政府',
      deliveryMarginDays: '5',
    });
    assert.equal(refused.statusCode, 422);
    assert.match(
      refused.body,
      /与依照《中华人民共和国行政复议法》第二十四条第一款第（二）项确定的“固镇县人民政府”不同，请说明理由/,
    );
    const cleared = await b.submit(url, url, { ...form, deliveryMarginDays: '' });
    assert.equal(cleared.statusCode, 422);
    assert.match(cleared.body, /邮寄在途天数应为 0 至 15 的整数/);
    const tooLong = await b.submit(url, url, { ...form, deliveryMarginDays: '16' });
    assert.equal(tooLong.statusCode, 422);
    assert.deepEqual(await agenciesStore.byId(ctx.db, zx.id), zx, 'nothing changed');

    const saved = await b.submit(url, url, { ...form, deliveryMarginDays: '5' });
    assert.equal(saved.statusCode, 303);
    const after = (await agenciesStore.byId(ctx.db, zx.id))!;
    assert.equal(after.deliveryMarginDays, 5);
    // Saving the form again keeps the margin (on main the form had no such field and reset it to 3).
    assert.equal((await b.submit(url, url, agencyToForm(after) as Record<string, string>)).statusCode, 303);
    assert.equal((await agenciesStore.byId(ctx.db, zx.id))!.deliveryMarginDays, 5);
    const api = (await app.inject({ url: '/api/v1/agencies/zhongxing' })).json();
    assert.equal(api.reconsiderationBody, '固镇县人民政府');
    assert.equal(api.reconsiderationBodyDerived, '固镇县人民政府');
    assert.match(api.reconsiderationBodyBasis, /第二十四条第一款第（二）项/);
    assert.equal(api.reconsiderationBodyReason, '');
    assert.equal(api.deliveryMarginDays, 5);
  });

  test('a city that names itself (stored before the check) is flagged on its page and the dashboard', async () => {
    const bengbu = (await agenciesStore.byPathSegment(ctx.db, 'bengbu'))!;
    await agenciesStore.update(
      ctx.db,
      bengbu.id,
      { ...bengbu, reconsiderationBody: '蚌埠市人民政府' },
      ctx.now().toISOString(),
    );
    const b = new Browser(app);
    await b.login('admin');
    const dashboard = await b.get('/admin/');
    assert.match(dashboard.body, /蚌埠市人民政府：复议机关不能是本机关/);
    assert.match(dashboard.body, new RegExp(`href="/admin/agencies/${bengbu.id}"`));
    const page = await b.get(`/admin/agencies/${bengbu.id}`);
    assert.match(page.body, /class="warning">复议机关不能是本机关[^<]*应为安徽省人民政府/);
    const api = (await app.inject({ url: '/api/v1/agencies/bengbu' })).json();
    assert.equal(api.reconsiderationBodyDerived, '安徽省人民政府');
    // Saving it as it stands is refused until it is fixed; emptying the field takes the derived body.
    const url = `/admin/agencies/${bengbu.id}`;
    const form = agencyToForm({ ...bengbu, reconsiderationBody: '蚌埠市人民政府' }) as Record<string, string>;
    assert.equal((await b.submit(url, url, form)).statusCode, 422);
    assert.equal((await b.submit(url, url, { ...form, reconsiderationBody: '' })).statusCode, 303);
    assert.doesNotMatch((await b.get('/admin/')).body, /复议机关不能是本机关/);
    assert.equal(
      (await app.inject({ url: '/api/v1/agencies/bengbu' })).json().reconsiderationBody,
      '安徽省人民政府',
    );
  });

  test('issue 21: a township admin cannot detach its agency from supervision; the rest it edits', async () => {
    const b = new Browser(app);
    await b.login('zx-admin');
    const zx = (await agenciesStore.byPathSegment(ctx.db, 'zhongxing'))!;
    const url = `/admin/agencies/${zx.id}`;
    const page = await b.get(url);
    assert.match(page.body, /只能由平台管理员或主管部门调整/);
    assert.match(page.body, /name="reconsiderationBody"[^>]*readonly/);
    assert.doesNotMatch(
      page.body,
      /<option value="">（无）<\/option>/,
      'no way offered to drop the supervisor',
    );
    const form = agencyToForm(zx) as Record<string, string>;
    // On main this answered 303 and the county's supervising office lost the township.
    const detached = await b.submit(url, url, { ...form, supervisorId: '' });
    assert.equal(detached.statusCode, 403);
    assert.match(detached.body, /主管部门只能由平台管理员或主管部门调整/);
    assert.match(detached.body, /本次修改未保存/);
    assert.equal((await b.submit(url, url, { ...form, level: 'county' })).statusCode, 403);
    assert.deepEqual(await agenciesStore.byId(ctx.db, zx.id), zx, 'nothing changed');
    const saved = await b.submit(url, url, { ...form, 'office.hours': '工作日 8:00–12:00' });
    assert.equal(saved.statusCode, 303);
    assert.equal((await agenciesStore.byId(ctx.db, zx.id))!.supervisorId, zx.supervisorId);
    assert.equal((await agenciesStore.byId(ctx.db, zx.id))!.office.hours, '工作日 8:00–12:00');
  });
});
