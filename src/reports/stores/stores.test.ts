import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../../../test/support/db.js';
import { testContext } from '../../../test/support/context.js';
import { agenciesStore } from '../../access/agencies.store.js';
import { systemActor, type Actor } from '../../platform/actor.js';
import { usersStore } from '../../access/users.store.js';
import { loadDemo } from '../../demo/load-demo.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { listEvents } from '../../platform/events.js';
import { addStage, decideStage, registerDispute } from '../entry/register-dispute.js';
import { saveArticle20Figures } from '../entry/save-article20.js';
import { saveEnteredTable3 } from '../entry/save-table3.js';
import { reportSourcesFor } from '../report-sources.js';
import { article20Store } from './article20.store.js';
import { disputesStore } from './disputes.store.js';
import { table3EntriesStore } from './table3-entries.store.js';

const system = systemActor('测试');

async function userActor(ctx: AppContext, username: string): Promise<Actor> {
  const u = (await usersStore.byUsername(ctx.db, username))!;
  return { kind: 'user', userId: u.id, label: username, grants: await usersStore.grants(ctx.db, u.id) };
}

async function rejects(p: Promise<unknown>, code: string, pattern?: RegExp) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof DomainError, String(e));
    assert.equal(e.code, code);
    if (pattern) assert.match(`${e.message}${Object.values(e.fields).join('')}`, pattern);
    return true;
  });
}

