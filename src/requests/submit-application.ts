/**
 * Use case (public): an application through the agency's website. Submitting the confirmed form is the moment
 * both sides confirm (条例 Art. 31 (三)), so the day of submission (China Standard Time) is the day of receipt.
 */
import { agenciesStore } from '../agencies/agencies.store.js';
import { publicActor } from '../agencies/permissions.js';
import type { AppContext } from '../platform/context.js';
import { notFound, validationFailed } from '../platform/errors.js';
import { todayOf } from './case-action.js';
import { parseApplication } from './intake.js';
import { createCase, type NewCase } from './registration.js';

export async function submitApplication(
  ctx: AppContext,
  agencyId: string,
  form: Record<string, unknown>,
): Promise<NewCase> {
  const agency = await agenciesStore.byId(ctx.db, agencyId);
  if (!agency) throw notFound('该机关');
  const { content, errors } = parseApplication(form);
  if (!content) throw validationFailed(errors);
  const day = todayOf(ctx);
  return createCase(ctx, publicActor('申请人（网上申请）'), agency, content, {
    channel: 'online',
    day,
    event: 'receipt_confirmed',
  });
}
