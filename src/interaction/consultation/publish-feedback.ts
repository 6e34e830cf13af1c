/**
 * Use case: after the period, staff publish the feedback — for each opinion whether it was adopted (采纳,
 * 部分采纳, 未采纳) and why (required unless adopted), plus a summary. Published once; bad input stores nothing.
 */
import { agenciesStore } from '../../access/agencies.store.js';
import { can } from '../../access/permissions.js';
import { type Actor } from '../../platform/actor.js';
import { legalToday } from '../../calendar/legal-day.js';
import type { AppContext } from '../../platform/context.js';
import {
  conflict,
  DomainError,
  forbidden,
  notFound,
  validationFailed,
  type FieldErrors,
} from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { isDecision, stageOf } from './consultation.js';
import { consultationsStore } from './consultations.store.js';
import { formText } from '../../platform/form-values.js';

export async function publishFeedback(
  ctx: AppContext,
  actor: Actor,
  consultationId: string,
  input: Record<string, unknown>,
): Promise<void> {
  const c = await consultationsStore.byId(ctx.db, consultationId);
  if (!c) throw notFound('该意见征集');
  if (!can(actor, 'messages.handle', c.agency_id, await agenciesStore.all(ctx.db)))
    throw forbidden('您无权公布该意见征集的反馈。');
  const stage = stageOf(c, legalToday(ctx));
  if (stage === 'feedback') throw conflict('该意见征集的反馈已公布。');
  if (stage !== 'closed')
    throw new DomainError('consultation.not_closed', `征集期至 ${c.closes_on} 结束，结束后才能公布反馈。`);
  const opinions = await consultationsStore.opinions(ctx.db, c.id);
  const f: FieldErrors = {};
  const summary = formText(input.summary);
  if (!summary) f.summary = '请填写反馈情况说明';
  else if ([...summary].length > 5000) f.summary = '反馈情况说明不能超过 5000 个字';
  const decided = opinions.map((o, i) => {
    const decision = formText(input[`decision_${o.id}`]);
    const reason = formText(input[`reason_${o.id}`]);
    if (!isDecision(decision)) f[`decision_${o.id}`] = `请选择第 ${i + 1} 条意见是否采纳`;
    else if (decision !== 'adopted' && !reason)
      f[`reason_${o.id}`] = `请说明第 ${i + 1} 条意见未完全采纳的理由`;
    if ([...reason].length > 500) f[`reason_${o.id}`] = `第 ${i + 1} 条意见的理由不能超过 500 个字`;
    return { id: o.id, decision, reason: reason || null };
  });
  if (Object.keys(f).length) throw validationFailed(f);
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await consultationsStore.publishFeedback(tx, c.id, summary, ctx.now().toISOString())))
      throw conflict('该意见征集的反馈已公布。');
    for (const d of decided) await consultationsStore.decide(tx, d.id, d.decision, d.reason);
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: c.agency_id,
      entityType: 'consultation',
      entityId: c.id,
      action: 'consultation.feedback_published',
      data: {
        opinions: decided.length,
        adopted: decided.filter((d) => d.decision === 'adopted').length,
        partly: decided.filter((d) => d.decision === 'partly').length,
      },
    });
  });
}
