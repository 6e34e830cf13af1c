/**
 * Use case: an agency sets its reply promise per kind of message (working days). Applies to messages
 * received from now on; a promise already made to an asker is not changed.
 */
import { agenciesStore } from '../access/agencies.store.js';
import { can } from '../access/permissions.js';
import { type Actor } from '../platform/actor.js';
import type { AppContext } from '../platform/context.js';
import { forbidden, notFound, validationFailed } from '../platform/errors.js';
import { appendEvent } from '../platform/events.js';
import { messageKindLabel, messageKinds } from './message.js';
import { messagesStore } from './messages.store.js';
import { MAX_PROMISE_DAYS } from './promise.js';

export async function setReplyPromises(
  ctx: AppContext,
  actor: Actor,
  agencyId: string,
  input: Record<string, unknown>,
): Promise<void> {
  const all = await agenciesStore.all(ctx.db);
  if (!all.some((a) => a.id === agencyId)) throw notFound('该机关');
  if (!can(actor, 'messages.handle', agencyId, all)) throw forbidden('您无权设置该机关的留言答复时限。');
  const days: Record<string, number> = {};
  const f: Record<string, string> = {};
  for (const k of messageKinds) {
    const raw = typeof input[k] === 'string' ? input[k].trim() : '';
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < 1 || n > MAX_PROMISE_DAYS)
      f[k] = `“${messageKindLabel[k]}”的答复时限应为 1 至 ${MAX_PROMISE_DAYS} 之间的整数（工作日）`;
    else days[k] = n;
  }
  if (Object.keys(f).length) throw validationFailed(f);
  await ctx.db.transaction().execute(async (tx) => {
    for (const [kind, n] of Object.entries(days)) await messagesStore.setPromise(tx, agencyId, kind, n);
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId,
      entityType: 'agency',
      entityId: agencyId,
      action: 'message.promises_set',
      data: days,
    });
  });
}
