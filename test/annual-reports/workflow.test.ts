/** The report document's workflow on a real database: start, write, submit, return, accept, publish, re-issue. */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { agenciesStore } from '../../src/access/agencies.store.js';
import type { Actor, Role } from '../../src/platform/actor.js';
import { acceptReport } from '../../src/annual-reports/accept-report.js';
import { annualReportsStore } from '../../src/annual-reports/annual-reports.store.js';
import { partIds } from '../../src/annual-reports/narrative.js';
import { publishReport } from '../../src/annual-reports/publish-report.js';
import { reopenReport } from '../../src/annual-reports/reopen-report.js';
import { returnReport } from '../../src/annual-reports/return-report.js';
import { saveNarrative } from '../../src/annual-reports/save-narrative.js';
import { digestOf, parseSnapshot } from '../../src/annual-reports/snapshot.js';
import { startReport } from '../../src/annual-reports/start-report.js';
import { submitReport } from '../../src/annual-reports/submit-report.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import type { AppContext } from '../../src/platform/context.js';
import { DomainError } from '../../src/platform/errors.js';
import { listEvents } from '../../src/platform/events.js';
import { emptySources, enteredTable3Source } from '../../src/reports/memory-sources.js';
import { describeEachDatabase } from '../support/db.js';
import { testContext } from '../support/context.js';

const user = (label: string, agencyId: string, role: Role): Actor => ({
  kind: 'user',
  userId: `u-${label}`,
  label,
  grants: [{ agencyId, role }],
});

const finished = (n: Record<string, string>) =>
  Object.fromEntries(
    partIds.map((id) => [id, (n[id] ?? '').replace(/【待填写[^】]*】/g, '已按要求落实。') || '无。']),
  );

