/**
 * The shared chain of every case action: load → authorise (permissions.ts scope → workflow roles) → check the
 * transition → compute the clock with the new events (refusing what the law refuses) → one transaction that
 * appends the case events and the audit event and moves the state. The use case files supply the specifics.
 */
import { agenciesStore } from '../../access/agencies.store.js';
import type { Agency } from '../../access/agency.js';
import { can } from '../../access/permissions.js';
import { type Actor } from '../../platform/actor.js';
import { isIsoDate } from '../../calendar/dates.js';
import { legalToday } from '../../calendar/legal-day.js';
import type { Clock, ClockFinding } from '../../calendar/clock.js';
import type { AppContext } from '../../platform/context.js';
import { conflict, forbidden, notFound, validationFailed } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import type { Tx } from '../../platform/db/database.js';
import type { Updateable } from 'kysely';
import { calendarFor } from '../calendar-for.js';
import { optionalText } from '../text-input.js';
import { caseClock, caseFacts, type CaseEvent } from '../case-clock.js';
import type { RequestCaseTable } from '../requests.schema.js';
import { requestsStore, type CaseRow, type StoredCaseEvent } from '../requests.store.js';
import { isOpen, nextState, type CaseAction, type CaseState, type WorkflowRole } from '../workflow.js';

export interface CaseResult {
  caseId: string;
  state: CaseState;
  dueDate: string | null;
}

function workflowRoles(actor: Actor, agencyId: string, agencies: readonly Agency[]): WorkflowRole[] {
  if (actor.kind === 'public') return ['applicant'];
  const roles: WorkflowRole[] = [];
  if (can(actor, 'requests.handle', agencyId, agencies)) roles.push('handler');
  if (can(actor, 'requests.review', agencyId, agencies)) roles.push('reviewer');
  if (can(actor, 'requests.approve', agencyId, agencies)) roles.push('office_head');
  return roles;
}

export const todayOf = (ctx: AppContext) => legalToday(ctx);

/** The clock findings that mark a step taken after its own deadline (the others are the clock's own). */
const LATE_STEP_CODES: ReadonlySet<ClockFinding['code']> = new Set([
  'clarification_late',
  'extension_late',
  'delay_late',
  'consultation_late',
  'fee_notice_late',
]);

const LATE_HINT =
  '该步骤已超过法定时限，不能按期办理；如该事项确已在当日发生、现为补录或更正，请填写补录理由，补录后本案仍按逾期统计。';

/** The day an action takes effect: given by staff (e.g. the day a letter arrived) or today. */
export function effectiveDay(ctx: AppContext, c: CaseRow, on: unknown, field = 'on'): string {
  const today = todayOf(ctx);
  if (on === undefined || on === null || on === '') return today;
  if (!isIsoDate(on)) throw validationFailed({ [field]: '日期格式应为 YYYY-MM-DD' });
  if (on > today) throw validationFailed({ [field]: '日期不能晚于今天' });
  if (on < c.received_on) throw validationFailed({ [field]: `日期不能早于收到申请之日（${c.received_on}）` });
  return on;
}

export interface LoadedCase {
  row: CaseRow;
  agency: Agency;
  events: StoredCaseEvent[];
  roles: WorkflowRole[];
}

export async function loadCase(ctx: AppContext, actor: Actor, caseId: string): Promise<LoadedCase> {
  const row = await requestsStore.byId(ctx.db, caseId);
  if (!row) throw notFound('该申请');
  const agencies = await agenciesStore.all(ctx.db);
  const agency = agencies.find((a) => a.id === row.agency_id)!;
  const roles = workflowRoles(actor, agency.id, agencies);
  if (roles.length === 0) throw forbidden('您无权办理该机关的政府信息公开申请。');
  return { row, agency, events: await requestsStore.events(ctx.db, caseId), roles };
}

/**
 * Loads a case for its page: the workflow roles as in `loadCase`, or none for a supervisor reading a
 * subordinate's case (`records.view`) — every action and every full view of personal data still needs a role.
 */
