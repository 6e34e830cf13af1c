/**
 * The normative-document registry, notice periods and Art. 26 on the effective calendar, on real databases
 * (SQLite, and PostgreSQL when DATABASE_URL is set).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDatabase } from '../../../test/support/db.js';
import { testContext } from '../../../test/support/context.js';
import { agenciesStore } from '../../access/agencies.store.js';
import type { Agency } from '../../access/agency.js';
import { systemActor, type Actor } from '../../platform/actor.js';
import { ARRANGEMENT_FORMAT } from '../../calendar/arrangement.js';
import { shippedArrangements } from '../../calendar/data/shipped.js';
import { saveArrangement } from '../../calendar/save-arrangement.js';
import { WorkCalendar } from '../../calendar/work-calendar.js';
import { loadDemo } from '../../demo/load-demo.js';
import { bulkStoreSources } from '../../annual-reports/bulk-sources.js';
import { agencyRefOf } from '../../reports/agency-ref.js';
import { computeReport } from '../../reports/compute-report.js';
import { saveArticle20Figures } from '../../reports/entry/save-article20.js';
import { reportSourcesFor } from '../../reports/report-sources.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { listEvents } from '../../platform/events.js';
import { catalogStore } from '../catalog.store.js';
import { endNoticePeriods } from '../items/notice-periods.job.js';
import { publishItem } from '../items/publish-item.js';
import { reviseItem } from '../items/revise-item.js';
import { normativeDocumentCounts } from './registry.js';
import { sweepRegistry } from './registry-sweep.job.js';
import { expiryAlertDue } from './normative-rules.js';
import { registryStore } from './registry.store.js';
import { createItem } from '../items/save-item.js';
import { ensureCatalog } from '../setup-catalog.js';
import { submitItem } from '../items/submit-item.js';
import { art26Timeliness } from '../items/timeliness.js';

const user = (agencyId: string, role: 'editor' | 'reviewer', label: string): Actor => ({
  kind: 'user',
  userId: `${role}-r`,
  label,
  grants: [{ agencyId, role }],
});

describeEachDatabase('normative registry and notice periods', ({ handle }) => {
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
    columnId = (await catalogStore.columnByCode(ctx.db, zx.id, 'a20-01'))!.id;
    editor = user(zx.id, 'editor', '编辑甲');
    reviewer = user(zx.id, 'reviewer', '审核乙');
  });

  const submitted = async (extra: Record<string, unknown>) => {
    const { itemId } = await createItem(ctx, editor, zx.id, {
      columnId,
      title: '仲兴乡公告',
      summary: '概述',
      issuer: '仲兴乡人民政府',
      writtenOn: legal(day),
      ...extra,
    });
    await submitItem(ctx, editor, itemId);
    return itemId;
  };
  const legal = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

  /** A normative document published with an exemption from interpretation (三同步 allows a stated reason). */
  const publishDocument = async (title: string, extra: Record<string, unknown> = {}) => {
    const id = await submitted({
      title,
      normative: true,
      interpretationExemption: '内容简单，无需解读',
      ...extra,
    });
    return { id, ...(await publishItem(ctx, reviewer, id)) };
  };

  test('publishing registers a normative document: unique number, default validity 5 years or 2 for 试行', async () => {
    at('2026-03-02T02:00:00.000Z');
    const a = await publishDocument('仲兴乡村级公益事业一事一议财政奖补办法');
    const b = await publishDocument('仲兴乡农村人居环境整治考核办法（试行）', { effectiveOn: '2026-04-01' });
    const c = await publishDocument('仲兴乡殡葬管理办法', { expiresOn: '2027-12-31' });
    const code = zx.creditCode.slice(8, 17);
    assert.match(a.registrationNo!, new RegExp(`^${code}-2026-\\d{3}$`));
    assert.equal(Number(b.registrationNo!.slice(-3)), Number(a.registrationNo!.slice(-3)) + 1);
    assert.equal(new Set([a.registrationNo, b.registrationNo, c.registrationNo]).size, 3);
    assert.equal((await catalogStore.itemById(ctx.db, a.id))!.expiresOn, '2031-03-01');
    assert.equal((await catalogStore.itemById(ctx.db, b.id))!.expiresOn, '2028-03-31');
    assert.equal((await catalogStore.itemById(ctx.db, c.id))!.expiresOn, '2027-12-31');
    // An ordinary item is not registered.
    const plain = await submitted({ title: '仲兴乡工作动态' });
    assert.equal((await publishItem(ctx, reviewer, plain)).registrationNo, null);
    assert.equal(await registryStore.registrationOf(ctx.db, plain), undefined);
  });

  test('an item revised into a normative document is registered then, and keeps its number on later revisions', async () => {
    at('2026-03-09T02:00:00.000Z');
    const plain = await submitted({ title: '仲兴乡农村饮用水工程管护办法' });
    await publishItem(ctx, reviewer, plain);
    assert.equal(await registryStore.registrationOf(ctx.db, plain), undefined);
    const item = (await catalogStore.itemById(ctx.db, plain))!;
    const fields = {
      columnId,
      title: item.title,
      summary: item.summary,
      issuer: item.issuer,
      writtenOn: item.writtenOn,
      normative: true,
      interpretationExemption: '内容简单，无需解读',
    };
    at('2026-03-10T02:00:00.000Z');
    await reviseItem(ctx, reviewer, plain, fields, '按规范性文件登记');
    const registration = (await registryStore.registrationOf(ctx.db, plain))!;
    assert.ok(registration, 'registered by the revision');
    assert.equal(registration.registered_on, '2026-03-10');
    assert.equal((await catalogStore.itemById(ctx.db, plain))!.expiresOn, '2031-03-09');
    await reviseItem(ctx, reviewer, plain, { ...fields, summary: '修改概述' }, '修改概述');
    assert.equal(
      (await registryStore.registrationOf(ctx.db, plain))!.registration_no,
      registration.registration_no,
    );
  });

  test('the daily sweep reminds once 6 months before expiry, then expires and stamps the document', async () => {
    at('2026-03-02T02:00:00.000Z');
    const d = await publishDocument('仲兴乡秸秆综合利用奖补办法', { expiresOn: '2026-09-30' });
    const reminders = async () =>
      (await listEvents(ctx.db, { agencyIds: [zx.id], action: 'catalog.normative_expiry_reminder' })).filter(
        (e) => e.entityId === d.id,
      ).length;
    at('2026-03-29T02:00:00.000Z'); // 2026-03-29 is before 2026-03-30, six months before 30 September
    await sweepRegistry(ctx);
    assert.equal(await reminders(), 0);
    at('2026-03-30T02:00:00.000Z');
    await sweepRegistry(ctx);
    await sweepRegistry(ctx);
    assert.equal(await reminders(), 1);
    const base = (await normativeDocumentCounts(ctx.db, [zx.id], 2026))[0]!;
    at('2026-09-30T02:00:00.000Z');
    await sweepRegistry(ctx);
    assert.equal((await catalogStore.itemById(ctx.db, d.id))!.validity, 'in_force');
    at('2026-10-01T02:00:00.000Z');
    await sweepRegistry(ctx);
    const doc = (await catalogStore.itemById(ctx.db, d.id))!;
    assert.equal(doc.validity, 'expired');
    assert.equal(doc.repealedOn, '2026-10-01');
    assert.equal(doc.status, 'published');
    const [rev] = await catalogStore.revisions(ctx.db, d.id);
    assert.match(rev!.note, /2026-10-01 失效/);
    // Counting expiry as 废止 was already the registry's rule; the count does not double on a later sweep.
    await sweepRegistry(ctx);
    const after = (await normativeDocumentCounts(ctx.db, [zx.id], 2026))[0]!;
    assert.deepEqual(after, base);
  });

  test('at a month end the sweep reminds by expiryAlertDue, the window the registry page shows', async () => {
    at('2027-02-20T02:00:00.000Z');
    const d = await publishDocument('仲兴乡农村公路养护管理办法', { expiresOn: '2027-08-31' });
    const reminders = async () =>
      (await listEvents(ctx.db, { agencyIds: [zx.id], action: 'catalog.normative_expiry_reminder' })).filter(
        (e) => e.entityId === d.id,
      ).length;
    at('2027-02-27T02:00:00.000Z');
    await sweepRegistry(ctx);
    assert.equal(await reminders(), 0);
    // 31 August − 6 months clamps to 28 February; counting forward from 28 February (→ 28 August) missed it.
    at('2027-02-28T02:00:00.000Z');
    assert.equal(expiryAlertDue('2027-08-31', '2027-02-28'), true);
    await sweepRegistry(ctx);
    assert.equal(await reminders(), 1);
  });

  test('a notice period cannot end before publication and comes down after its last day', async () => {
    at('2026-05-11T02:00:00.000Z');
    const id = await submitted({ title: '仲兴乡2026年第二批低保对象公示', genre: '公示' });
    await assert.rejects(
      publishItem(ctx, reviewer, id, [], { noticeEndsOn: '2026-05-10' }),
      (e) => e instanceof DomainError && /不能早于发布日期/.test(e.fields.noticeEndsOn ?? ''),
    );
    await assert.rejects(
      publishItem(ctx, reviewer, id, [], { noticeEndsOn: '2026-05-32' }),
      (e) => e instanceof DomainError && /有效日期/.test(e.fields.noticeEndsOn ?? ''),
    );
    assert.equal((await catalogStore.itemById(ctx.db, id))!.status, 'submitted');
    assert.equal(await registryStore.noticePeriodOf(ctx.db, id), undefined);
    await publishItem(ctx, reviewer, id, [], { noticeEndsOn: '2026-05-17' });
    at('2026-05-17T15:00:00.000Z'); // 23:00 Beijing time on the last day
    assert.equal(await endNoticePeriods(ctx), 0);
    at('2026-05-17T16:30:00.000Z'); // 00:30 on 18 May
    assert.equal(await endNoticePeriods(ctx), 1);
    assert.equal(await endNoticePeriods(ctx), 0);
    const item = (await catalogStore.itemById(ctx.db, id))!;
    assert.equal(item.status, 'withdrawn');
    assert.equal(item.withdrawReason, '公示期满');
    const notes = (await catalogStore.revisions(ctx.db, id)).map((r) => r.note);
    assert.match(notes[0]!, /^公示期满/);
    assert.equal(notes.length, 2);
  });

  test('Art. 26 lateness follows the imported holiday arrangement, not only the shipped years', async () => {
    // 2027 is not shipped: its National Day week is unknown until an administrator imports the notice.
    // Formed Thursday 30 September 2027; with 1–7 October off and Saturday 9 October worked, the 20th
    // working day is Wednesday 3 November (8, 9, 11–15, 18–22, 25–29 October, 1–3 November); on the
    // plain weekday calendar it would be Thursday 28 October.
    const shipped = new WorkCalendar(shippedArrangements());
    assert.equal(art26Timeliness(shipped, '2027-09-30', '2027-11-01').late, true);
    await saveArrangement(
      ctx,
      systemActor(),
      {
        kind: 'national',
        arrangement: {
          format: ARRANGEMENT_FORMAT,
          year: 2027,
          notices: [{ title: '国务院办公厅关于2027年部分节假日安排的通知（测试）' }],
          source: 'test',
          days: [
            ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
              date: `2027-10-${d}`,
              kind: 'off' as const,
              name: '国庆节',
            })),
            { date: '2027-10-09', kind: 'work' as const, name: '国庆节' },
          ],
        },
      },
      { source: '测试' },
      [],
    );
    at('2027-11-01T02:00:00.000Z');
    const onTime = await submitted({ title: '国庆后发布的通知', writtenOn: '2027-09-30' });
    assert.equal((await publishItem(ctx, reviewer, onTime)).late, false);
    at('2027-11-04T02:00:00.000Z');
    const late = await submitted({ title: '晚发布的通知', writtenOn: '2027-09-30' });
    assert.equal((await publishItem(ctx, reviewer, late)).late, true);
    assert.equal((await catalogStore.itemById(ctx.db, onTime))!.spanWorkdays, 18);
  });

  test('annual report table 二（一）: the 规范性文件 row comes from the registry, other rows stay entered', async () => {
    const all = await agenciesStore.all(ctx.db);
    const hugou = (await agenciesStore.byPathSegment(ctx.db, 'hugou'))!;
    for (const a of [zx, hugou])
      await saveArticle20Figures(ctx, systemActor(), a.id, 2026, [
        { rowId: 't2.r1.normative', values: { issued: 99, repealed: 98, inForce: 97 }, source: '手工录入' },
        { rowId: 't2.r6.penalty', values: { decisions: 4 }, source: '执法平台' },
      ]);
    const t2 = async (a: Agency) =>
      (await computeReport(agencyRefOf(a, all), 2026, reportSourcesFor(ctx))).tables.t2;
    const [counts] = await normativeDocumentCounts(ctx.db, [zx.id], 2026);
    // This suite published four documents in 2026 and expired one of them.
    assert.ok(counts!.made >= 4 && counts!.repealed >= 1);
    const zxTable = await t2(zx);
    assert.equal(zxTable['t2.r1.normative:issued'], counts!.made);
    assert.equal(zxTable['t2.r1.normative:repealed'], counts!.repealed);
    assert.equal(zxTable['t2.r1.normative:inForce'], counts!.inForce);
    assert.equal(zxTable['t2.r6.penalty:decisions'], 4);
    // The bulk roll-up sources answer the same.
    const bulk = await bulkStoreSources(ctx, [zx.id], [2026]);
    const rows = await bulk.article20.article20(agencyRefOf(zx, all), 2026, '2021');
    assert.deepEqual(rows.find((r) => r.rowId === 't2.r1.normative')!.values, {
      issued: counts!.made,
      repealed: counts!.repealed,
      inForce: counts!.inForce,
    });
    // An agency that keeps no register here keeps its entered history.
    assert.equal((await t2(hugou))['t2.r1.normative:issued'], 99);
  });
});
