/**
 * Dashboard warnings for the 复议机关 of the agencies the user manages (行政复议法 Art. 24, access/review-body.ts):
 * an agency that names itself, names another body without a reason, or has none that can be named. Each links to
 * the agency's form, which shows the same findings.
 */
import { agenciesStore } from '../access/agencies.store.js';
import type { CurrentUser } from '../access/auth/current-user.js';
import { scopeOf } from '../access/permissions.js';
import { reviewBodyFindings } from '../access/review-body.js';
import type { AppContext } from '../platform/context.js';

export async function reviewBodyWarnings(
  ctx: AppContext,
  user: CurrentUser,
): Promise<{ text: string; href?: string }[]> {
  const all = await agenciesStore.all(ctx.db);
  const managed = scopeOf(user.actor, 'agency.manage', all);
  return all
    .filter((a) => managed.has(a.id))
    .flatMap((a) =>
      reviewBodyFindings(all, a).map((f) => ({
        text: `${a.name}：${f.message}`,
        href: `/admin/agencies/${a.id}`,
      })),
    );
}
