/**
 * Use cases of the always-open rating (社会评议 besides campaigns): anyone rates an agency's disclosure on the
 * four criteria or one published item (useful yes/no, optional 1–5), with an optional comment that staff
 * approve or reject (with a reason) before the public sees it. Ratings count at once; comments wait.
 */
import { agenciesStore } from '../../access/agencies.store.js';
import { can } from '../../access/permissions.js';
import { publicActor, type Actor } from '../../platform/actor.js';
import { toLegalDay } from '../../calendar/legal-day.js';
import { catalogStore } from '../../catalog/catalog.store.js';
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
import { newId } from '../../platform/ids.js';
import { parseScores } from './criteria.js';
import { openRatingsStore } from './open-ratings.store.js';
import { formText } from '../../platform/form-values.js';

export const MAX_COMMENT_CHARS = 500;

export async function submitOpenRating(
  ctx: AppContext,
  agencyId: string,
  input: Record<string, unknown>,
  itemId: string | null = null,
): Promise<{ ratingId: string; commentHeld: boolean }> {
  // A filled honeypot field is a robot: refuse without storing anything.
  if (formText(input.website))
    throw new DomainError('rating.refused', '提交未能通过校验，请刷新页面后重新填写。');
  if (!(await agenciesStore.byId(ctx.db, agencyId))) throw notFound('该机关');
  if (itemId) {
    const item = await catalogStore.itemById(ctx.db, itemId);
    if (!item || item.agencyId !== agencyId || item.status !== 'published') throw notFound('该信息');
  }
  const f: FieldErrors = {};
  const scores = itemId ? null : parseScores(input, f);
  let useful: number | null = null;
  let score: number | null = null;
  if (itemId) {
    const u = formText(input.useful);
    if (u !== 'yes' && u !== 'no') f.useful = '请选择这条信息对您是否有用';
    else useful = u === 'yes' ? 1 : 0;
    const s = formText(input.score);
    if (s && !/^[1-5]$/.test(s)) f.score = '评分只能是 1 至 5 分';
    else if (s) score = Number(s);
  }
  const comment = formText(input.comment);
  if ([...comment].length > MAX_COMMENT_CHARS) f.comment = `意见建议不能超过 ${MAX_COMMENT_CHARS} 个字`;
  if (Object.keys(f).length || (!itemId && !scores)) throw validationFailed(f);
  const ratingId = newId();
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await openRatingsStore.insert(tx, {
      id: ratingId,
      agency_id: agencyId,
      target: itemId ? 'item' : 'agency',
      item_id: itemId,
      accuracy: scores?.accuracy ?? null,
      timeliness: scores?.timeliness ?? null,
      procedure: scores?.procedure ?? null,
      institution: scores?.institution ?? null,
      useful,
      score,
      comment: comment || null,
      comment_status: comment ? 'pending' : 'none',
      moderation_reason: null,
      moderated_at: null,
      submitted_at: at,
      rated_on: toLegalDay(at),
    });
    await appendEvent(tx, {
      at: ctx.now(),
      actor: publicActor(),
      agencyId,
      entityType: 'open_rating',
      entityId: ratingId,
      action: 'rating.open_submitted',
      data: { target: itemId ? 'item' : 'agency', itemId, withComment: Boolean(comment) },
    });
  });
  return { ratingId, commentHeld: Boolean(comment) };
}

/** Staff of the rated agency approve a held comment, or reject it with a reason. */
export async function moderateComment(
  ctx: AppContext,
  actor: Actor,
  ratingId: string,
  input: Record<string, unknown>,
): Promise<void> {
  const r = await openRatingsStore.byId(ctx.db, ratingId);
  if (!r || r.comment_status === 'none') throw notFound('该评价意见');
  if (!can(actor, 'messages.handle', r.agency_id, await agenciesStore.all(ctx.db)))
    throw forbidden('您无权审核该机关收到的评价意见。');
  const decision = formText(input.decision);
  const reason = formText(input.reason);
  const f: FieldErrors = {};
  if (decision !== 'approve' && decision !== 'reject') f.decision = '请选择通过或不通过';
  else if (decision === 'reject' && !reason) f.reason = '不通过时请填写理由';
  if ([...reason].length > 200) f.reason = '理由不能超过 200 个字';
  if (Object.keys(f).length) throw validationFailed(f);
  const status = decision === 'approve' ? 'approved' : 'rejected';
  await ctx.db.transaction().execute(async (tx) => {
    const done = await openRatingsStore.moderate(
      tx,
      ratingId,
      status,
      status === 'rejected' ? reason : reason || null,
      ctx.now().toISOString(),
    );
    if (!done) throw conflict('该评价意见已审核过，请刷新页面。');
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: r.agency_id,
      entityType: 'open_rating',
      entityId: ratingId,
      action: status === 'approved' ? 'rating.comment_approved' : 'rating.comment_rejected',
      data: status === 'rejected' ? { reason } : {},
    });
  });
}
