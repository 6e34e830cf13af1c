/**
 * Use cases: save an agency's wording for one notice kind, or restore the default. The disclosure office's head
 * (requests.approve) decides how the agency's notices read; each change is an audit event.
 */
import { agenciesStore } from '../../access/agencies.store.js';
import { can } from '../../access/permissions.js';
import { type Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { forbidden, notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { isNoticeKind, parseTemplateTexts } from './notice-templates.js';
import { noticeTemplatesStore } from './notice-templates.store.js';

async function check(ctx: AppContext, actor: Actor, agencyId: string, kind: string) {
  const all = await agenciesStore.all(ctx.db);
  if (!all.some((a) => a.id === agencyId) || !isNoticeKind(kind)) throw notFound('该文书模板');
  if (!can(actor, 'requests.approve', agencyId, all))
    throw forbidden('只有政府信息公开工作机构负责人可以修改文书模板。');
  return kind;
}

export async function saveNoticeTemplate(
  ctx: AppContext,
  actor: Actor,
  input: { agencyId: string; kind: string; texts: unknown },
): Promise<void> {
  const kind = await check(ctx, actor, input.agencyId, input.kind);
  const texts = parseTemplateTexts(kind, input.texts);
  await ctx.db.transaction().execute(async (tx) => {
    // Wording equal to the default everywhere is no template at all.
    if (Object.keys(texts).length === 0) await noticeTemplatesStore.remove(tx, input.agencyId, kind);
    else
      await noticeTemplatesStore.put(tx, {
        agencyId: input.agencyId,
        kind,
        texts,
        at: ctx.now().toISOString(),
        by: actor.label,
      });
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: input.agencyId,
      entityType: 'notice_template',
      entityId: `${input.agencyId}:${kind}`,
      action: 'request.notice_template_saved',
      data: { kind, slots: Object.keys(texts) },
    });
  });
}

export async function resetNoticeTemplate(
  ctx: AppContext,
  actor: Actor,
  input: { agencyId: string; kind: string },
): Promise<void> {
  const kind = await check(ctx, actor, input.agencyId, input.kind);
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await noticeTemplatesStore.remove(tx, input.agencyId, kind))) return;
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: input.agencyId,
      entityType: 'notice_template',
      entityId: `${input.agencyId}:${kind}`,
      action: 'request.notice_template_reset',
      data: { kind },
    });
  });
}