export async function viewCase(ctx: AppContext, actor: Actor, caseId: string): Promise<LoadedCase> {
  const row = await requestsStore.byId(ctx.db, caseId);
  if (!row) throw notFound('该申请');
  const agencies = await agenciesStore.all(ctx.db);
  const roles = workflowRoles(actor, row.agency_id, agencies);
  if (roles.length === 0 && !can(actor, 'records.view', row.agency_id, agencies))
    throw forbidden('您无权查看该机关的政府信息公开申请。');
  const agency = agencies.find((a) => a.id === row.agency_id)!;
  return { row, agency, events: await requestsStore.events(ctx.db, caseId), roles };
}

interface Step {
  /** The day the step takes effect (validated by `effectiveDay`). */
  day: string;
  /** Case events to append, in order. */
  events: Array<{ type: string; data?: Record<string, unknown> }>;
  patch?: Updateable<RequestCaseTable>;
  /** Audit data (masked). */
  audit?: Record<string, unknown>;
  /** More writes in the same transaction. */
  also?: (tx: Tx, state: CaseState) => Promise<void>;
  /**
   * Why a step the law has already run out for is recorded anyway (补录: it happened late, or the entry corrects
   * a mistaken one). Without it such a step is refused; with it the step is kept as late and moves nothing.
   */
  lateReason?: string;
}

/** The optional 补录理由 of a step form: trimmed, at most 500 characters, undefined when blank. */
export function lateReasonOf(value: unknown): string | undefined {
  return optionalText(value, 'lateReason', '补录理由', 500) || undefined;
}

/** The findings the new events add: a step taken after its own deadline (clock-steps.ts). */
function newLateFindings(before: Clock, after: Clock): ClockFinding[] {
  const seen = new Set(before.findings.map((f) => `${f.code}:${f.on}`));
  return after.findings.filter((f) => LATE_STEP_CODES.has(f.code) && !seen.has(`${f.code}:${f.on}`));
}

export async function runCaseAction(
  ctx: AppContext,
  actor: Actor,
  loaded: LoadedCase,
  action: CaseAction,
  step: Step,
): Promise<CaseResult & { clock: Clock }> {
  const { row, agency, events } = loaded;
  const from = row.state as CaseState;
  const to = nextState(caseFacts(from, events), action, loaded.roles);
  const late = step.lateReason ? { lateReason: step.lateReason } : {};
  const added: CaseEvent[] = step.events.map((e) => ({
    type: e.type,
    day: step.day,
    data: { ...e.data, ...late },
  }));
  // The clock refuses what the law refuses (second clarification, extensions over 20 days) before anything is
  // written; a step past its own deadline is refused unless it is recorded as late, with the reason.
  const cal = await calendarFor(ctx, agency);
  const today = todayOf(ctx);
  const clock = caseClock(cal, [...events, ...added], today, agency.deliveryMarginDays);
  const lateSteps = newLateFindings(caseClock(cal, events, today, agency.deliveryMarginDays), clock);
  if (lateSteps.length && !step.lateReason) {
    throw validationFailed(
      { lateReason: `${lateSteps.map((f) => f.message).join('')}${LATE_HINT}` },
      `${lateSteps[0]!.message}${LATE_HINT}`,
    );
  }
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    for (const e of added) {
      await requestsStore.insertEvent(tx, row.id, {
        at,
        day: e.day,
        type: e.type,
        data: e.data,
        actorLabel: actor.label,
      });
    }
    const ok = await requestsStore.update(tx, row.id, from, {
      ...step.patch,
      state: to,
      open: isOpen(to) ? 1 : 0,
      due_date: isOpen(to) ? clock.dueDate : (clock.dueDate ?? row.due_date),
      paused: isOpen(to) && clock.paused ? 1 : 0,
      clock_findings: JSON.stringify(clock.findings),
      updated_at: at,
    });
    if (!ok) throw conflict('该申请已被他人处理，请刷新后重试。');
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: agency.id,
      entityType: 'request',
      entityId: row.id,
      action: `request.${action}`,
      data: { from, to, day: step.day, ...step.audit, ...(lateSteps.length ? { late: true } : {}) },
    });
    await step.also?.(tx, to);
  });
  return { caseId: row.id, state: to, dueDate: clock.dueDate, clock };
}