describeEachDatabase('report stores and use cases', ({ handle }) => {
  let ctx: AppContext;
  let hugou: string;
  before(async () => {
    ctx = testContext(handle());
    await loadDemo(ctx);
    hugou = (await agenciesStore.byName(ctx.db, '固镇县湖沟镇人民政府'))[0]!.id;
  });

  test('table 二 figures are stored per row with their source, replaced row by row, and audited', async () => {
    await saveArticle20Figures(ctx, system, hugou, 2023, [
      { rowId: 't2.r6.penalty', values: { decisions: 7 }, source: '县执法平台导出' },
      { rowId: 't2.r8.fee', values: { amount: 1.25 }, source: '财政所' },
    ]);
    await saveArticle20Figures(ctx, system, hugou, 2023, [
      { rowId: 't2.r6.penalty', values: { decisions: 9 }, source: '更正' },
    ]);
    const rows = await article20Store.forYear(ctx.db, hugou, 2023);
    assert.deepEqual(
      rows.map((r) => [r.rowId, r.values, r.source]),
      [
        ['t2.r6.penalty', { decisions: 9 }, '更正'],
        ['t2.r8.fee', { amount: 1.25 }, '财政所'],
      ],
    );
    const events = await listEvents(ctx.db, { agencyIds: [hugou], action: 'report.article20_saved' });
    assert.equal(events.length, 2);
  });

  test('bad table 二 input is refused in Chinese and stores nothing', async () => {
    await rejects(
      saveArticle20Figures(ctx, system, hugou, 2022, [
        { rowId: 't2.r6.penalty', values: { decisions: 3 }, source: '好' },
        { rowId: 't2.r6.coercion', values: { decisions: -1 }, source: '坏' },
      ]),
      'validation.failed',
      /不能为负数/,
    );
    await rejects(
      saveArticle20Figures(ctx, system, hugou, 2022, [{ rowId: 't2.r99', values: {}, source: 'x' }]),
      'validation.failed',
      /没有此行/,
    );
    await rejects(
      saveArticle20Figures(ctx, system, hugou, 2022, [
        { rowId: 't2.r6.penalty', values: { decisions: 1 }, source: ' ' },
      ]),
      'validation.failed',
      /数据来源/,
    );
    await rejects(saveArticle20Figures(ctx, system, hugou, 2018, []), 'validation.failed', /年份/);
    assert.deepEqual(await article20Store.forYear(ctx.db, hugou, 2022), []);
  });

  test('permissions: the agency admin edits, the supervisor reads only, another agency is not found', async () => {
    const zxAdmin = await userActor(ctx, 'zx-admin');
    const supervisor = await userActor(ctx, 'gz-supervisor');
    const zx = (await agenciesStore.byName(ctx.db, '固镇县仲兴乡人民政府'))[0]!.id;
    await saveArticle20Figures(ctx, zxAdmin, zx, 2023, [
      { rowId: 't2.r6.penalty', values: { decisions: 1 }, source: '台账' },
    ]);
    await rejects(
      saveArticle20Figures(ctx, supervisor, zx, 2023, [
        { rowId: 't2.r6.penalty', values: { decisions: 2 }, source: '台账' },
      ]),
      'auth.forbidden',
    );
    await rejects(
      saveArticle20Figures(ctx, zxAdmin, hugou, 2023, [
        { rowId: 't2.r6.penalty', values: { decisions: 2 }, source: '台账' },
      ]),
      'not_found',
    );
    assert.deepEqual((await article20Store.forYear(ctx.db, zx, 2023))[0]?.values, { decisions: 1 });
    assert.equal(
      (await article20Store.forYear(ctx.db, hugou, 2023)).find((r) => r.rowId === 't2.r6.penalty')?.values
        .decisions,
      9,
    );
  });

  test('entered table 三 figures feed the report with their source; bad cells store nothing', async () => {
    await saveEnteredTable3(ctx, system, hugou, 2023, {
      cells: { 't3.r1:natural': 3, 't3.r3.1:natural': 2, 't3.r4:natural': 1 },
      source: '手工台账',
    });
    const figures = await reportSourcesFor(ctx).table3.table3(
      { id: hugou, name: '', level: 'township' },
      2023,
      '2021',
    );
    assert.deepEqual(figures.cells['t3.r1:natural'], { count: 3, source: '手工台账' });
    await rejects(
      saveEnteredTable3(ctx, system, hugou, 2024, {
        cells: { 't3.r1:natural': 1.5, 't3.r9:x': 1 },
        source: '',
      }),
      'validation.failed',
      /整数/,
    );
    assert.equal(await table3EntriesStore.get(ctx.db, hugou, 2024), undefined);
  });

  test('the register keeps a dispute through its stages; a bad stage changes nothing', async () => {
    const { disputeId } = await registerDispute(ctx, system, hugou, {
      reference: '固政复〔2023〕3号',
      requestId: 'R-42',
      stages: [{ kind: 'reconsideration', body: '固镇县人民政府', filedOn: '2023-03-01' }],
    });
    await decideStage(ctx, system, disputeId, { decidedOn: '2023-04-20', result: 'revoked' });
    await addStage(ctx, system, disputeId, {
      kind: 'lawsuit',
      body: '蚌埠铁路运输法院',
      filedOn: '2023-05-02',
    });
    await rejects(
      addStage(ctx, system, disputeId, { kind: 'reconsideration', body: 'x', filedOn: '2023-06-01' }),
      'validation.failed',
      /阶段顺序/,
    );
    await rejects(
      decideStage(ctx, system, disputeId, { decidedOn: '2023-05-01', result: 'withdrawn' }),
      'validation.failed',
      /早于/,
    );
    await rejects(
      decideStage(ctx, system, disputeId, { decidedOn: '2023-07-01', result: 'upheld' }),
      'validation.failed',
      /结果不属于/,
    );
    const stored = await disputesStore.byId(ctx.db, disputeId);
    assert.deepEqual(stored, {
      id: disputeId,
      agencyId: hugou,
      requestId: 'R-42',
      reference: '固政复〔2023〕3号',
      stages: [
        {
          kind: 'reconsideration',
          body: '固镇县人民政府',
          filedOn: '2023-03-01',
          decidedOn: '2023-04-20',
          result: 'revoked',
        },
        { kind: 'lawsuit', body: '蚌埠铁路运输法院', filedOn: '2023-05-02' },
      ],
    });
    await rejects(
      registerDispute(ctx, system, hugou, { stages: [{ kind: 'lawsuit', body: '', filedOn: '2023-13-01' }] }),
      'validation.failed',
      /法院名称/,
    );
    assert.equal((await disputesStore.ofAgency(ctx.db, hugou)).length, 1);
    // The register as the report's port: a dispute begun after the year is not delivered for it.
    const ref = { id: hugou, name: '', level: 'township' as const };
    assert.equal((await reportSourcesFor(ctx).disputes.disputes(ref, 2023)).length, 1);
    assert.equal((await reportSourcesFor(ctx).disputes.disputes(ref, 2022)).length, 0);
    const events = await listEvents(ctx.db, { agencyIds: [hugou], entityId: disputeId });
    assert.deepEqual(events.map((e) => e.action).reverse(), [
      'report.dispute_registered',
      'report.dispute_stage_decided',
      'report.dispute_stage_added',
    ]);
  });
});
