/**
 * Use case: publish an accepted report as a new immutable version (Art. 49–50). Blocked while any error-level
 * cross-check fails, unless an override reason is given; the reason is stored with the version and shown in
 * the published history. A re-issue (after `reopenReport`) publishes version n+1 carrying the correction
 * reason; earlier versions stay as they were.
 */
import type { Actor } from '../platform/actor.js';
import { legalDayOf } from '../calendar/legal-day.js';
import type { AppContext } from '../platform/context.js';
import { DomainError, validationFailed } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import type { ReportSources } from '../reports/ports.js';
import { annualReportsStore } from './annual-reports.store.js';
import { parseYear, reportFor } from './report-access.js';
import { makeSnapshot } from './snapshot.js';
import { applyStep } from './transition.js';
import { computeWorkingReport, loadAgency } from './working-report.js';

export async function publishReport(
  ctx: AppContext,
  actor: Actor,
  input: { agencyId: string; year: unknown; overrideReason?: unknown },
  /** Where the checked numbers come from: the report stores unless a test passes its own. */
  sources?: ReportSources,
): Promise<{ version: number; digest: string }> {
  const year = parseYear(input.year);
  const override = typeof input.overrideReason === 'string' ? input.overrideReason.trim() : '';
  const agency = await loadAgency(ctx.db, input.agencyId);
  // Computed before the transaction: the sources may be other stores (or other services).
  const working = await computeWorkingReport(ctx, agency, year, sources);
  if (working.failingErrors.length > 0 && !override) {
    throw new DomainError(
      'report.checks_failed',
      `有 ${working.failingErrors.length} 项勾稽关系错误（${working.failingErrors.map((c) => c.title).join('；')}），不能公开。请先改正数据，或填写强制公开的理由。`,
      { overrideReason: '存在错误时公开，必须填写理由' },
    );
  }
  if (override.length > 2000) throw validationFailed({ overrideReason: '理由不能超过 2000 字' });
  return ctx.db.transaction().execute(async (tx) => {
    const r = await reportFor(tx, actor, 'reports.edit', agency.id, year);
    const version = r.publishedVersions + 1;
    const { text, digest } = makeSnapshot(working.report, working.checks, r.narrative);
    const at = ctx.now().toISOString();
    await annualReportsStore.insertVersion(tx, {
      id: newId(),
      reportId: r.id,
      agencyId: r.agencyId,
      year,
      version,
      snapshot: text,
      digest,
      publishedAt: at,
      publishedOn: legalDayOf(at),
      publishedBy: actor.label,
      reason: version > 1 ? r.reissueReason : null,
      overrideReason: working.failingErrors.length > 0 ? override : null,
    });
    await applyStep(
      tx,
      new Date(at),
      actor,
      r,
      'publish',
      { version, digest, ...(working.failingErrors.length ? { overrideReason: override } : {}) },
      { publishedVersions: version, ...(r.firstPublishedAt ? {} : { firstPublishedAt: at }) },
    );
    return { version, digest };
  });
}
