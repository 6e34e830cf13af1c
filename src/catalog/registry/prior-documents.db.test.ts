/**
 * Normative documents issued before the platform (存量文件) in the register and the annual report, on real
 * databases (SQLite, and PostgreSQL when DATABASE_URL is set). 湖沟镇 keeps no register here at first.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDatabase } from '../../../test/support/db.js';
import { testContext } from '../../../test/support/context.js';
import { agenciesStore } from '../../access/agencies.store.js';
import type { Agency } from '../../access/agency.js';
import { systemActor, type Actor } from '../../platform/actor.js';
import { loadDemo } from '../../demo/load-demo.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { listEvents } from '../../platform/events.js';
import { agencyRefOf } from '../../reports/agency-ref.js';
import { computeReport } from '../../reports/compute-report.js';
import { saveArticle20Figures } from '../../reports/entry/save-article20.js';
import { reportSourcesFor } from '../../reports/report-sources.js';
import { columnsWithContent } from '../portal/portal-data.js';
import { recordPriorDocument, repealPriorDocument } from './record-prior-document.js';
import { normativeDocumentCounts, registryInUse } from './registry.js';
import { registryStore } from './registry.store.js';

describeEachDatabase('normative documents from before the platform (存量文件)', ({ handle }) => {
  let ctx: AppContext;
  let hugou: Agency;
  let admin: Actor;
  let day = '2026-03-02T02:00:00.000Z';

  before(async () => {
    ctx = { ...testContext(handle()), now: () => new Date(day) };
    await loadDemo(ctx);
    hugou = (await agenciesStore.byPathSegment(ctx.db, 'hugou'))!;
    admin = {
      kind: 'user',
      userId: 'hg-admin',
      label: '湖沟镇管理员',
      grants: [{ agencyId: hugou.id, role: 'agency_admin' }],
    };
    // Figures typed by hand for 2025 and 2026 before the register was kept here.
    for (const year of [2025, 2026])
      await saveArticle20Figures(ctx, systemActor(), hugou.id, year, [
        { rowId: 't2.r1.normative', values: { issued: 9, repealed: 8, inForce: 7 }, source: '手工录入' },
      ]);
  });

  const counts = async (year: number) => {
    const [c] = await normativeDocumentCounts(ctx.db, [hugou.id], year);
    return { made: c!.made, repealed: c!.repealed, inForce: c!.inForce };
  };
  const table2 = async (year: number) => {
    const t = (
      await computeReport(agencyRefOf(hugou, await agenciesStore.all(ctx.db)), year, reportSourcesFor(ctx))
    ).tables.t2;
    return {
      made: t['t2.r1.normative:issued'],
      repealed: t['t2.r1.normative:repealed'],
      inForce: t['t2.r1.normative:inForce'],
    };
  };
  const refused = (field: string, message: RegExp) => (e: unknown) =>
    e instanceof DomainError && message.test(e.fields[field] ?? '');

  test('entered documents count by their own dates, the default validity filling a missing 有效期至', async () => {
    assert.equal(await registryInUse(ctx.db, hugou.id, 2026), false);
    assert.equal((await columnsWithContent(ctx.db, hugou)).normative, false);
    // In force, no 有效期至 named: five years from taking effect.
    const a = await recordPriorDocument(ctx, admin, hugou.id, {
      title: '湖沟镇农村集体资产管理办法',
      docNo: '湖政〔2023〕4号',
      publishedOn: '2023-02-01',
      effectiveOn: '2023-03-01',
    });
    assert.equal(a.expiresOn, '2028-02-29');
    // A trial document: two years from publication.
    const b = await recordPriorDocument(ctx, admin, hugou.id, {
      title: '湖沟镇河长制工作考核办法（试行）',
      docNo: '湖政〔2025〕2号',
      publishedOn: '2025-03-01',
    });
    assert.equal(b.expiresOn, '2027-02-28');
    // Its 有效期至 runs out this year: it counts as 废止 in 2026.
    await recordPriorDocument(ctx, admin, hugou.id, {
      title: '湖沟镇殡葬管理暂行规定',
      docNo: '湖政〔2021〕7号',
      publishedOn: '2021-07-01',
      expiresOn: '2026-06-30',
    });
    // Already repealed when entered, in 2026.
    await recordPriorDocument(ctx, admin, hugou.id, {
      title: '湖沟镇村庄规划建设管理办法',
      docNo: '湖政〔2020〕11号',
      publishedOn: '2020-08-01',
      repealedOn: '2026-02-01',
      sourceUrl: 'https://www.guzhen.gov.cn/hugou/2020/11.html',
    });
    assert.deepEqual(await counts(2026), { made: 0, repealed: 2, inForce: 2 });
    // 2025: the trial document was made then; the one repealed in 2026 was still in force.
    assert.deepEqual(await counts(2025), { made: 1, repealed: 0, inForce: 4 });
    assert.equal((await columnsWithContent(ctx.db, hugou)).normative, true);
    const events = await listEvents(ctx.db, {
      agencyIds: [hugou.id],
      action: 'catalog.prior_document_recorded',
    });
    assert.equal(events.length, 4);
  });

  test('table 二 takes the register from the year the documents were entered; earlier years keep what was typed', async () => {
    assert.equal(await registryInUse(ctx.db, hugou.id, 2026), true);
    assert.deepEqual(await table2(2026), await counts(2026));
    // Entered in 2026, so the 2025 report is the history typed then, whatever the documents' own dates.
    assert.equal(await registryInUse(ctx.db, hugou.id, 2025), false);
    assert.deepEqual(await table2(2025), { made: 9, repealed: 8, inForce: 7 });
  });

  test('bad input, a repeated 文号 and a user without the right change nothing', async () => {
    const before = await registryStore.priorDocumentsOf(ctx.db, [hugou.id]);
    await assert.rejects(
      recordPriorDocument(ctx, admin, hugou.id, {
        title: '重复登记',
        docNo: '湖政〔2023〕4号',
        publishedOn: '2023-05-01',
      }),
      refused('docNo', /已登记，不能重复登记/),
    );
    await assert.rejects(
      recordPriorDocument(ctx, admin, hugou.id, {
        title: '未来的文件',
        docNo: '湖政〔2026〕99号',
        publishedOn: '2026-03-03',
      }),
      refused('publishedOn', /不能晚于今天/),
    );
    const editor: Actor = {
      kind: 'user',
      userId: 'hg-editor',
      label: '编辑',
      grants: [{ agencyId: hugou.id, role: 'editor' }],
    };
    await assert.rejects(
      recordPriorDocument(ctx, editor, hugou.id, {
        title: '无权登记',
        docNo: '湖政〔2024〕1号',
        publishedOn: '2024-01-05',
      }),
      (e) => e instanceof DomainError && e.code === 'auth.forbidden',
    );
    assert.deepEqual(await registryStore.priorDocumentsOf(ctx.db, [hugou.id]), before);
  });

  test('repeal of an entered document: once, on a real day between publication and today', async () => {
    const doc = (await registryStore.priorDocumentsOf(ctx.db, [hugou.id])).find(
      (d) => d.doc_no === '湖政〔2023〕4号',
    )!;
    const base = await counts(2026);
    day = '2026-03-10T02:00:00.000Z';
    await assert.rejects(
      repealPriorDocument(ctx, admin, doc.id, '2023-01-31'),
      refused('repealedOn', /早于发布日期/),
    );
    await assert.rejects(
      repealPriorDocument(ctx, admin, doc.id, '2026-03-11'),
      refused('repealedOn', /晚于今天/),
    );
    assert.equal((await registryStore.priorDocument(ctx.db, doc.id))!.repealed_on, null);
    await repealPriorDocument(ctx, admin, doc.id, '2026-03-10');
    assert.deepEqual(await counts(2026), {
      made: base.made,
      repealed: base.repealed + 1,
      inForce: base.inForce - 1,
    });
    await assert.rejects(
      repealPriorDocument(ctx, admin, doc.id, '2026-03-10'),
      (e) => e instanceof DomainError && /已于 2026-03-10 废止/.test(e.message),
    );
    await assert.rejects(
      repealPriorDocument(ctx, admin, 'no-such-id', '2026-03-10'),
      (e) => e instanceof DomainError && e.code === 'not_found',
    );
  });
});
