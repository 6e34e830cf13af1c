/**
 * Use case: staff take one step on a message — accept, decline with a reason (e.g. a petition belongs to the
 * 信访 channel), transfer to another agency, submit a draft reply, return it, or approve and reply. The
 * approval closes the message, stores the working days it took, and publishes the reply when the asker
 * chose a public message.
 */
import { agenciesStore } from '../access/agencies.store.js';
import { can } from '../access/permissions.js';
import { type Actor } from '../platform/actor.js';
import { toLegalDay } from '../calendar/legal-day.js';
import type { AppContext } from '../platform/context.js';
import { DomainError, forbidden, notFound, validationFailed } from '../platform/errors.js';
import { appendEvent } from '../platform/events.js';
import { isStatus, messageStatusLabel, messageStepLabel, transitions, type MessageStep } from './message.js';
import { messageCalendar } from './message-calendar.js';
import { messagesStore } from './messages.store.js';
import { replyWorkdays } from './promise.js';

export interface StepInput {
  step: MessageStep;
  /** decline: why (shown to the asker). */
  reason?: string;
  /** transfer: the agency that will answer. */
  targetAgencyId?: string;
  /** draft: the reply text. */
  reply?: string;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export async function takeMessageStep(
  ctx: AppContext,
  actor: Actor,
  messageId: string,
  input: StepInput,
): Promise<void> {
  const all = await agenciesStore.all(ctx.db);
  const m = await messagesStore.byId(ctx.db, messageId);
  if (
    !m ||
    !(
      can(actor, 'messages.handle', m.handling_agency_id, all) ||
      can(actor, 'messages.handle', m.agency_id, all)
    )
  )
    throw notFound('该留言');
  if (!can(actor, 'messages.handle', m.handling_agency_id, all))
    throw forbidden('该留言已转交其他单位办理，您无权再办理。');
  const rule = transitions[input.step];
  if (!rule) throw validationFailed({ step: '请选择办理操作' });
  if (!isStatus(m.status) || !rule.from.includes(m.status)) {
    throw new DomainError(
      'message.transition_refused',
      `留言当前状态为“${isStatus(m.status) ? messageStatusLabel[m.status] : m.status}”，不能“${messageStepLabel[input.step]}”。`,
    );
  }
  const now = ctx.now().toISOString();
  const patch: Parameters<typeof messagesStore.update>[2] = { updated_at: now };
  if (rule.to) patch.status = rule.to;
  const data: Record<string, unknown> = { from: m.status, to: rule.to ?? m.status };

  switch (input.step) {
    case 'decline': {
      const reason = text(input.reason);
      if (!reason) throw validationFailed({ reason: '请填写不予受理的理由' });
      if ([...reason].length > 500) throw validationFailed({ reason: '理由不能超过 500 个字' });
      patch.decline_reason = reason;
      patch.closed_at = now;
      patch.closed_on = toLegalDay(now);
      data.reason = reason;
      break;
    }
    case 'transfer': {
      const target = all.find((a) => a.id === input.targetAgencyId);
      if (!target) throw validationFailed({ targetAgencyId: '请选择转办单位' });
      if (target.id === m.handling_agency_id)
        throw validationFailed({ targetAgencyId: '转办单位不能是当前办理单位' });
      if (!can(actor, 'messages.handle', target.id, all))
        throw validationFailed({ targetAgencyId: '只能转办给您有权办理留言的单位' });
      patch.handling_agency_id = target.id;
      // The reply promise does not restart on transfer: it was made to the asker on receipt.
      data.toAgency = target.name;
      break;
    }
    case 'draft': {
      const reply = text(input.reply);
      if (!reply) throw validationFailed({ reply: '请填写答复内容' });
      if ([...reply].length > 5000) throw validationFailed({ reply: '答复内容不能超过 5000 个字' });
      patch.draft_reply = reply;
      patch.drafted_by = actor.kind === 'user' ? actor.userId : null;
      break;
    }
    case 'approve': {
      const handling = all.find((a) => a.id === m.handling_agency_id)!;
      const closedOn = toLegalDay(now);
      patch.reply_body = m.draft_reply;
      patch.reply_department = handling.name;
      patch.closed_at = now;
      patch.closed_on = closedOn;
      patch.reply_workdays = replyWorkdays(
        await messageCalendar(ctx, handling.calendarRegion),
        m.received_on,
        closedOn,
      );
      patch.published = m.is_public;
      data.onTime = closedOn <= m.due_on;
      data.workdays = patch.reply_workdays;
      break;
    }
    case 'accept':
    case 'return':
      break;
  }

  await ctx.db.transaction().execute(async (tx) => {
    const done = await messagesStore.updateIf(
      tx,
      m.id,
      { status: m.status, handlingAgencyId: m.handling_agency_id },
      patch,
    );
    if (!done) throw new DomainError('conflict', '该留言刚被其他人办理过，请刷新页面后查看最新状态。');
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: patch.handling_agency_id ?? m.handling_agency_id,
      entityType: 'message',
      entityId: m.id,
      action: `message.${input.step}`,
      data,
    });
  });
}
