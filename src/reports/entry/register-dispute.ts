/**
 * Use cases of the review and litigation register: register a dispute with its first stage(s), add the next
 * stage (a lawsuit after reconsideration, an appeal), and record the decision of the stage still pending.
 * The whole dispute is checked after each change (`disputeProblems`); a bad change stores nothing.
 */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { notFound, validationFailed, type FieldErrors } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { newId } from '../../platform/ids.js';
import {
  disputeProblems,
  LITIGATION_RESULTS,
  RECONSIDERATION_RESULTS,
  type DisputeStage,
} from '../disputes/register.js';
import { disputesStore, type RegisteredDispute } from '../stores/disputes.store.js';
import { reportAgency } from './access.js';

export const STAGE_KINDS = {
  reconsideration: '行政复议',
  lawsuit: '行政诉讼（一审）',
  appeal: '上诉（二审）',
} as const;

export interface DisputeInput {
  reference?: string;
  requestId?: string;
  stages: DisputeStage[];
}

function problemsOf(d: RegisteredDispute): string[] {
  const problems = disputeProblems(d);
  if (d.requestId !== undefined && d.requestId.length > 100) problems.push('关联申请编号过长。');
  if (d.reference.length > 100) problems.push('案号（编号）过长。');
  return problems;
}

function check(d: RegisteredDispute): void {
  const problems = problemsOf(d);
  if (problems.length) throw validationFailed({ stages: problems.join('') }, problems.join(''));
}

export async function registerDispute(
  ctx: AppContext,
  actor: Actor,
  agencyId: string,
  input: DisputeInput,
): Promise<{ disputeId: string }> {
  const [disputeId] = await registerDisputes(ctx, actor, agencyId, [input]);
  return { disputeId: disputeId! };
}

/**
 * Registers several disputes at once (an import): all are checked first, then stored in one transaction.
 * Problems come back keyed `d<n>` (n from 1, in input order).
 */
export async function registerDisputes(
  ctx: AppContext,
  actor: Actor,
  agencyId: string,
  inputs: readonly DisputeInput[],
  how: 'form' | 'import' = 'form',
): Promise<string[]> {
  await reportAgency(ctx, actor, agencyId, 'edit');
  if (!inputs.length) throw validationFailed({}, '没有可登记的争议。');
  const disputes: RegisteredDispute[] = inputs.map((input) => ({
    id: newId(),
    agencyId,
    reference: (input.reference ?? '').trim(),
    ...(input.requestId?.trim() ? { requestId: input.requestId.trim() } : {}),
    stages: input.stages,
  }));
  const fields: FieldErrors = {};
  disputes.forEach((d, i) => {
    const problems = problemsOf(d);
    if (problems.length) fields[inputs.length === 1 ? 'stages' : `d${i + 1}`] = problems.join('');
  });
  if (Object.keys(fields).length) throw validationFailed(fields, Object.values(fields).join(''));
  await ctx.db.transaction().execute(async (tx) => {
    for (const dispute of disputes) {
      await disputesStore.insert(tx, dispute, ctx.now().toISOString());
      await appendEvent(tx, {
        at: ctx.now(),
        actor,
        agencyId,
        entityType: 'report_dispute',
        entityId: dispute.id,
        action: how === 'import' ? 'report.dispute_imported' : 'report.dispute_registered',
        data: { reference: dispute.reference, stages: dispute.stages.map((s) => s.kind) },
      });
    }
  });
  return disputes.map((d) => d.id);
}

async function change(
  ctx: AppContext,
  actor: Actor,
  disputeId: string,
  action: string,
  next: (stages: DisputeStage[]) => DisputeStage[],
): Promise<void> {
  const before = await disputesStore.byId(ctx.db, disputeId);
  if (!before) throw notFound('该争议');
  await reportAgency(ctx, actor, before.agencyId, 'edit');
  const stages = next(before.stages.map((s) => ({ ...s })));
  check({ ...before, stages });
  await ctx.db.transaction().execute(async (tx) => {
    await disputesStore.putStages(tx, disputeId, stages);
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: before.agencyId,
      entityType: 'report_dispute',
      entityId: disputeId,
      action,
      data: { stage: stages.length, kind: stages.at(-1)?.kind },
    });
  });
}

export function addStage(ctx: AppContext, actor: Actor, disputeId: string, stage: DisputeStage) {
  return change(ctx, actor, disputeId, 'report.dispute_stage_added', (stages) => [...stages, stage]);
}

/** Records the decision (day and result) of the dispute's last stage, which must still be pending. */
export function decideStage(
  ctx: AppContext,
  actor: Actor,
  disputeId: string,
  decision: { decidedOn: string; result: string },
) {
  return change(ctx, actor, disputeId, 'report.dispute_stage_decided', (stages) => {
    const last = stages.at(-1);
    if (!last || last.decidedOn !== undefined) {
      throw validationFailed({ decidedOn: '该争议没有尚未审结的阶段。' }, '该争议没有尚未审结的阶段。');
    }
    return [
      ...stages.slice(0, -1),
      { ...last, decidedOn: decision.decidedOn, result: decision.result } as DisputeStage,
    ];
  });
}

/** Chinese label of a stage's result. */
export function resultLabel(stage: DisputeStage): string {
  if (stage.result === undefined) return '尚未审结';
  const labels: Record<string, string> =
    stage.kind === 'reconsideration' ? RECONSIDERATION_RESULTS : LITIGATION_RESULTS;
  return labels[stage.result] ?? stage.result;
}
