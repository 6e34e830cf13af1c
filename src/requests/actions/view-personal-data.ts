/**
 * Use cases: staff read an applicant's personal data — the applicant's details or an uploaded file (ID copies,
 * authorisations). Every view is recorded as an audit event (DESIGN.md "Security baseline").
 */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { personalDataCipher } from '../../platform/personal-data.js';
import { loadCase } from './case-action.js';
import { requestsStore } from '../requests.store.js';

/** The applicant's details of a case, decrypted; the view is recorded. */
export async function viewApplicant(ctx: AppContext, actor: Actor, caseId: string) {
  const c = await loadCase(ctx, actor, caseId);
  const applicant = JSON.parse(
    personalDataCipher(ctx.config.dataKey).decrypt(c.row.applicant_sealed),
  ) as Record<string, string>;
  await appendEvent(ctx.db, {
    at: ctx.now(),
    actor,
    agencyId: c.agency.id,
    entityType: 'request',
    entityId: c.row.id,
    action: 'request.personal_data_viewed',
  });
  return { caseId: c.row.id, applicant };
}

/** An uploaded file of a case; the download is recorded. */
export async function downloadAttachment(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  attachmentId: string,
) {
  const c = await loadCase(ctx, actor, caseId);
  const a = await requestsStore.attachment(ctx.db, c.row.id, attachmentId);
  if (!a) throw new DomainError('not_found', '未找到该材料。');
  await appendEvent(ctx.db, {
    at: ctx.now(),
    actor,
    agencyId: c.agency.id,
    entityType: 'request',
    entityId: c.row.id,
    action: 'request.personal_data_viewed',
    data: { attachment: a.id, kind: a.kind },
  });
  return a;
}
