/**
 * Use case: compute a supervising office's scorecard for a year over the agencies it supervises. Each computed
 * measure is a pure rule (measures.ts) over figures read in a few grouped queries; manual measures take the
 * entered points. Each agency's total and grade are written to `assessments` (as recordAssessment does), so
 * the dashboard's league table and the annual report's 一（五） state them; the per-measure breakdown goes to
 * `scorecard_results`; events record the computation. The assessment day is 31 December, or today while the
 * year runs.
 */
import { agenciesStore } from '../../access/agencies.store.js';
import type { Agency } from '../../access/agency.js';
import type { Actor } from '../../platform/actor.js';
import { reportDueOn } from '../../reports/deadline.js';
import { parseSnapshot } from '../../reports/snapshot.js';
import { effectiveCalendar } from '../../calendar/effective-calendar.js';
import { legalToday } from '../../calendar/legal-day.js';
import type { WorkCalendar } from '../../calendar/work-calendar.js';
import { openStatuses } from '../../interaction/message.js';
import type { AppContext } from '../../platform/context.js';
import { appendEvent } from '../../platform/events.js';
import { newId } from '../../platform/ids.js';
import { gradeLabel, type Grade } from '../accountability.js';
import { supervisionStore } from '../supervision.store.js';
import { loadScorecard, storeScorecard, type Scorecard } from './configure-scorecard.js';
import {
  annualReportMeasure,
  art26Measure,
  columnsMeasure,
  messagesMeasure,
  requestsMeasure,
  type ComputedCode,
  type MeasureOutcome,
} from './measures.js';
import { coveredBy, officeFor, parseScorecardYear } from './scope.js';
import { scorecardStore } from './scorecard.store.js';
import { gradeFor, pointsFor, round1 } from './scoring.js';

interface MeasureResult extends MeasureOutcome {
  code: string;
  label: string;
  weight: number;
  points: number;
}

export interface AgencyResult {
  agencyId: string;
  name: string;
  total: number;
  grade: Grade;
  measures: MeasureResult[];
}

const groupBy = <T>(rows: readonly T[], key: (r: T) => string) => {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
};

/** The pure part: every agency's measures, points, total and grade from the figures. */
async function evaluate(
  ctx: AppContext,
  sc: Scorecard,
  agencies: readonly Agency[],
  asOf: string,
  manual: Map<string, { points: number; note: string; evidence_name: string | null }>,
): Promise<AgencyResult[]> {
  const ids = agencies.map((a) => a.id);
  const from = `${sc.year}-01-01`;
  const to = asOf;
  const [items, cols, cases, msgs, versions] = await Promise.all([
    scorecardStore.publishedItems(ctx.db, ids, from, to),
    scorecardStore.columnsFreshness(ctx.db, ids, to),
    scorecardStore.requestCases(ctx.db, ids, from, to),
    scorecardStore.messages(ctx.db, ids, from, to),
    scorecardStore.reportVersions(ctx.db, ids, sc.year - 1),
  ]);
  const byItems = groupBy(items, (r) => r.agency_id);
  const byCols = groupBy(cols, (r) => r.agency_id);
  const byCases = groupBy(cases, (r) => r.agency_id);
  const byMsgs = groupBy(msgs, (r) => r.handling_agency_id);
  const byVersions = groupBy(versions, (r) => r.agency_id);
  const calendars = new Map<string, WorkCalendar>();
  const open = new Set<string>(openStatuses);

  const out: AgencyResult[] = [];
  for (const a of agencies) {
    const regionKey = a.calendarRegion ?? '';
    let cal = calendars.get(regionKey);
    if (!cal) calendars.set(regionKey, (cal = await effectiveCalendar(ctx, a.calendarRegion)));
    const vs = byVersions.get(a.id) ?? [];
    const latest = vs[vs.length - 1];
    const computed: Record<ComputedCode, () => MeasureOutcome> = {
      art26: () =>
        art26Measure(
          cal,
          (byItems.get(a.id) ?? []).map((i) => ({ writtenOn: i.written_on, publishedOn: i.published_on! })),
        ),
      requests: () =>
        requestsMeasure(
          (byCases.get(a.id) ?? []).map((c) => {
            const answered = c.outcome_on !== null && c.outcome_on <= to && Number(c.open) === 0;
            return { dueDate: c.due_date, outcomeOn: answered ? c.outcome_on : null, open: !answered };
          }),
          asOf,
        ),
      messages: () =>
        messagesMeasure(
          (byMsgs.get(a.id) ?? []).map((m) => {
            const closedInPeriod = m.closed_on !== null && m.closed_on <= to;
            return {
              status: closedInPeriod ? m.status : 'received',
              closedOn: closedInPeriod ? m.closed_on : null,
              dueOn: m.due_on,
              open: open.has(m.status) || !closedInPeriod,
            };
          }),
          asOf,
        ),
      annualReport: () =>
        annualReportMeasure({
          reportYear: sc.year - 1,
          dueOn: reportDueOn(a.level, sc.year - 1),
          firstPublishedOn: vs[0]?.published_on ?? null,
          failingErrors: latest
            ? parseSnapshot<unknown>(latest.snapshot).report.checks.filter(
                (c) => c.severity === 'error' && c.status === 'failed',
              ).length
            : null,
          asOf,
        }),
      columns: () =>
        columnsMeasure(
          (byCols.get(a.id) ?? []).map((c) => ({
            name: c.name,
            lastPublishedOn: c.last ?? null,
          })),
          asOf,
        ),
    };
    const measures: MeasureResult[] = sc.measures.map((m) => {
      if (m.kind === 'computed') {
        const o = computed[m.code as ComputedCode]();
        return {
          ...o,
          code: m.code,
          label: m.label,
          weight: m.weight,
          points: pointsFor(m.weight, m.fullAt, m.zeroBelow, o.rate),
        };
      }
      const e = manual.get(`${a.id}|${m.code}`);
      return {
        code: m.code,
        label: m.label,
        weight: m.weight,
        points: e ? Math.min(e.points, m.weight) : 0,
        rate: e && m.weight > 0 ? Math.min(e.points, m.weight) / m.weight : null,
        figures: { entered: e ? e.points : null, evidence: e?.evidence_name ?? null },
        explanation: e ? `人工评分：${e.note || '见佐证材料'}` : '人工评分项目，尚未录入，暂不得分。',
      };
    });
    const total = round1(measures.reduce((s, m) => s + m.points, 0));
    out.push({ agencyId: a.id, name: a.name, total, grade: gradeFor(total, sc.thresholds), measures });
  }
  return out;
}

