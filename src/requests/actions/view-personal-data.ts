/**
 * Use cases: staff read an applicant's personal data — the applicant's details or an uploaded file (ID copies,
 * authorisations). Every view is recorded as an audit event (DESIGN.md "Security baseline").
 */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { personalDataCipher } from '../../platform/personal-data.js';
import { recordPersonalDataView } from '../../platform/personal-data-views.js';
import { loadCase } from './case-action.js';
import { requestsStore } from '../requests.store.js';

/** The applicant's details of a case, decrypted; the view is recorded. */
export async function viewApplicant(ctx: AppContext, actor: Actor, caseId: string) {
  const c = await loadCase(ctx, actor, caseId);
  const applicant = JSON.parse(
    personalDataCipher(ctx.config.dataKey).decrypt(c.row.applicant_sealed),
  ) as Record<string, string>;
  await recordPersonalDataView(ctx, actor, {
    agencyId: c.agency.id,
    subject: { type: 'request', id: c.row.id },
    fields: Object.keys(applicant),
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
  await recordPersonalDataView(ctx, actor, {
    agencyId: c.agency.id,
    subject: { type: 'request', id: c.row.id },
    fields: ['attachment'],
    detail: { attachment: a.id, kind: a.kind },
  });
  return a;
}
