/**
 * The facts the annual report's 一（五）监督保障 states for an agency and year (条例 Art. 50: the report covers
 * supervision and assessment): the assessment result, public rating, accountability cases with their written
 * rectification reports, and the year's message figures. The report editor reads these; nothing here writes.
 */
import { agenciesStore } from '../access/agencies.store.js';
import type { Queryable } from '../platform/db/database.js';
import { notFound } from '../platform/errors.js';
import { messagesStore, type MessageStats } from '../interaction/messages.store.js';
import { criteria, overall, type Scores } from '../interaction/rating/criteria.js';
import { ratingsStore } from '../interaction/rating/ratings.store.js';
import { openRatingsStore } from '../interaction/rating/open-ratings.store.js';
import { yearTrend, type YearTrend } from '../interaction/rating/open-trends.js';
import { gradeLabel, type Grade } from './accountability.js';
import { supervisionStore } from './supervision.store.js';

interface SupervisionFacts {
  agencyId: string;
  year: number;
  assessment: { score: number; grade: string; gradeLabel: string; summary: string } | null;
  rating: { campaigns: number; responses: number; scores: Scores; overall: number } | null;
  /** The always-open rating of the year (disclosure and single items). */
  openRating: Pick<YearTrend, 'disclosure' | 'items'>;
  accountability: { cases: number; reported: number; accepted: number; open: number; reportsLate: number };
  messages: MessageStats;
}

export async function supervisionFacts(
  db: Queryable,
  agencyId: string,
  year: number,
): Promise<SupervisionFacts> {
  if (!(await agenciesStore.byId(db, agencyId))) throw notFound('该机关');
  const a = await supervisionStore.assessment(db, agencyId, year);
  const r = await ratingsStore.yearSummary(db, agencyId, year);
  const cases = await supervisionStore.casesOf(db, [agencyId], year);
  const round2 = (x: unknown) => Math.round(Number(x) * 100) / 100;
  const scores = Object.fromEntries(criteria.map((c) => [c, round2(r[c])])) as Scores;
  return {
    agencyId,
    year,
    assessment: a
      ? {
          score: a.score,
          grade: a.grade,
          gradeLabel: gradeLabel[a.grade as Grade] ?? a.grade,
          summary: a.summary,
        }
      : null,
    rating:
      Number(r.n) > 0
        ? { campaigns: Number(r.campaigns), responses: Number(r.n), scores, overall: round2(overall(scores)) }
        : null,
    openRating: yearTrend(year, await openRatingsStore.months(db, agencyId, year)),
    accountability: {
      cases: cases.length,
      reported: cases.filter((c) => c.report_submitted_on !== null).length,
      accepted: cases.filter((c) => c.status === 'accepted').length,
      open: cases.filter((c) => c.status !== 'accepted').length,
      reportsLate: cases.filter((c) => (c.report_submitted_on ?? '9999-12-31') > c.report_due_on).length,
    },
    messages: await messagesStore.stats(db, [agencyId], `${year}-01-01`, `${year}-12-31`),
  };
}

/** A plain Chinese paragraph of the facts, for the report editor to start from. */
export function supervisionParagraphZh(f: SupervisionFacts): string {
  const parts: string[] = [];
  parts.push(
    f.assessment
      ? `${f.year}年度政务公开工作考核得分${f.assessment.score}分，等次为“${f.assessment.gradeLabel}”。`
      : `${f.year}年度政务公开工作考核结果尚未录入。`,
  );
  parts.push(
    f.rating
      ? `组织社会评议${f.rating.campaigns}次，收回评议${f.rating.responses}份，综合平均得分${f.rating.overall}分（满分5分）。`
      : '本年度未开展社会评议。',
  );
  const o = f.openRating;
  if (o.disclosure || o.items)
    parts.push(
      `网站常设公众评价收到评价${(o.disclosure?.ratings ?? 0) + (o.items?.ratings ?? 0)}份` +
        (o.disclosure ? `，政务公开综合平均得分${o.disclosure.overall}分` : '') +
        (o.items ? `，对具体公开信息的评价中${o.items.usefulPercent}%认为有用` : '') +
        '。',
    );
  const acc = f.accountability;
  parts.push(
    acc.cases
      ? `发现问题${acc.cases}个并追究责任，已报送整改情况书面报告${acc.reported}份，整改验收通过${acc.accepted}个，尚在整改${acc.open}个。`
      : '本年度未发生责任追究情况。',
  );
  const m = f.messages;
  parts.push(
    `收到网民留言${m.received}条，办结${m.closed}条，平均办理时间${m.averageWorkdays ?? 0}个工作日，公开答复${m.published}条。`,
  );
  return parts.join('');
}
