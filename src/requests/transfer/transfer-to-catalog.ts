/**
 * Use case: 依申请转主动 (条例 Art. 44). Information disclosed on application that others are likely to ask for is
 * marked to be published proactively: a DRAFT catalog item is made through the catalog's own use case
 * (createItem), linked to the case by a case event. The draft still goes through the catalog's review and
 * release; marking is a case handler's decision, so the draft is made on the handler's behalf even without
 * catalog editing rights, and nothing is published by this step.
 */
import { systemActor, type Actor } from '../../platform/actor.js';
import { createItem } from '../../catalog/items/save-item.js';
import type { AppContext } from '../../platform/context.js';
import { conflict, DomainError, validationFailed } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import type { Outcome } from '../../statute/outcomes.js';
import { loadCase, todayOf } from '../actions/case-action.js';
import { requestsStore, type StoredCaseEvent } from '../requests.store.js';
import { optionalText, requiredText } from '../text-input.js';

const TRANSFER_EVENT = 'transferred_to_catalog';

/** Only information the agency gave out can be published proactively (Art. 36 (二), Art. 37). */
const DISCLOSED: readonly Outcome[] = ['disclosed', 'partlyDisclosed'];

export const catalogLinkOf = (events: readonly StoredCaseEvent[]) => {
  const e = events.find((x) => x.type === TRANSFER_EVENT);
  return e ? { itemId: String(e.data.itemId), day: e.day } : undefined;
};

export async function transferToCatalog(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string; columnId?: unknown; title?: unknown; summary?: unknown; reason?: unknown },
): Promise<{ itemId: string }> {
  const c = await loadCase(ctx, actor, input.caseId);
  if (!c.roles.includes('handler'))
    throw new DomainError('auth.forbidden', '只有经办人可以作出依申请转主动的标记。');
  if (!['replied', 'archived'].includes(c.row.state) || !DISCLOSED.includes(c.row.outcome as Outcome))
    throw conflict('只有已答复且予以公开（含部分公开）的申请，才能转为主动公开。');
  if (catalogLinkOf(c.events)) throw conflict('该申请的信息已标记为转主动公开。');
  // Every problem at once, in Chinese, before anything is written.
  const errors: Record<string, string> = {};
  const field = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (e instanceof DomainError) Object.assign(errors, e.fields);
      return undefined;
    }
  };
  const title = field(() =>
    requiredText(input.title ?? c.row.info_title, 'title', '主动公开条目的标题', 200),
  );
  const summary = field(() => optionalText(input.summary, 'summary', '内容概述', 500));
  const reason = field(() => optionalText(input.reason, 'reason', '转主动公开的理由', 500));
  if (typeof input.columnId !== 'string' || !input.columnId) errors.columnId = '请选择发布栏目';
  if (Object.keys(errors).length) throw validationFailed(errors);
  const day = todayOf(ctx);
  const maker = systemActor(`${actor.label}（依申请转主动）`);
  // The catalog validates the fields and the column (of this agency) before anything is written.
  const { itemId } = await createItem(ctx, maker, c.agency.id, {
    columnId: input.columnId,
    title,
    summary,
    source: '依申请公开转主动公开',
  });
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await requestsStore.insertEvent(tx, c.row.id, {
      at,
      day,
      type: TRANSFER_EVENT,
      data: { itemId, reason },
      actorLabel: actor.label,
    });
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: c.agency.id,
      entityType: 'request',
      entityId: c.row.id,
      action: 'request.transferred_to_catalog',
      data: { itemId },
    });
  });
  return { itemId };
}
