/**
 * Every staff view or download that shows personal data in clear is one audit event
 * (`<subject>.personal_data_viewed`) naming the subject, the viewer, the agency and the fields shown: the
 * applicant's details, the case's files and the notices addressed to the applicant (HTML and DOCX); a message's
 * contact details and its attachment; a consultation's opinions with names and contacts. Masked views (the
 * supervisor's read-only page, the public pages) record none.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../src/platform/context.js';
import { agenciesStore } from '../../src/access/agencies.store.js';
import { requestsStore } from '../../src/requests/requests.store.js';
import { describeEachDatabase } from '../support/db.js';
import { Browser, csrfOf, demoApp, multipartBody } from '../support/http.js';

const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

const application = {
  applicantKind: 'natural',
  name: '周九',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  phone: '13800009999',
  infoTitle: '仲兴乡2026年道路养护合同',
  form: 'electronic',
  delivery: 'online',
  website: '',
};

const message = {
  kind: 'consultation',
  subject: '仲兴乡垃圾清运时间',
  body: '请问垃圾几点清运？',
  name: '吴十',
  phone: '13900009999',
  email: 'wushi@example.cn',
  isPublic: 'yes',
  website: '',
};

describeEachDatabase('every view of personal data in clear is one audit event', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let zhongxing = '';
  let handlerId = '';
  let caseId = '';
  let trackingCode = '';
  let messageId = '';

  type Viewed = { entityType: string; entityId: string; actorId: string | null; agencyId: string | null };
  const viewed = async () =>
    (
      await ctx.db
        .selectFrom('events')
        .selectAll()
        .where('action', 'like', '%.personal_data_viewed')
        .orderBy('id')
        .execute()
    ).map((e) => ({
      action: e.action,
      entityType: e.entity_type,
      entityId: e.entity_id,
      actorId: e.actor_id,
      agencyId: e.agency_id,
      data: JSON.parse(e.data) as Record<string, unknown>,
    }));
  /** The events a request writes: exactly one, naming the subject and the viewer. */
  const oneView = async (run: () => Promise<{ statusCode: number }>, subject: Omit<Viewed, 'actorId'>) => {
    const seen = (await viewed()).length;
    const res = await run();
    assert.equal(res.statusCode, 200);
    const fresh = (await viewed()).slice(seen);
    assert.equal(fresh.length, 1, 'exactly one event per view');
    const e = fresh[0]!;
    assert.equal(e.action, `${subject.entityType}.personal_data_viewed`);
    assert.deepEqual(
      { entityType: e.entityType, entityId: e.entityId, agencyId: e.agencyId, actorId: e.actorId },
      { ...subject, actorId: handlerId },
    );
    return e.data;
  };
  const send = async (
    b: Browser,
    page: string,
    url: string,
    fields: Record<string, string>,
    file: string,
  ) => {
    const token = csrfOf((await b.get(page)).body);
    const { payload, contentType } = multipartBody({ _csrf: token, ...fields }, [
      { field: file, name: '身份证.pdf', content: PDF },
    ]);
    return app.inject({
      method: 'POST',
      url,
      payload,
      headers: { 'content-type': contentType },
      cookies: { gk_csrf: b.cookie('gk_csrf') ?? '' },
    });
  };
  const staff = async (username = 'zx-handler') => {
    const b = new Browser(app);
    await b.login(username);
    return b;
  };

  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
    zhongxing = (await agenciesStore.all(ctx.db)).find((a) => a.pathSegment === 'zhongxing')!.id;
    handlerId = (
      await ctx.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'zx-handler')
        .executeTakeFirstOrThrow()
    ).id;
    const pub = new Browser(app);
    const applied = await send(
      pub,
      '/zhongxing/ysqgk/apply',
      '/zhongxing/ysqgk/apply',
      application,
      'idCopy',
    );
    assert.equal(applied.statusCode, 303, applied.body);
    trackingCode = /receipt\/([2-9A-HJ-NP-Z]{12})/.exec(String(applied.headers.location))![1]!;
    caseId = (await requestsStore.byTrackingCode(ctx.db, trackingCode))!.id;
    const sent = await send(pub, '/zhongxing/hdjl/new', '/zhongxing/hdjl/new', message, 'attachment');
    assert.equal(sent.statusCode, 201, sent.body);
    messageId = (
      await ctx.db
        .selectFrom('messages')
        .select('id')
        .where('subject', '=', message.subject)
        .executeTakeFirstOrThrow()
    ).id;
  });

  test('the applicant’s details and an uploaded ID copy', async () => {
    const b = await staff();
    const subject = { entityType: 'request', entityId: caseId, agencyId: zhongxing };
    const details = await oneView(() => b.get(`/admin/requests/${caseId}/applicant`), subject);
    assert.ok((details.fields as string[]).includes('idNumber'), 'names the fields shown');
    const page = (await b.get(`/admin/requests/${caseId}`)).body;
    const link = /href="(\/admin\/requests\/[^"]+\/attachments\/([^"]+))">身份证.pdf</.exec(page)!;
    const file = await oneView(() => b.get(link[1]!), subject);
    assert.deepEqual(file.fields, ['attachment']);
    assert.equal(file.attachment, link[2]);
  });

  test('the 受理回执 as printable HTML and as DOCX', async () => {
    const b = await staff();
    const subject = { entityType: 'request', entityId: caseId, agencyId: zhongxing };
    for (const format of ['html', 'docx']) {
      const data = await oneView(() => b.get(`/admin/requests/${caseId}/notices/receipt.${format}`), subject);
      assert.deepEqual(
        { fields: data.fields, notice: data.notice, format: data.format },
        { fields: ['name'], notice: 'receipt', format },
      );
    }
  });

  test('a message’s contact details and its attachment', async () => {
    const b = await staff();
    const subject = { entityType: 'message', entityId: messageId, agencyId: zhongxing };
    let page = '';
    const data = await oneView(async () => {
      const res = await b.get(`/admin/messages/${messageId}`);
      page = res.body;
      return res;
    }, subject);
    assert.match(page, /13900009999/);
    assert.deepEqual(data.fields, ['name', 'phone', 'email']);
    const fileId = /attachments\/([\w-]+)"/.exec(page)![1]!;
    const file = await oneView(() => b.get(`/admin/messages/${messageId}/attachments/${fileId}`), subject);
    assert.deepEqual(
      { fields: file.fields, attachment: file.attachment },
      { fields: ['attachment'], attachment: fileId },
    );
  });

  test('a consultation’s opinions with names and contacts', async () => {
    const c = await ctx.db
      .selectFrom('consultations')
      .select('id')
      .where('agency_id', '=', zhongxing)
      .where('title', 'like', '%人居环境%')
      .executeTakeFirstOrThrow();
    const b = await staff();
    let page = '';
    const data = await oneView(
      async () => {
        const res = await b.get(`/admin/consultations/${c.id}`);
        page = res.body;
        return res;
      },
      { entityType: 'consultation', entityId: c.id, agencyId: zhongxing },
    );
    assert.match(page, /演示村民甲 13800000011/);
    assert.deepEqual(data.fields, ['name', 'contact']);
    assert.equal((data.opinions as string[]).length, 1, 'names the one opinion that gave a name');
  });

  test('masked views record nothing: the supervisor’s read-only message, the public pages', async () => {
    const seen = (await viewed()).length;
    const supervisor = await staff('gz-supervisor');
    const masked = await supervisor.get(`/admin/messages/${messageId}`);
    assert.equal(masked.statusCode, 200);
    assert.doesNotMatch(masked.body, /13900009999/);
    const pub = new Browser(app);
    for (const url of [`/zhongxing/ysqgk/receipt/${trackingCode}`, '/zhongxing/hdjl/', '/zhongxing/zjdc/'])
      assert.equal((await pub.get(url)).statusCode, 200, url);
    assert.equal((await viewed()).length, seen);
  });
});
