/**
 * The scorecard on real databases: every computed measure over data made through the real use cases of the
 * catalog, requests, messages and annual reports; configuration and manual scores with bad input refused.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDatabase } from '../../../test/support/db.js';
import { testContext } from '../../../test/support/context.js';
import { creditCodeCheckChar } from '../../access/credit-code.js';
import type { Actor, Role } from '../../platform/actor.js';
import { systemActor } from '../../platform/actor.js';
import { createAgency } from '../../agencies/save-agency.js';
import { acceptReport } from '../../annual-reports/accept-report.js';
import { annualReportsStore } from '../../annual-reports/annual-reports.store.js';
import { partIds } from '../../annual-reports/narrative.js';
import { publishReport } from '../../annual-reports/publish-report.js';
import { saveNarrative } from '../../annual-reports/save-narrative.js';
import { startReport } from '../../annual-reports/start-report.js';
import { submitReport } from '../../annual-reports/submit-report.js';
import { addColumn } from '../../catalog/manage-catalog.js';
import { catalogStore } from '../../catalog/catalog.store.js';
import { publishItem } from '../../catalog/items/publish-item.js';
import { createItem } from '../../catalog/items/save-item.js';
import { ensureCatalog } from '../../catalog/setup-catalog.js';
import { submitItem } from '../../catalog/items/submit-item.js';
import { agenciesStore } from '../../access/agencies.store.js';
import { submitMessage } from '../../interaction/submit-message.js';
import { takeMessageStep } from '../../interaction/take-message-step.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { listEvents } from '../../platform/events.js';
import { acceptApplication } from '../../requests/actions/accept-application.js';
import { draftReply } from '../../requests/actions/draft-reply.js';
import { reviewReply } from '../../requests/actions/review-reply.js';
import { sendReply } from '../../requests/actions/send-reply.js';
import { submitApplication } from '../../requests/public/submit-application.js';
import { supervisionFacts } from '../supervision-facts.js';
import { computeScorecard, type AgencyResult } from './compute-scorecard.js';
import { configureScorecard, loadScorecard } from './configure-scorecard.js';
import { enterManualScore } from './enter-manual-score.js';
import { scorecardResults } from './scorecard-results.js';
import { coveredBy } from './scope.js';

const rejects = (code: string, fields?: string[]) => (e: unknown) => {
  assert.ok(e instanceof DomainError, String(e));
  assert.equal(e.code, code);
  if (fields) assert.deepEqual(Object.keys(e.fields).sort(), [...fields].sort());
  return true;
};

const office = (n: string) => ({
  name: n,
  address: '测试县',
  postcode: '233700',
  hours: '',
  phone: '0552-1',
  fax: '',
  email: '',
});

const applicant = {
  applicantKind: 'natural',
  name: '张三',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  phone: '13800001234',
  address: '测试县某村',
  infoTitle: '2025年道路建设项目资金使用情况',
  form: 'electronic',
  delivery: 'online',
};

const message = {
  kind: 'consultation',
  subject: '低保申请材料',
  body: '请问申请最低生活保障需要准备哪些材料？',
  name: '张三',
  phone: '13800000000',
  email: '',
  isPublic: 'yes',
};

/** The default scorecard's form values, percentages as the admin page shows them. */
const defaultForm = (officeId: string, year: number) => ({
  officeId,
  year: String(year),
  excellent: '90',
  good: '80',
  pass: '60',
  weight_art26: '20',
  fullAt_art26: '100',
  zeroBelow_art26: '60',
  weight_requests: '20',
  fullAt_requests: '100',
  zeroBelow_requests: '60',
  weight_messages: '15',
  fullAt_messages: '100',
  zeroBelow_messages: '60',
  weight_annualReport: '10',
  fullAt_annualReport: '100',
  zeroBelow_annualReport: '0',
  weight_columns: '15',
  fullAt_columns: '100',
  zeroBelow_columns: '50',
  weight_institution: '10',
  weight_training: '10',
});

