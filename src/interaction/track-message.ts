/**
 * Use cases of the asker: look up a message by tracking code and 查询码, and rate the reply once.
 * A wrong code and a wrong 查询码 get the same answer, so codes cannot be probed.
 */
import { publicActor } from '../platform/actor.js';
import type { AppContext } from '../platform/context.js';
import { DomainError, validationFailed } from '../platform/errors.js';
import { appendEvent } from '../platform/events.js';
import { isRating } from './message.js';
import { messagesStore, type MessageRow } from './messages.store.js';
import { hashSecret, normaliseCode } from './tracking-code.js';
import { timingSafeEqual } from 'node:crypto';

export async function trackMessage(
  ctx: AppContext,
  agencyId: string,
  input: { code?: unknown; secret?: unknown },
): Promise<MessageRow> {
  const code = typeof input.code === 'string' ? normaliseCode(input.code) : '';
  const secret = typeof input.secret === 'string' ? input.secret.trim() : '';
  const f: Record<string, string> = {};
  if (!code) f.code = '请填写查询编号';
  if (!secret) f.secret = '请填写查询码';
  if (Object.keys(f).length) throw validationFailed(f);
  const m = await messagesStore.byCode(ctx.db, code);
  const given = Buffer.from(hashSecret(secret));
  if (!m || m.agency_id !== agencyId || !timingSafeEqual(given, Buffer.from(m.secret_hash))) {
    throw validationFailed({ code: '查询编号或查询码不正确，请核对回执后重新输入' });
  }
  return m;
}

export async function rateReply(
  ctx: AppContext,
  agencyId: string,
  input: { code?: unknown; secret?: unknown; rating?: unknown; comment?: unknown },
): Promise<MessageRow> {
  const m = await trackMessage(ctx, agencyId, input);
  if (m.status !== 'replied') throw new DomainError('message.rating_refused', '留言答复后才能评价。');
  if (m.rating) throw new DomainError('message.rating_refused', '您已评价过该答复，每条留言只能评价一次。');
  if (!isRating(input.rating)) throw validationFailed({ rating: '请选择您对答复的评价' });
  const comment = typeof input.comment === 'string' ? input.comment.trim() : '';
  if ([...comment].length > 500) throw validationFailed({ comment: '评价意见不能超过 500 个字' });
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    // Only the first rating counts, even when two arrive at once.
    const first = await messagesStore.rateOnce(tx, m.id, {
      rating: input.rating as string,
      rating_comment: comment || null,
      rated_at: now,
    });
    if (!first) throw new DomainError('message.rating_refused', '您已评价过该答复，每条留言只能评价一次。');
    await appendEvent(tx, {
      at: ctx.now(),
      actor: publicActor('留言人'),
      agencyId: m.handling_agency_id,
      entityType: 'message',
      entityId: m.id,
      action: 'message.rated',
      data: { rating: input.rating },
    });
  });
  return { ...m, rating: input.rating, rating_comment: comment || null, rated_at: now };
}