/** The assessment's summary as stored in `assessments` (≤ 1000 characters). */
function summaryOf(r: AgencyResult): string {
  const parts = r.measures.map((m) => `${m.label}${m.points}/${m.weight}`);
  return `按考核评分表计算，总分${r.total}分，等次“${gradeLabel[r.grade]}”。${parts.join('；')}。`.slice(
    0,
    1000,
  );
}

export async function computeScorecard(
  ctx: AppContext,
  actor: Actor,
  input: { officeId: unknown; year: unknown },
): Promise<{ scorecardId: string; asOf: string; results: AgencyResult[] }> {
  const all = await agenciesStore.all(ctx.db);
  const office = officeFor(actor, all, input.officeId);
  const year = parseScorecardYear(input.year);
  const today = legalToday(ctx);
  const asOf = today < `${year}-12-31` ? today : `${year}-12-31`;
  const sc = await loadScorecard(ctx.db, office.id, year);
  const manualRows = sc.id ? await scorecardStore.manualScores(ctx.db, sc.id) : [];
  const manual = new Map(manualRows.map((m) => [`${m.agency_id}|${m.code}`, m]));
  const agencies = coveredBy(all, office.id);
  const results = await evaluate(ctx, sc, agencies, asOf, manual);
  const at = ctx.now().toISOString();
  const scorecardId = await ctx.db.transaction().execute(async (tx) => {
    const id = sc.id || (await storeScorecard(tx, sc, actor.label, at));
    await scorecardStore.replaceResults(
      tx,
      id,
      results.flatMap((r) =>
        r.measures.map((m) => ({
          scorecard_id: id,
          agency_id: r.agencyId,
          code: m.code,
          rate: m.rate,
          points: m.points,
          figures: JSON.stringify(m.figures),
          explanation: m.explanation,
        })),
      ),
    );
    for (const r of results) {
      await supervisionStore.upsertAssessment(tx, {
        id: newId(),
        agency_id: r.agencyId,
        year,
        score: r.total,
        grade: r.grade,
        summary: summaryOf(r),
        recorded_by: actor.label,
        recorded_at: at,
      });
      await appendEvent(tx, {
        at: ctx.now(),
        actor,
        agencyId: r.agencyId,
        entityType: 'assessment',
        entityId: `${r.agencyId}:${year}`,
        action: 'assessment.recorded',
        data: { year, score: r.total, grade: r.grade, scorecardId: id },
      });
    }
    await scorecardStore.touch(tx, id, { computed_at: at });
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: office.id,
      entityType: 'scorecard',
      entityId: id,
      action: 'scorecard.computed',
      data: { year, asOf, agencies: results.length },
    });
    return id;
  });
  return { scorecardId, asOf, results };
}
