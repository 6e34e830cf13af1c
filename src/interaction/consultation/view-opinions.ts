/**
 * Use case: staff read a consultation's opinions with the name and contact each contributor chose to give,
 * decrypted; one view of the page is one audit event naming the opinions whose details it showed
 * (DESIGN.md "Security baseline"). The caller has checked the user's scope.
 */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { personalDataCipher } from '../../platform/personal-data.js';
import { recordPersonalDataView } from '../../platform/personal-data-views.js';
import { consultationsStore, type ConsultationRow, type OpinionRow } from './consultations.store.js';

export type StaffOpinion = OpinionRow & { name: string | null; contact: string | null };

export async function opinionsForStaff(
  ctx: AppContext,
  actor: Actor,
  c: ConsultationRow,
): Promise<StaffOpinion[]> {
  const rows = await consultationsStore.opinions(ctx.db, c.id);
  const cipher = personalDataCipher(ctx.config.dataKey);
  const opinions = rows.map((o) => ({
    ...o,
    name: o.name_enc ? cipher.decrypt(o.name_enc) : null,
    contact: o.contact_enc ? cipher.decrypt(o.contact_enc) : null,
  }));
  const named = opinions.filter((o) => o.name !== null || o.contact !== null);
  await recordPersonalDataView(ctx, actor, {
    agencyId: c.agency_id,
    subject: { type: 'consultation', id: c.id },
    fields: [
      ...(named.some((o) => o.name !== null) ? ['name'] : []),
      ...(named.some((o) => o.contact !== null) ? ['contact'] : []),
    ],
    detail: { opinions: named.map((o) => o.id) },
  });
  return opinions;
}