describeEachDatabase('assessment scorecard (考核)', ({ handle }) => {
  let ctx: AppContext;
  let now = '2025-01-06T02:00:00Z';
  let county = '';
  let busy = '';
  let quiet = '';
  let supervisor: Actor;
  const user = (agencyId: string, role: Role, label: string = role): Actor => ({
    kind: 'user',
    userId: `u-${label}`,
    label,
    grants: [{ agencyId, role }],
  });
  const at = (iso: string) => {
    now = iso;
  };
  let results: AgencyResult[] = [];
  const of = (agencyId: string, code: string) =>
    results.find((r) => r.agencyId === agencyId)!.measures.find((m) => m.code === code)!;

  before(async () => {
    ctx = testContext(handle(), { now: () => new Date(now) });
    const make = async (n: number, name: string, level: 'county' | 'township', supervisorId?: string) => {
      const base = `1134032${n}MB000000${n}`;
      return (
        await createAgency(ctx, systemActor(), {
          name,
          shortName: name.slice(0, 4),
          creditCode: base + creditCodeCheckChar(base),
          divisionCode: '340323',
          level,
          pathSegment: `sc${n}`,
          reconsiderationBody: '测试市人民政府',
          office: office('办公室'),
          docNoPrefixes: ['测政'],
          ...(supervisorId ? { supervisorId } : {}),
        })
      ).agencyId;
    };
    county = await make(1, '测试县人民政府办公室', 'county');
    busy = await make(2, '甲乡人民政府', 'township', county);
    quiet = await make(3, '乙乡人民政府', 'township', county);
    supervisor = user(county, 'supervisor', '县政务公开办');
  });

  test('the scorecard covers the agencies that name the office as supervisor', async () => {
    const all = await agenciesStore.all(ctx.db);
    assert.deepEqual(
      coveredBy(all, county)
        .map((a) => a.id)
        .sort(),
      [busy, quiet].sort(),
    );
  });

  test('the year’s data is made through the real use cases', async () => {
    // Annual report 2024 of 甲乡, published on 20 January 2025 (due 31 January for a township).
    const staff = user(busy, 'agency_admin', '甲乡管理员');
    at('2025-01-10T02:00:00Z');
    await startReport(ctx, staff, { agencyId: busy, year: 2024 });
    const r = (await annualReportsStore.byAgencyYear(ctx.db, busy, 2024))!;
    const finished = Object.fromEntries(
      partIds.map((id) => [
        id,
        (r.narrative[id] ?? '').replace(/【待填写[^】]*】/g, '已按要求落实。') || '无。',
      ]),
    );
    await saveNarrative(ctx, staff, { agencyId: busy, year: 2024, narrative: finished });
    await submitReport(ctx, staff, { agencyId: busy, year: 2024 });
    await acceptReport(ctx, supervisor, { agencyId: busy, year: 2024 });
    at('2025-01-20T02:00:00Z');
    // A township with no table 二 entries fails the "every cell filled" check: published with a reason.
    await assert.rejects(
      publishReport(ctx, staff, { agencyId: busy, year: 2024 }),
      rejects('report.checks_failed'),
    );
    await publishReport(ctx, staff, { agencyId: busy, year: 2024, overrideReason: '数据尚在核实，先行公开' });

    // Catalog: one item on time (formed 3 March, published 10 March), one late (formed 2 January).
    const agency = (await agenciesStore.byId(ctx.db, busy))!;
    await ensureCatalog(ctx.db, agency);
    const admin = user(busy, 'agency_admin', '甲乡栏目管理员');
    await addColumn(ctx, admin, busy, { code: 'news', name: '工作动态' });
    await addColumn(ctx, admin, busy, { code: 'notices', name: '通知公告' });
    const editor = user(busy, 'editor', '编辑');
    const reviewer = user(busy, 'reviewer', '审核');
    const publish = async (code: string, writtenOn: string, title: string) => {
      const columnId = (await catalogStore.columnByCode(ctx.db, busy, code))!.id;
      const { itemId } = await createItem(ctx, editor, busy, {
        columnId,
        title,
        summary: '摘要',
        writtenOn,
        docNo: '',
        bodyHtml: '<p>正文。</p>',
      });
      await submitItem(ctx, editor, itemId);
      await publishItem(ctx, reviewer, itemId);
    };
    at('2025-03-10T02:00:00Z');
    await publish('a20-11', '2025-03-03', '甲乡春季低保对象公示');
    await publish('news', '2025-01-02', '甲乡召开年度工作会议');
    at('2025-12-20T02:00:00Z');
    await publish('notices', '2025-12-19', '关于冬季防火的通知');

    // Requests: one answered on time, one answered late, one left open past its due date.
    const handler = user(busy, 'case_handler', '经办');
    const head = user(busy, 'reviewer', '审核人');
    const answer = async (caseId: string, on: string) => {
      await acceptApplication(ctx, handler, { caseId });
      at(on);
      await draftReply(ctx, handler, { caseId, outcome: 'disclosed', text: '现提供相关信息。' });
      await reviewReply(ctx, head, { caseId, comment: '同意' });
      await sendReply(ctx, handler, { caseId, method: 'online', proof: '网上送达' });
    };
    at('2025-03-03T02:00:00Z');
    const onTime = await submitApplication(ctx, busy, applicant);
    await answer(onTime.caseId, '2025-03-20T02:00:00Z');
    at('2025-05-06T02:00:00Z');
    const late = await submitApplication(ctx, busy, applicant);
    await answer(late.caseId, '2025-07-01T02:00:00Z');
    at('2025-11-03T02:00:00Z');
    await submitApplication(ctx, busy, applicant);

    // Messages: one replied within the promise, one replied late, one left open past its due day.
    const reply = async (messageId: string, on: string) => {
      await takeMessageStep(ctx, handler, messageId, { step: 'accept' });
      await takeMessageStep(ctx, handler, messageId, {
        step: 'draft',
        reply: '请携带身份证到乡民政办申请。',
      });
      at(on);
      await takeMessageStep(ctx, handler, messageId, { step: 'approve' });
    };
    at('2025-09-01T02:00:00Z');
    const m1 = await submitMessage(ctx, busy, message);
    await reply(m1.messageId, '2025-09-02T02:00:00Z');
    at('2025-10-13T02:00:00Z');
    const m2 = await submitMessage(ctx, busy, message);
    await reply(m2.messageId, '2025-10-27T02:00:00Z');
    at('2025-12-01T02:00:00Z');
    await submitMessage(ctx, busy, message);
  });

  test('bad configuration is refused in Chinese and stores nothing', async () => {
    await assert.rejects(
      configureScorecard(ctx, supervisor, { ...defaultForm(county, 2025), weight_art26: '30' }),
      (e: DomainError) =>
        e.code === 'validation.failed' && /合计应为 100，现为 110/.test(e.fields.weight_art26!),
    );
    await assert.rejects(
      configureScorecard(ctx, supervisor, {
        ...defaultForm(county, 2025),
        zeroBelow_requests: '100',
        fullAt_messages: '0',
        excellent: '70',
        weight_training: 'x',
      }),
      rejects('validation.failed', ['zeroBelow_requests', 'fullAt_messages', 'excellent', 'weight_training']),
    );
    await assert.rejects(
      configureScorecard(ctx, supervisor, { ...defaultForm(county, 2025), year: '25' }),
      rejects('validation.failed', ['year']),
    );
    await assert.rejects(
      configureScorecard(ctx, user(busy, 'agency_admin'), defaultForm(county, 2025)),
      rejects('auth.forbidden'),
    );
    assert.equal((await loadScorecard(ctx.db, county, 2025)).id, '', 'nothing stored');
    // Art. 26 scored linearly from 0 %: half the items on time earns half the weight.
    await configureScorecard(ctx, supervisor, { ...defaultForm(county, 2025), zeroBelow_art26: '0' });
    const sc = await loadScorecard(ctx.db, county, 2025);
    assert.equal(sc.measures.find((m) => m.code === 'art26')!.zeroBelow, 0);
    assert.equal(sc.measures.find((m) => m.code === 'requests')!.zeroBelow, 0.6);
  });

  test('manual measures need points within the weight and evidence checked by its bytes', async () => {
    const base = { officeId: county, year: '2025', agencyId: busy, code: 'institution' };
    await assert.rejects(
      enterManualScore(
        ctx,
        supervisor,
        { ...base, points: '11', note: '' },
        {
          fileName: 'a.pdf',
          data: Buffer.from('MZ not a pdf'),
        },
      ),
      rejects('validation.failed', ['points', 'evidence']),
    );
    await assert.rejects(
      enterManualScore(ctx, supervisor, { ...base, points: '8', note: ' ' }),
      rejects('validation.failed', ['evidence']),
    );
    await assert.rejects(
      enterManualScore(ctx, supervisor, { ...base, agencyId: county, code: 'art26', points: '8', note: 'x' }),
      rejects('validation.failed', ['agencyId', 'code']),
    );
    await assert.rejects(
      enterManualScore(ctx, user(busy, 'agency_admin'), { ...base, points: '8', note: '自评' }),
      rejects('auth.forbidden'),
    );
    await enterManualScore(
      ctx,
      supervisor,
      { ...base, points: '8', note: '' },
      {
        fileName: '../制度文件.exe',
        data: Buffer.from('%PDF-1.7 制度'),
      },
    );
    await enterManualScore(ctx, supervisor, {
      ...base,
      code: 'training',
      points: '7.5',
      note: '全年组织培训2次，解读材料齐全',
    });
  });

  test('computing writes each measure, the totals into assessments, and events', async () => {
    at('2026-01-05T02:00:00Z'); // after the year: the assessment day is 31 December 2025
    const out = await computeScorecard(ctx, supervisor, { officeId: county, year: '2025' });
    assert.equal(out.asOf, '2025-12-31');
    results = out.results;

    // Art. 26: 3 published; 10 March is within 20 working days of 3 March, not of 2 January.
    const art26 = of(busy, 'art26');
    assert.deepEqual(art26.figures, { published: 3, dated: 3, onTime: 2, late: 1 });
    assert.equal(art26.points, Math.round(((20 * 2) / 3) * 10) / 10);
    assert.match(art26.explanation, /第二十六条/);

    const requests = of(busy, 'requests');
    assert.deepEqual(requests.figures, { answered: 2, onTime: 1, lateAnswered: 1, overdueOpen: 1 });
    assert.equal(requests.points, 0); // one in three is below the 60 % line
    assert.match(requests.explanation, /第三十三条/);

    const messages = of(busy, 'messages');
    assert.deepEqual(messages.figures, { replied: 2, onTime: 1, lateReplied: 1, overdueOpen: 1 });
    assert.equal(messages.points, 0);

    const report = of(busy, 'annualReport');
    assert.deepEqual(report.figures, {
      reportYear: 2024,
      dueOn: '2025-01-31',
      publishedOn: '2025-01-20',
      failingErrors: 1,
    });
    assert.equal(report.points, 5); // on time, but published over a failing check: half
    assert.match(report.explanation, /有1项勾稽关系错误/);
    const quietReport = of(quiet, 'annualReport');
    assert.equal(quietReport.figures.publishedOn, null);
    assert.equal(quietReport.points, 0);

    // Columns: 工作动态 last updated in March is stale at year end; 通知公告 (December) and the Art. 20
    // column are fresh; every other content column is blank.
    const columns = of(busy, 'columns');
    const leaves = (await catalogStore.columns(ctx.db, busy)).filter(
      (c, _i, all) => c.kind !== 'guide' && !all.some((k) => k.parentId === c.id),
    );
    assert.deepEqual(columns.figures, {
      columns: leaves.length,
      blank: leaves.length - 3,
      stale: 1,
      fresh: 2,
    });
    assert.match(columns.explanation, /工作动态（最近更新2025-03-10）/);

    assert.equal(of(busy, 'institution').points, 8);
    assert.equal(of(busy, 'training').points, 7.5);
    assert.equal(of(quiet, 'institution').points, 0);

    // The total goes into assessments, where 一（五）监督保障 and the league table read it.
    const busyTotal = results.find((r) => r.agencyId === busy)!;
    const sum = busyTotal.measures.reduce((s, m) => s + m.points, 0);
    assert.equal(busyTotal.total, Math.round(sum * 10) / 10);
    const facts = await supervisionFacts(ctx.db, busy, 2025);
    assert.equal(facts.assessment!.score, busyTotal.total);
    assert.equal(facts.assessment!.grade, busyTotal.total >= 60 ? 'pass' : 'fail');
    assert.match(facts.assessment!.summary, /按考核评分表计算/);

    // Read back from storage: the same breakdown.
    const sc = await loadScorecard(ctx.db, county, 2025);
    const agencies = coveredBy(await agenciesStore.all(ctx.db), county);
    const stored = await scorecardResults(ctx.db, sc, agencies);
    assert.deepEqual(
      stored.find((r) => r.agencyId === busy)!.measures.map((m) => [m.code, m.points]),
      busyTotal.measures.map((m) => [m.code, m.points]),
    );
    const events = await listEvents(ctx.db, { agencyIds: [county], entityType: 'scorecard' });
    assert.deepEqual(events.map((e) => e.action).reverse(), ['scorecard.configured', 'scorecard.computed']);
  });
});
