/**
 * Use cases of 社会评议: a supervising office opens a campaign over agencies it oversees, invites evaluators
 * (each gets a code, shown once), and evaluators or the public answer the four-criteria questionnaire during
 * the period. Results are averages per agency and round.
 */
import { agenciesStore } from '../../access/agencies.store.js';
import { can } from '../../access/permissions.js';
import { publicActor, type Actor } from '../../platform/actor.js';
import { isIsoDate } from '../../calendar/dates.js';
import { legalToday } from '../../calendar/legal-day.js';
import type { AppContext } from '../../platform/context.js';
import {
  DomainError,
  forbidden,
  notFound,
  validationFailed,
  type FieldErrors,
} from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { newId } from '../../platform/ids.js';
import { hashSecret, newSecret } from '../tracking-code.js';
import { evaluatorKinds, parseScores, type EvaluatorKind } from './criteria.js';
import { ratingsStore } from './ratings.store.js';
import { formText } from '../../platform/form-values.js';

const list = (v: unknown) =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(formText).filter(Boolean);

export async function createCampaign(
  ctx: AppContext,
  actor: Actor,
  input: Record<string, unknown>,
): Promise<{ campaignId: string }> {
  const all = await agenciesStore.all(ctx.db);
  const organiserId = formText(input.organiserId);
  if (!all.some((a) => a.id === organiserId)) throw notFound('组织评议的机关');
  if (!can(actor, 'reports.supervise', organiserId, all)) throw forbidden('您无权以该机关名义组织社会评议。');
  const f: FieldErrors = {};
  const title = formText(input.title);
  const opensOn = formText(input.opensOn);
  const closesOn = formText(input.closesOn);
  const agencyIds = [...new Set(list(input.agencyIds))];
  if (!title) f.title = '请填写评议名称';
  else if ([...title].length > 100) f.title = '评议名称不能超过 100 个字';
  if (!isIsoDate(opensOn)) f.opensOn = '请填写开始日期，如 2025-11-01';
  if (!isIsoDate(closesOn)) f.closesOn = '请填写结束日期，如 2025-11-30';
  else if (isIsoDate(opensOn) && closesOn < opensOn) f.closesOn = '结束日期不能早于开始日期';
  if (agencyIds.length === 0) f.agencyIds = '请至少选择一个被评议单位';
  else if (agencyIds.some((id) => !can(actor, 'reports.supervise', id, all)))
    f.agencyIds = '只能评议您监督范围内的单位';
  if (Object.keys(f).length) throw validationFailed(f);
  const campaignId = newId();
  await ctx.db.transaction().execute(async (tx) => {
    await ratingsStore.insertCampaign(
      tx,
      {
        id: campaignId,
        organiser_id: organiserId,
        title,
        year: Number(opensOn.slice(0, 4)),
        opens_on: opensOn,
        closes_on: closesOn,
        public_round: input.publicRound === 'on' || input.publicRound === true ? 1 : 0,
        created_at: ctx.now().toISOString(),
      },
      agencyIds,
    );
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: organiserId,
      entityType: 'rating_campaign',
      entityId: campaignId,
      action: 'rating.campaign_created',
      data: { title, opensOn, closesOn, agencies: agencyIds.length },
    });
  });
  return { campaignId };
}

export async function inviteEvaluator(
  ctx: AppContext,
  actor: Actor,
  campaignId: string,
  input: Record<string, unknown>,
): Promise<{ code: string }> {
  const c = await ratingsStore.campaign(ctx.db, campaignId);
  if (!c) throw notFound('该评议');
  if (!can(actor, 'reports.supervise', c.organiser_id, await agenciesStore.all(ctx.db)))
    throw forbidden('您无权为该评议邀请评议人。');
  const f: FieldErrors = {};
  const kind = formText(input.kind);
  const label = formText(input.label);
  if (!evaluatorKinds.includes(kind as EvaluatorKind)) f.kind = '请选择评议人类别';
  if (!label) f.label = '请填写评议人（如：县人大代表 王某）';
  else if ([...label].length > 50) f.label = '评议人不能超过 50 个字';
  if (Object.keys(f).length) throw validationFailed(f);
  const code = `${newSecret()}${newSecret()}`;
  const id = newId();
  await ctx.db.transaction().execute(async (tx) => {
    await ratingsStore.insertInvitation(tx, {
      id,
      campaignId,
      codeHash: hashSecret(code),
      kind,
      label,
      at: ctx.now().toISOString(),
    });
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: c.organiser_id,
      entityType: 'rating_campaign',
      entityId: campaignId,
      action: 'rating.evaluator_invited',
      data: { kind, invitationId: id },
    });
  });
  return { code };
}

export async function submitRating(
  ctx: AppContext,
  campaignId: string,
  input: Record<string, unknown>,
): Promise<{ round: 'invited' | 'public' }> {
  if (formText(input.website))
    throw new DomainError('rating.refused', '提交未能通过校验，请刷新页面后重新填写。');
  const c = await ratingsStore.campaign(ctx.db, campaignId);
  if (!c) throw notFound('该评议');
  const today = legalToday(ctx);
  if (today < c.opens_on || today > c.closes_on)
    throw new DomainError(
      'rating.closed',
      `本次评议的时间为 ${c.opens_on} 至 ${c.closes_on}，当前不在评议期内。`,
    );
  const f: FieldErrors = {};
  const agencyId = formText(input.agencyId);
  const agencies = await ratingsStore.campaignAgencies(ctx.db, campaignId);
  if (!agencies.includes(agencyId)) f.agencyId = '请选择被评议单位';
  const scores = parseScores(input, f);
  const comment = formText(input.comment);
  if ([...comment].length > 500) f.comment = '意见建议不能超过 500 个字';
  const code = formText(input.code);
  let invitationId: string | null = null;
  if (code) {
    const inv = await ratingsStore.invitationByHash(ctx.db, hashSecret(code));
    if (!inv || inv.campaign_id !== campaignId) f.code = '邀请码不正确';
    else if (!f.agencyId && (await ratingsStore.answered(ctx.db, inv.id, agencyId)))
      f.code = '您已评议过该单位，每位受邀评议人对每个单位只能评议一次';
    else invitationId = inv.id;
  } else if (!c.public_round) f.code = '本次评议仅限受邀评议人参加，请填写邀请码';
  if (Object.keys(f).length || !scores) throw validationFailed(f);
  const round = invitationId ? 'invited' : 'public';
  const id = newId();
  await ctx.db.transaction().execute(async (tx) => {
    await ratingsStore.insertResponse(tx, {
      id,
      campaign_id: campaignId,
      agency_id: agencyId,
      round,
      invitation_id: invitationId,
      ...scores,
      comment: comment || null,
      submitted_at: ctx.now().toISOString(),
    });
    await appendEvent(tx, {
      at: ctx.now(),
      actor: publicActor(round === 'invited' ? '受邀评议人' : '公众'),
      agencyId,
      entityType: 'rating_campaign',
      entityId: campaignId,
      action: 'rating.submitted',
      data: { round, responseId: id },
    });
  });
  return { round };
}
