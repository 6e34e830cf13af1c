import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { agenciesStore } from '../../src/access/agencies.store.js';
import type { AppContext } from '../../src/platform/context.js';
import { describeEachDatabase } from '../support/db.js';
import { Browser, csrfOf, demoApp } from '../support/http.js';

describeEachDatabase('foundation over HTTP', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
  });
  after(async () => app.close());

  test('healthz checks the database', async () => {
    const res = await app.inject({ url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, 'ok');
  });

  test('the demo township portal and its guide render with the office details', async () => {
    const home = await app.inject({ url: '/zhongxing/' });
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /<html lang="zh-CN">/);
    assert.match(home.body, /固镇县仲兴乡人民政府/);
    const guide = await app.inject({ url: '/zhongxing/xxgk/guide' });
    assert.match(guide.body, /仲兴乡党政办公室/);
    assert.match(guide.body, /固镇县人民政府/);
    assert.ok(guide.headers['content-security-policy']);
    assert.ok(guide.headers['x-request-id']);
  });

  test('unknown pages get a Chinese 404 page; the API answers JSON', async () => {
    const res = await app.inject({ url: '/no-such-agency/' });
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /页面不存在|未找到/);
    const api = await app.inject({ url: '/api/v1/agencies/no-such' });
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error.code, 'not_found');
  });

  test('the OpenAPI document lists the API', async () => {
    const res = await app.inject({ url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.openapi, '3.0.3');
    assert.ok(doc.paths['/api/v1/agencies']);
    const list = await app.inject({ url: '/api/v1/agencies' });
    assert.equal(list.json().items.length, (await agenciesStore.all(ctx.db)).length);
  });

  test('pages without forms set no cookie; a form page issues the anonymous CSRF cookie', async () => {
    const home = await app.inject({ url: '/zhongxing/' });
    assert.equal(home.headers['set-cookie'], undefined);
    const login = await app.inject({ url: '/admin/login' });
    assert.match(String(login.headers['set-cookie']), /gk_csrf=/);
  });

  test('admin pages need a login', async () => {
    const res = await app.inject({ url: '/admin/agencies' });
    assert.equal(res.statusCode, 302);
    assert.match(String(res.headers.location), /^\/admin\/login\?next=/);
  });

  test('a wrong password is refused in Chinese and starts no session', async () => {
    const b = new Browser(app);
    const res = await b.submit('/admin/login', '/admin/login', {
      username: 'zx-admin',
      password: 'wrong-password',
    });
    assert.equal(res.statusCode, 401);
    assert.match(res.body, /用户名或密码不正确/);
    assert.equal(b.cookie('gk_session'), undefined);
  });

  test('an empty login form names each missing field in the error summary', async () => {
    const b = new Browser(app);
    const res = await b.submit('/admin/login', '/admin/login', { username: '', password: '' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /href="#f-username"[^>]*>请输入用户名/);
    assert.match(res.body, /href="#f-password"[^>]*>请输入密码/);
  });

  test('a form without its CSRF token is refused and changes nothing', async () => {
    const b = new Browser(app);
    await b.login('zx-admin');
    const zx = (await agenciesStore.byPathSegment(ctx.db, 'zhongxing'))!;
    const res = await b.post(`/admin/agencies/${zx.id}`, { name: '被篡改的名称' });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /页面已过期|来源无法验证/);
    assert.equal((await agenciesStore.byId(ctx.db, zx.id))!.name, zx.name);
  });

  test('an agency outside the user’s scope cannot be seen or edited', async () => {
    const b = new Browser(app);
    await b.login('zx-admin');
    const hugou = (await agenciesStore.byPathSegment(ctx.db, 'hugou'))!;
    const page = await b.get(`/admin/agencies/${hugou.id}`);
    assert.equal(page.statusCode, 404);
    const token = csrfOf((await b.get('/admin/agencies')).body);
    const res = await b.post(`/admin/agencies/${hugou.id}`, { _csrf: token, name: '改名' });
    assert.equal(res.statusCode, 404);
    assert.equal((await agenciesStore.byId(ctx.db, hugou.id))!.name, hugou.name);
  });

  test('a malformed agency form shows field errors and stores nothing; a good one saves', async () => {
    const b = new Browser(app);
    await b.login('zx-admin');
    const zx = (await agenciesStore.byPathSegment(ctx.db, 'zhongxing'))!;
    const page = await b.get(`/admin/agencies/${zx.id}`);
    assert.equal(page.statusCode, 200);
    const token = csrfOf(page.body);
    const form = {
      _csrf: token,
      name: zx.name,
      shortName: zx.shortName,
      creditCode: zx.creditCode,
      divisionCode: zx.divisionCode,
      level: zx.level,
      pathSegment: zx.pathSegment,
      supervisorId: zx.supervisorId ?? '',
      reconsiderationBody: zx.reconsiderationBody,
      'office.name': zx.office.name,
      'office.email': zx.office.email,
      'office.phone': '0552-6509999',
    };
    const bad = await b.post(`/admin/agencies/${zx.id}`, {
      ...form,
      creditCode: '11340323MB04000047',
      'office.email': 'not-an-email',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /校验位/);
    assert.match(bad.body, /电子邮箱格式不正确/);
    assert.equal((await agenciesStore.byId(ctx.db, zx.id))!.office.phone, zx.office.phone);

    const good = await b.post(`/admin/agencies/${zx.id}`, form);
    assert.equal(good.statusCode, 303);
    assert.equal((await agenciesStore.byId(ctx.db, zx.id))!.office.phone, '0552-6509999');
  });

  test('an agency admin adds an account for its agency; a weak password or another agency is refused', async () => {
    const b = new Browser(app);
    await b.login('zx-admin');
    const zx = (await agenciesStore.byPathSegment(ctx.db, 'zhongxing'))!;
    const hugou = (await agenciesStore.byPathSegment(ctx.db, 'hugou'))!;
    const form = {
      username: 'zx-clerk',
      displayName: '仲兴乡办事员',
      password: 'Cl3rk-Passw0rd',
      'grants.0.agencyId': zx.id,
      'grants.0.role': 'case_handler',
    };
    const weak = await b.submit('/admin/users', '/admin/users', { ...form, password: 'short' });
    assert.equal(weak.statusCode, 422);
    assert.match(weak.body, /密码至少 10 位/);
    const other = await b.submit('/admin/users', '/admin/users', { ...form, 'grants.0.agencyId': hugou.id });
    assert.equal(other.statusCode, 403);
    const count = async () => (await ctx.db.selectFrom('users').select('id').execute()).length;
    const before = await count();
    const ok = await b.submit('/admin/users', '/admin/users', form);
    assert.equal(ok.statusCode, 303);
    assert.equal(await count(), before + 1);
    const list = await b.get('/admin/users');
    assert.match(list.body, /zx-clerk/);
    assert.doesNotMatch(list.body, /gz-supervisor/);
  });

  test('repeated wrong passwords lock the account', async () => {
    const b = new Browser(app);
    for (let i = 0; i < ctx.config.auth.maxFailures; i++) {
      await b.submit('/admin/login', '/admin/login', { username: 'zx-editor', password: 'nope-nope-nope' });
    }
    const res = await b.submit('/admin/login', '/admin/login', {
      username: 'zx-editor',
      password: 'Gongkai-Demo-2026',
    });
    assert.equal(res.statusCode, 423);
    assert.match(res.body, /锁定/);
  });

  test('elder mode is a cookie switch that works without JavaScript', async () => {
    const b = new Browser(app);
    const res = await b.get('/mode/elder?back=/zhongxing/');
    assert.equal(res.statusCode, 302);
    assert.equal(res.headers.location, '/zhongxing/');
    const page = await b.get('/zhongxing/');
    assert.match(page.body, /<body class="elder">/);
    const evil = await b.get('/mode/elder?back=//evil.example');
    assert.equal(evil.headers.location, '/');
  });
});
