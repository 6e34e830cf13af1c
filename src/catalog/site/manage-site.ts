/** Use cases: an agency's footer identifiers and its register of leaders and agency names (catalog.manage). */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { appendEvent } from '../../platform/events.js';
import { newId } from '../../platform/ids.js';
import { managed } from '../manage-catalog.js';
import { parseNameRegister, parseSiteIdentity } from './site-identity.js';
import { siteStore } from './site.store.js';
import { forgetSiteIdentity } from './site-footer.js';

export async function setSiteIdentity(
  ctx: AppContext,
  actor: Actor,
  agencyId: string,
  input: Record<string, string | undefined>,
): Promise<void> {
  const s = parseSiteIdentity(input);
  await managed(ctx, actor, agencyId);
  await ctx.db.transaction().execute(async (tx) => {
    await siteStore.putIdentity(tx, agencyId, s);
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId,
      entityType: 'agency',
      entityId: agencyId,
      action: 'catalog.site_identity_set',
      data: { ...s },
    });
  });
  forgetSiteIdentity(agencyId);
}

export async function setNameRegister(
  ctx: AppContext,
  actor: Actor,
  agencyId: string,
  input: { leaders: string; agencyNames: string },
): Promise<void> {
  const r = parseNameRegister(input.leaders, input.agencyNames);
  await managed(ctx, actor, agencyId);
  await ctx.db.transaction().execute(async (tx) => {
    await siteStore.replaceNames(tx, agencyId, [
      ...r.leaders.map((l, n) => ({
        id: newId(),
        kind: 'leader' as const,
        name: l.name,
        post: l.post,
        sortOrder: n,
      })),
      ...r.agencies.map((a, n) => ({
        id: newId(),
        kind: 'agency' as const,
        name: a,
        post: '',
        sortOrder: n,
      })),
    ]);
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId,
      entityType: 'agency',
      entityId: agencyId,
      action: 'catalog.name_register_set',
      data: { leaders: r.leaders.length, agencies: r.agencies.length },
    });
  });
}
