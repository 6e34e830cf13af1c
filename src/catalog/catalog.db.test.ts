/** The catalog's use cases on real databases (SQLite, and PostgreSQL when DATABASE_URL is set). */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDatabase } from '../../test/support/db.js';
import { testContext } from '../../test/support/context.js';
import { agenciesStore } from '../access/agencies.store.js';
import type { Agency } from '../access/agency.js';
import type { Actor } from '../platform/actor.js';
import { loadDemo } from '../demo/load-demo.js';
import type { AppContext } from '../platform/context.js';
import { DomainError } from '../platform/errors.js';
import { addAttachment, removeAttachment } from './items/attach.js';
import { catalogStore } from './catalog.store.js';
import { approveItem } from './items/approve-item.js';
import { setReviewLevels } from './manage-catalog.js';
import { publishItem } from './items/publish-item.js';
import { columnTotal } from './portal/portal-data.js';
import { normativeDocumentCounts } from './registry/registry.js';
import { endValidity } from './items/repeal-item.js';
import { reviseItem } from './items/revise-item.js';
import { createItem, editItem } from './items/save-item.js';
import { simpleSearch } from './search-port.js';
import { ensureCatalog } from './setup-catalog.js';
import { submitItem } from './items/submit-item.js';
import { withdrawItem } from './items/withdraw-item.js';

const ID = '11010519491231002X';

const user = (agencyId: string, role: 'editor' | 'reviewer', label: string): Actor => ({
  kind: 'user',
  userId: `${role}-1`,
  label,
  grants: [{ agencyId, role }],
});

