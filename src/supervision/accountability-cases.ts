/**
 * Use cases of 责任追究: the supervising office opens a case (problem, responsible unit or person, measure,
 * due date of the 整改情况书面报告); the agency submits its written rectification report; the office accepts
 * it or returns it for more work.
 */
import { agenciesStore } from '../access/agencies.store.js';
import { can } from '../access/permissions.js';
import { type Actor } from '../platform/actor.js';
import { isIsoDate } from '../calendar/dates.js';
import { legalToday } from '../calendar/legal-day.js';
import type { AppContext } from '../platform/context.js';
import { DomainError, forbidden, notFound, validationFailed, type FieldErrors } from '../platform/errors.js';
import { appendEvent } from '../platform/events.js';
import { newId } from '../platform/ids.js';
import { problemSources, type ProblemSource } from './accountability.js';
import { supervisionStore, type CaseRow } from './supervision.store.js';
import { formText } from '../platform/form-values.js';

const long = (f: FieldErrors, key: string, v: string, label: string, max = 1000) => {
  if (!v) f[key] = `请填写${label}`;
  else if ([...v].length > max) f[key] = `${label}不能超过 ${max} 个字`;
};

export async function openAccountabilityCase(
  ctx: AppContext,
  actor: Actor,
  input: Record<string, unknown>,
): Promise<{ caseId: string }> {
  const all = await agenciesStore.all(ctx.db);
  const f: FieldErrors = {};
  const agencyId = formText(input.agencyId);
  const source = formText(input.source);
  const problem = formText(input.problem);
  const responsible = formText(input.responsible);
  const measure = formText(input.measure);
  const dueOn = formText(input.reportDueOn);
  if (!all.some((a) => a.id === agencyId)) f.agencyId = '请选择责任单位';
  else if (!can(actor, 'reports.supervise', agencyId, all)) throw forbidden('您无权对该单位追究责任。');
  if (!problemSources.includes(source as ProblemSource)) f.source = '请选择问题来源';
  long(f, 'problem', problem, '发现的问题');
  long(f, 'responsible', responsible, '责任单位或责任人', 100);
  long(f, 'measure', measure, '处理措施');
  const today = legalToday(ctx);
  if (!isIsoDate(dueOn)) f.reportDueOn = '请填写整改报告报送期限，如 2025-12-31';
  else if (dueOn < today) f.reportDueOn = '整改报告报送期限不能早于今天';
  if (Object.keys(f).length) throw validationFailed(f);
  const caseId = newId();
  await ctx.db.transaction().execute(async (tx) => {
    await supervisionStore.insertCase(tx, {
      id: caseId,
      agency_id: agencyId,
      year: Number(today.slice(0, 4)),
      source,
      problem,
      responsible,
      measure,
      report_due_on: dueOn,
      status: 'open',
      opened_at: ctx.now().toISOString(),
    });
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId,
      entityType: 'accountability_case',
      entityId: caseId,
      action: 'accountability.opened',
      data: { source, reportDueOn: dueOn },
    });
  });
  return { caseId };
}

async function load(ctx: AppContext, id: string): Promise<CaseRow> {
  const c = await supervisionStore.caseById(ctx.db, id);
  if (!c) throw notFound('该责任追究记录');
  return c;
}

/** The agency (its admin or report editor) submits the 整改情况书面报告. */
export async function submitRectificationReport(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Record<string, unknown>,
): Promise<void> {
  const c = await load(ctx, id);
  if (!can(actor, 'reports.edit', c.agency_id, await agenciesStore.all(ctx.db)))
    throw forbidden('只有责任单位可以报送整改报告。');
  const f: FieldErrors = {};
  const text = formText(input.reportText);
  long(f, 'reportText', text, '整改情况书面报告', 5000);
  if (Object.keys(f).length) throw validationFailed(f);
  const on = legalToday(ctx);
  await ctx.db.transaction().execute(async (tx) => {
    if (
      !(await supervisionStore.updateCase(tx, id, 'open', {
        report_text: text,
        report_submitted_on: on,
        status: 'reported',
      }))
    )
      throw new DomainError(
        'accountability.transition_refused',
        '该记录当前不能报送整改报告（已报送或已验收）。',
      );
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: c.agency_id,
      entityType: 'accountability_case',
      entityId: id,
      action: 'accountability.report_submitted',
      data: { onTime: on <= c.report_due_on },
    });
  });
}

/** The supervising office accepts the report, or returns it (back to open) for more work. */
export async function reviewRectification(
  ctx: AppContext,
  actor: Actor,
  id: string,
  accept: boolean,
): Promise<void> {
  const c = await load(ctx, id);
  if (!can(actor, 'reports.supervise', c.agency_id, await agenciesStore.all(ctx.db)))
    throw forbidden('您无权验收该整改。');
  const on = legalToday(ctx);
  await ctx.db.transaction().execute(async (tx) => {
    const patch = accept
      ? { status: 'accepted', accepted_on: on }
      : { status: 'open', report_submitted_on: null };
    if (!(await supervisionStore.updateCase(tx, id, 'reported', patch)))
      throw new DomainError('accountability.transition_refused', '整改报告尚未报送，不能验收。');
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: c.agency_id,
      entityType: 'accountability_case',
      entityId: id,
      action: accept ? 'accountability.accepted' : 'accountability.returned',
    });
  });
}
