import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { agenciesStore } from '../access/agencies.store.js';
import type { Actor } from '../platform/actor.js';
import { loadDemo } from '../demo/load-demo.js';
import { makeAgency } from '../../test/support/request-cases.js';
import { createCampaign, submitRating } from '../interaction/rating/campaigns.js';
import type { AppContext } from '../platform/context.js';
import { DomainError } from '../platform/errors.js';
import { describeEachDatabase } from '../../test/support/db.js';
import { testContext } from '../../test/support/context.js';
import {
  openAccountabilityCase,
  reviewRectification,
  submitRectificationReport,
} from './accountability-cases.js';
import { recordAssessment } from './record-assessment.js';
import { supervisionFacts, supervisionParagraphZh } from './supervision-facts.js';

const rejects = (code: string, fields?: string[]) => (e: unknown) => {
  assert.ok(e instanceof DomainError, String(e));
  assert.equal(e.code, code);
  if (fields) assert.deepEqual(Object.keys(e.fields).sort(), [...fields].sort());
  return true;
};

describeEachDatabase('assessment, accountability and the facts of 一（五）监督保障', ({ handle }) => {
  let ctx: AppContext;
  let now = new Date('2025-11-10T02:00:00Z');
  let zhongxing: string, office: string;
  let supervisor: Actor, township: Actor;
  before(async () => {
    ctx = testContext(handle(), { now: () => now });
    await loadDemo(ctx);
    const all = await agenciesStore.all(ctx.db);
    office = all.find((a) => a.level === 'general_office' && a.name.includes('固镇'))!.id;
    // A township of its own under 县政务公开办: the demo assesses and rates its townships, this one starts clean.
    zhongxing = await makeAgency(ctx, { name: '固镇县考核测试乡人民政府', supervisorId: office });
    supervisor = {
      kind: 'user',
      userId: 's',
      label: '县政务公开办',
      grants: [{ agencyId: office, role: 'supervisor' }],
    };
    township = {
      kind: 'user',
      userId: 't',
      label: '仲兴乡',
      grants: [{ agencyId: zhongxing, role: 'agency_admin' }],
    };
  });

  test('an agency-year with nothing recorded says so', async () => {
    const f = await supervisionFacts(ctx.db, zhongxing, 2024);
    assert.equal(f.assessment, null);
    assert.equal(f.rating, null);
    assert.equal(f.accountability.cases, 0);
    assert.match(supervisionParagraphZh(f), /考核结果尚未录入.*未开展社会评议.*未发生责任追究/);
  });

  test('assessment, rating and a rectified case become the year’s facts; bad input changes nothing', async () => {
    await assert.rejects(
      recordAssessment(ctx, supervisor, {
        agencyId: zhongxing,
        year: '25',
        score: '101',
        grade: 'top',
        summary: '',
      }),
      rejects('validation.failed', ['year', 'score', 'grade', 'summary']),
    );
    await assert.rejects(
      recordAssessment(ctx, township, {
        agencyId: zhongxing,
        year: '2025',
        score: '90',
        grade: 'good',
        summary: '自评',
      }),
      rejects('auth.forbidden'),
    );
    assert.equal((await supervisionFacts(ctx.db, zhongxing, 2025)).assessment, null);
    await recordAssessment(ctx, supervisor, {
      agencyId: zhongxing,
      year: '2025',
      score: '92.5',
      grade: 'excellent',
      summary: '各项工作落实到位',
    });

    const { campaignId } = await createCampaign(ctx, supervisor, {
      organiserId: office,
      title: '2025年度社会评议',
      opensOn: '2025-11-01',
      closesOn: '2025-11-30',
      agencyIds: [zhongxing],
      publicRound: 'on',
    });
    await submitRating(ctx, campaignId, {
      agencyId: zhongxing,
      accuracy: '5',
      timeliness: '4',
      procedure: '5',
      institution: '4',
    });
    await submitRating(ctx, campaignId, {
      agencyId: zhongxing,
      accuracy: '3',
      timeliness: '4',
      procedure: '3',
      institution: '4',
    });

    await assert.rejects(
      openAccountabilityCase(ctx, supervisor, {
        agencyId: zhongxing,
        source: 'audit',
        problem: '',
        responsible: 'x',
        measure: 'y',
        reportDueOn: '2025-01-01',
      }),
      rejects('validation.failed', ['source', 'problem', 'reportDueOn']),
    );
    const { caseId } = await openAccountabilityCase(ctx, supervisor, {
      agencyId: zhongxing,
      source: 'inspection',
      problem: '年度报告未使用2021年新版表格',
      responsible: '仲兴乡党政办公室',
      measure: '责令限期整改，约谈分管负责人',
      reportDueOn: '2025-12-10',
    });
    await assert.rejects(
      reviewRectification(ctx, supervisor, caseId, true),
      rejects('accountability.transition_refused'),
    );
    await assert.rejects(
      submitRectificationReport(ctx, township, caseId, { reportText: ' ' }),
      rejects('validation.failed', ['reportText']),
    );
    await assert.rejects(
      submitRectificationReport(ctx, supervisor, caseId, { reportText: '代报' }),
      rejects('auth.forbidden'),
    );
    now = new Date('2025-12-12T02:00:00Z'); // two days after the due date
    await submitRectificationReport(ctx, township, caseId, {
      reportText: '已按新版格式重新编制并发布年度报告。',
    });
    await reviewRectification(ctx, supervisor, caseId, true);

    const f = await supervisionFacts(ctx.db, zhongxing, 2025);
    assert.deepEqual(f.assessment, {
      score: 92.5,
      grade: 'excellent',
      gradeLabel: '优秀',
      summary: '各项工作落实到位',
    });
    assert.deepEqual(f.rating, {
      campaigns: 1,
      responses: 2,
      scores: { accuracy: 4, timeliness: 4, procedure: 4, institution: 4 },
      overall: 4,
    });
    assert.deepEqual(f.accountability, { cases: 1, reported: 1, accepted: 1, open: 0, reportsLate: 1 });
    assert.equal(
      supervisionParagraphZh(f).slice(0, 60),
      '2025年度政务公开工作考核得分92.5分，等次为“优秀”。组织社会评议1次，收回评议2份，综合平均得分4分（满分5分）。'.slice(
        0,
        60,
      ),
    );
  });
});