describeEachDatabase('catalog items', ({ handle }) => {
  let ctx: AppContext;
  let zx: Agency;
  let editor: Actor;
  let reviewer: Actor;
  let columnId: string;
  let day = '2026-03-02T02:00:00.000Z';
  const at = (iso: string) => {
    day = iso;
  };

  before(async () => {
    ctx = { ...testContext(handle()), now: () => new Date(day) };
    await loadDemo(ctx);
    zx = (await agenciesStore.byPathSegment(ctx.db, 'zhongxing'))!;
    await ensureCatalog(ctx.db, zx);
    columnId = (await catalogStore.columnByCode(ctx.db, zx.id, 'a20-11'))!.id;
    editor = user(zx.id, 'editor', '编辑甲');
    reviewer = user(zx.id, 'reviewer', '审核乙');
  });

  const draft = (extra: Record<string, unknown> = {}) =>
    createItem(ctx, editor, zx.id, {
      columnId,
      title: '仲兴乡2026年春季农村低保对象公示',
      summary: '公示春季新增低保对象',
      writtenOn: '2026-02-26',
      docNo: '仲政〔2026〕3号',
      bodyHtml: '<p>经村级评议、乡级审核，现予公示。</p>',
      ...extra,
    });

  const publishNew = async (extra: Record<string, unknown> = {}) => {
    const { itemId } = await draft(extra);
    await submitItem(ctx, editor, itemId);
    return { itemId, ...(await publishItem(ctx, reviewer, itemId)) };
  };

  test('list totals are exact up to the cap, then capped and marked inexact', async () => {
    const ids = [(await catalogStore.columnByCode(ctx.db, zx.id, 'gzdt'))!.id];
    const counted = await ctx.db
      .selectFrom('catalog_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('column_id', 'in', ids)
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    const n = Number(counted.n);
    assert.ok(n > 5, `the demo column holds ${n} items`);
    assert.deepEqual(await columnTotal(ctx.db, ids, n), { count: n, exact: true });
    assert.deepEqual(await columnTotal(ctx.db, ids, n - 1), { count: n - 1, exact: false });
    assert.deepEqual(await columnTotal(ctx.db, ids, 3), { count: 3, exact: false });
  });

  test('bad input gets Chinese field errors and stores nothing', async () => {
    const before = (await catalogStore.forAdmin(ctx.db, { agencyIds: [zx.id], limit: 100, offset: 0 })).total;
    await assert.rejects(
      createItem(ctx, editor, zx.id, {
        columnId,
        title: '',
        writtenOn: '2026-02-30',
        docNo: '仲政[2026]1号',
      }),
      (e) =>
        e instanceof DomainError &&
        e.fields.title === '请填写标题' &&
        /有效日期/.test(e.fields.writtenOn ?? '') &&
        e.code === 'validation.failed',
    );
    await assert.rejects(
      draft({ docNo: '仲政[2026]1号' }),
      (e) => e instanceof DomainError && /〔〕/.test(e.fields.docNo ?? ''),
    );
    await assert.rejects(draft({ columnId: 'nope' }), (e) => e instanceof DomainError && !!e.fields.columnId);
    const outsider = user('someone-else', 'editor', '外单位');
    await assert.rejects(createItem(ctx, outsider, zx.id, { columnId, title: 'x' }), /无权/);
    assert.equal(
      (await catalogStore.forAdmin(ctx.db, { agencyIds: [zx.id], limit: 100, offset: 0 })).total,
      before,
    );
  });

  test('index numbers are unique, immutable and never reused after withdrawal', async () => {
    at('2026-03-02T02:00:00.000Z');
    const a = await publishNew();
    const b = await publishNew();
    assert.match(a.indexNo, /^11340323MB04000046\/2026-\d{5}$/);
    const seqA = Number(a.indexNo.slice(-5));
    assert.equal(b.indexNo, `11340323MB04000046/2026-${String(seqA + 1).padStart(5, '0')}`);
    await withdrawItem(ctx, reviewer, b.itemId, '误发');
    const c = await publishNew();
    assert.equal(c.indexNo, `11340323MB04000046/2026-${String(seqA + 2).padStart(5, '0')}`);
    const withdrawn = (await catalogStore.itemById(ctx.db, b.itemId))!;
    assert.equal(withdrawn.indexNo, b.indexNo);
    assert.equal(withdrawn.status, 'withdrawn');
    assert.equal(withdrawn.withdrawReason, '误发');
    // Revising keeps the number and the publication date.
    await reviseItem(
      ctx,
      reviewer,
      a.itemId,
      { columnId, title: '仲兴乡2026年春季农村低保对象公示（更正）', summary: 's', writtenOn: '2026-02-26' },
      '更正标题',
    );
    const revised = (await catalogStore.itemById(ctx.db, a.itemId))!;
    assert.equal(revised.indexNo, a.indexNo);
    assert.equal(revised.publishedOn, '2026-03-02');
    assert.deepEqual(
      (await catalogStore.revisions(ctx.db, a.itemId)).map((r) => r.revision),
      [2, 1],
    );
    // A new year starts a new sequence, and still never collides.
    at('2027-01-05T02:00:00.000Z');
    const d = await publishNew({ writtenOn: '2027-01-04' });
    assert.equal(d.indexNo, '11340323MB04000046/2027-00001');
    at('2026-03-02T02:00:00.000Z');
  });

  test('the publication date is the system day and Art. 26 lateness is recorded', async () => {
    at('2026-04-10T02:00:00.000Z');
    const { itemId, late } = await publishNew({ writtenOn: '2026-02-26' });
    const item = (await catalogStore.itemById(ctx.db, itemId))!;
    assert.equal(item.publishedOn, '2026-04-10');
    assert.equal(late, true);
    assert.ok((item.spanWorkdays ?? 0) > 20);
    at('2026-03-02T02:00:00.000Z');
  });

  test('personal data in an attachment must be confirmed or removed before publishing', async () => {
    const { itemId } = await draft();
    const { attachmentId } = await addAttachment(ctx, editor, itemId, {
      fileName: '低保名单.txt',
      data: Buffer.from(`张三 ${ID} 一类低保`),
    });
    await submitItem(ctx, editor, itemId);
    await assert.rejects(
      publishItem(ctx, reviewer, itemId),
      (e) => e instanceof DomainError && e.code === 'catalog.checks_unconfirmed',
    );
    assert.equal((await catalogStore.itemById(ctx.db, itemId))!.status, 'submitted');
    await removeAttachment(ctx, reviewer, itemId, attachmentId);
    const r = await publishItem(ctx, reviewer, itemId);
    assert.ok(r.indexNo);
    await assert.rejects(
      addAttachment(ctx, editor, itemId, {
        fileName: 'evil.pdf',
        data: Buffer.from('<html>not a pdf</html>'),
      }),
      (e) => e instanceof DomainError && /类型不受支持/.test(e.fields.attachment ?? ''),
    );
  });

  test('an editor cannot publish; a normative document needs its interpretation; repeal stamps it', async () => {
    // The demo year's documents are in the registry already; this test counts what it adds.
    const base = (await normativeDocumentCounts(ctx.db, [zx.id], 2026))[0]!;
    const { itemId: docId } = await draft({
      normative: true,
      title: '仲兴乡农村人居环境整治管理办法',
      genre: '办法',
    });
    await submitItem(ctx, editor, docId);
    await assert.rejects(publishItem(ctx, editor, docId), /无权/);
    await assert.rejects(
      publishItem(ctx, reviewer, docId),
      (e) => e instanceof DomainError && e.code === 'catalog.checks_blocking' && /三同步/.test(e.message),
    );
    const { itemId: interpId } = await draft({
      title: '《仲兴乡农村人居环境整治管理办法》政策解读',
      interpretsId: docId,
      genre: '解读',
    });
    await submitItem(ctx, editor, interpId);
    await publishItem(ctx, reviewer, docId);
    await publishItem(ctx, reviewer, interpId);
    const [counts] = await normativeDocumentCounts(ctx.db, [zx.id], 2026);
    assert.deepEqual(counts, { ...base, made: base.made + 1, inForce: base.inForce + 1 });
    await assert.rejects(
      endValidity(ctx, reviewer, docId, { validity: 'repealed', on: '2027-01-01', note: '' }),
      (e) => e instanceof DomainError && !!e.fields.on,
    );
    await endValidity(ctx, reviewer, docId, {
      validity: 'repealed',
      on: '2026-03-02',
      note: '被仲政〔2026〕9号替代',
    });
    const doc = (await catalogStore.itemById(ctx.db, docId))!;
    assert.equal(doc.validity, 'repealed');
    assert.equal(doc.status, 'published');
    assert.deepEqual((await normativeDocumentCounts(ctx.db, [zx.id], 2026))[0], {
      ...base,
      made: base.made + 1,
      repealed: base.repealed + 1,
      inForce: base.inForce,
    });
  });

  test('the search port finds published items by title, 文号 and index number, not drafts or withdrawn', async () => {
    const { itemId, indexNo } = await publishNew({
      title: '关于开展秸秆禁烧巡查的通知',
      docNo: '仲政办〔2026〕17号',
    });
    const { itemId: draftId } = await draft({ title: '秸秆禁烧草稿' });
    const find = async (text: string) =>
      (await simpleSearch.search(ctx.db, { agencyIds: [zx.id], text, limit: 10, offset: 0 })).hits.map(
        (h) => h.itemId,
      );
    assert.deepEqual(await find('秸秆禁烧'), [itemId]);
    assert.deepEqual(await find('仲政办〔2026〕17号'), [itemId]);
    assert.deepEqual(await find(indexNo), [itemId]);
    assert.deepEqual(await find('100%_'), []);
    assert.ok(!(await find('草稿')).includes(draftId));
    await withdrawItem(ctx, reviewer, itemId, '内容有误');
    assert.deepEqual(await find('秸秆禁烧'), []);
    await assert.rejects(editItem(ctx, editor, itemId, { columnId, title: 'x' }), /不能直接编辑/);
  });

  test('two review levels: different people approve, then the last level publishes; an edit resets approvals', async () => {
    const admin: Actor = {
      kind: 'user',
      userId: 'admin-1',
      label: '管理员',
      grants: [{ agencyId: zx.id, role: 'agency_admin' }],
    };
    const second: Actor = {
      kind: 'user',
      userId: 'reviewer-2',
      label: '审核丙',
      grants: [{ agencyId: zx.id, role: 'reviewer' }],
    };
    await assert.rejects(
      setReviewLevels(ctx, admin, zx.id, '4'),
      (e) => e instanceof DomainError && !!e.fields.reviewLevels,
    );
    await setReviewLevels(ctx, admin, zx.id, '2');
    try {
      const { itemId } = await draft({ title: '二级审核的条目' });
      await submitItem(ctx, editor, itemId);
      await assert.rejects(
        publishItem(ctx, reviewer, itemId),
        (e) => e instanceof DomainError && e.code === 'catalog.review_pending',
      );
      assert.deepEqual(await approveItem(ctx, reviewer, itemId), { level: 1, levels: 2 });
      await assert.rejects(
        publishItem(ctx, reviewer, itemId),
        (e) => e instanceof DomainError && e.code === 'catalog.same_reviewer',
      );
      // Editing the submitted item sends it back to the first level.
      await editItem(ctx, editor, itemId, {
        columnId,
        title: '二级审核的条目（改）',
        summary: 's',
        writtenOn: '2026-02-26',
      });
      assert.deepEqual((await catalogStore.itemById(ctx.db, itemId))!.approvals, []);
      await approveItem(ctx, reviewer, itemId);
      await assert.rejects(approveItem(ctx, second, itemId), /最终审核/);
      const r = await publishItem(ctx, second, itemId);
      assert.ok(r.indexNo);
    } finally {
      await setReviewLevels(ctx, admin, zx.id, '1');
    }
  });
});
