/**
 * Use case (staff intake): an application by letter, fax, e-mail or in person — including an oral application
 * the clerk writes down (条例 Art. 29) — registered with the receipt day its channel fixes (Art. 31).
 */
import { agenciesStore } from '../../access/agencies.store.js';
import { can } from '../../access/permissions.js';
import { type Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { forbidden, notFound, validationFailed } from '../../platform/errors.js';
import { todayOf } from './case-action.js';
import { parseApplication, receiptOf, STAFF_CHANNELS, type StaffChannel } from '../intake.js';
import { createCase, type NewCase } from '../registration.js';

export async function registerApplication(
  ctx: AppContext,
  actor: Actor,
  agencyId: string,
  form: Record<string, unknown>,
): Promise<NewCase> {
  const agencies = await agenciesStore.all(ctx.db);
  const agency = agencies.find((a) => a.id === agencyId);
  if (!agency) throw notFound('该机关');
  if (!can(actor, 'requests.handle', agencyId, agencies))
    throw forbidden('您无权登记该机关的政府信息公开申请。');
  const channel = (typeof form.channel === 'string' ? form.channel : '') as StaffChannel;
  const { content, errors } = parseApplication(form);
  if (!STAFF_CHANNELS.includes(channel)) {
    throw validationFailed({ ...errors, channel: '请选择申请的提交方式' });
  }
  const receipt = receiptOf(
    channel,
    {
      submittedOn: form.submittedOn as string | undefined,
      signedForOn: form.signedForOn as string | undefined,
      confirmedOn: form.confirmedOn as string | undefined,
    },
    todayOf(ctx),
  );
  const all = { ...errors, ...receipt.errors };
  if (!content || !receipt.day || !receipt.event || Object.keys(all).length) throw validationFailed(all);
  return createCase(
    ctx,
    actor,
    agency,
    content,
    { channel, day: receipt.day, event: receipt.event },
    { assigneeId: actor.kind === 'user' ? actor.userId : null, audit: { oral: form.oral === 'on' } },
  );
}