describeEachDatabase('annual report workflow', ({ handle }) => {
  let ctx: AppContext;
  let township: string;
  let staff: Actor;
  let supervisor: Actor;
  before(async () => {
    ctx = testContext(handle());
    await loadDemo(ctx);
    const all = await agenciesStore.all(ctx.db);
    township = all.find((a) => a.pathSegment === 'zhongxing')!.id;
    staff = user('仲兴乡管理员', township, 'agency_admin');
    supervisor = user('县政务公开办', all.find((a) => a.pathSegment === 'guzhen-zfb')!.id, 'supervisor');
  });

  it('starts from the data-driven draft; an editor without reports.edit may not start it', async () => {
    await assert.rejects(
      startReport(ctx, user('编辑', township, 'editor'), { agencyId: township, year: 2024 }),
      (e: DomainError) => e.code === 'auth.forbidden',
    );
    await startReport(ctx, staff, { agencyId: township, year: 2025 });
    const r = (await annualReportsStore.byAgencyYear(ctx.db, township, 2025))!;
    assert.equal(r.status, 'draft');
    assert.match(r.narrative['s1.onRequest'], /共收到政府信息公开申请\d+件/);
  });

  it('refuses to submit while 待填写 remains, changing nothing', async () => {
    await assert.rejects(
      submitReport(ctx, staff, { agencyId: township, year: 2025 }),
      (e: DomainError) => e.code === 'validation.failed' && 's5.problems' in e.fields,
    );
    const record = (await annualReportsStore.byAgencyYear(ctx.db, township, 2025))!;
    assert.equal(record.status, 'draft');
    // 一（五）starts from the assessment, rating and accountability records (Art. 50), not from a marker.
    assert.doesNotMatch(record.narrative['s1.oversight'] ?? '', /待填写/);
    assert.match(record.narrative['s1.oversight'] ?? '', /考核/);
  });

  it('submit → returned with a comment (required) → submit → accept → publish version 1', async () => {
    const r = (await annualReportsStore.byAgencyYear(ctx.db, township, 2025))!;
    await saveNarrative(ctx, staff, { agencyId: township, year: 2025, narrative: finished(r.narrative) });
    await submitReport(ctx, staff, { agencyId: township, year: 2025 });
    await assert.rejects(
      returnReport(ctx, supervisor, { agencyId: township, year: 2025, comment: ' ' }),
      (e: DomainError) => 'comment' in e.fields,
    );
    await assert.rejects(
      acceptReport(ctx, staff, { agencyId: township, year: 2025 }),
      (e: DomainError) => e.code === 'auth.forbidden',
    );
    await returnReport(ctx, supervisor, { agencyId: township, year: 2025, comment: '请补充考核结果。' });
    const returned = (await annualReportsStore.byAgencyYear(ctx.db, township, 2025))!;
    assert.equal(returned.status, 'returned');
    assert.equal(returned.returnComment, '请补充考核结果。');
    await assert.rejects(
      publishReport(ctx, staff, { agencyId: township, year: 2025 }),
      (e: DomainError) => e.code === 'report.transition_refused',
    );
    await submitReport(ctx, staff, { agencyId: township, year: 2025 });
    await acceptReport(ctx, supervisor, { agencyId: township, year: 2025 });
    const { version, digest } = await publishReport(ctx, staff, { agencyId: township, year: 2025 });
    assert.equal(version, 1);
    const [v1] = await annualReportsStore.versionsOf(ctx.db, township, 2025);
    assert.equal(v1!.digest, digest);
    assert.equal(digestOf(v1!.snapshot), digest);
    const events = await listEvents(ctx.db, { agencyIds: [township], entityType: 'annual_report' });
    assert.deepEqual(
      events
        .filter((e) => e.data.year === 2025)
        .map((e) => e.action)
        .reverse(),
      [
        'annual_report.started',
        'annual_report.narrative_saved',
        'annual_report.submitted',
        'annual_report.returned',
        'annual_report.submitted',
        'annual_report.accepted',
        'annual_report.published',
      ],
    );
  });

  it('a re-issue is version 2 with its reason; version 1 stays byte for byte', async () => {
    const [before1] = await annualReportsStore.versionsOf(ctx.db, township, 2025);
    await reopenReport(ctx, staff, { agencyId: township, year: 2025, reason: '更正第五部分表述' });
    const r = (await annualReportsStore.byAgencyYear(ctx.db, township, 2025))!;
    await saveNarrative(ctx, staff, {
      agencyId: township,
      year: 2025,
      narrative: { ...r.narrative, 's5.problems': '更正后：基层公开标准目录更新不及时。' },
    });
    await submitReport(ctx, staff, { agencyId: township, year: 2025 });
    await acceptReport(ctx, supervisor, { agencyId: township, year: 2025 });
    await publishReport(ctx, staff, { agencyId: township, year: 2025 });
    const versions = await annualReportsStore.versionsOf(ctx.db, township, 2025);
    assert.equal(versions.length, 2);
    assert.deepEqual(versions[0], before1);
    assert.equal(versions[1]!.reason, '更正第五部分表述');
    assert.equal(
      parseSnapshot(versions[1]!.snapshot).narrative['s5.problems'],
      '更正后：基层公开标准目录更新不及时。',
    );
    assert.notEqual(
      parseSnapshot(versions[0]!.snapshot).narrative['s5.problems'],
      '更正后：基层公开标准目录更新不及时。',
    );
    assert.notEqual(versions[1]!.digest, versions[0]!.digest);
  });

  it('blocks publication while an error-level check fails; an override needs a reason that is recorded', async () => {
    // Table 三 entered so that 一 + 二 ≠ 三（七） + 四.
    const broken = {
      ...emptySources(),
      table3: enteredTable3Source([
        {
          agencyId: township,
          year: 2023,
          cells: { 't3.r1:natural': 5, 't3.r3.1:natural': 1 },
          source: '测试',
        },
      ]),
    };
    await startReport(ctx, staff, { agencyId: township, year: 2023 }, broken);
    const r = (await annualReportsStore.byAgencyYear(ctx.db, township, 2023))!;
    await saveNarrative(ctx, staff, {
      agencyId: township,
      year: 2023,
      narrative: finished(r.narrative),
    });
    await submitReport(ctx, staff, { agencyId: township, year: 2023 });
    await acceptReport(ctx, supervisor, { agencyId: township, year: 2023 });
    await assert.rejects(
      publishReport(ctx, staff, { agencyId: township, year: 2023 }, broken),
      (e: DomainError) => e.code === 'report.checks_failed' && /勾稽关系/.test(e.message),
    );
    assert.equal((await annualReportsStore.versionsOf(ctx.db, township, 2023)).length, 0);
    await publishReport(
      ctx,
      staff,
      { agencyId: township, year: 2023, overrideReason: '上级系统数据待更正' },
      broken,
    );
    const [v] = await annualReportsStore.versionsOf(ctx.db, township, 2023);
    assert.equal(v!.overrideReason, '上级系统数据待更正');
    assert.ok(
      parseSnapshot(v!.snapshot).report.checks.some(
        (c) => c.ruleId === 't3.balance' && c.status === 'failed',
      ),
    );
  });
});
