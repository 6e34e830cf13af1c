/**
 * Every staff view or download that shows personal data in clear is an audit event (DESIGN.md "Security
 * baseline"): `<subject type>.personal_data_viewed` on the subject (the case, the message, the consultation),
 * naming the viewer, the agency and the fields shown. Masked views are not recorded.
 */
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import { appendEvent } from './events.js';

export interface PersonalDataView {
  agencyId: string;
  /** What the data belongs to: `request`, `message`, `consultation`, … — also the action's prefix. */
  subject: { type: string; id: string };
  /** The fields shown in clear, e.g. `['name', 'phone']`, or `['attachment']` for a file. */
  fields: readonly string[];
  /** Which part was shown: an attachment's id, a notice's kind, the opinions listed. */
  detail?: Record<string, unknown>;
}

export const personalDataViewed = (subjectType: string) => `${subjectType}.personal_data_viewed`;

/** Appends the view's event; a view that showed no field in clear records nothing. */
export async function recordPersonalDataView(
  ctx: Pick<AppContext, 'db' | 'now'>,
  actor: Actor,
  view: PersonalDataView,
): Promise<void> {
  if (view.fields.length === 0) return;
  await appendEvent(ctx.db, {
    at: ctx.now(),
    actor,
    agencyId: view.agencyId,
    entityType: view.subject.type,
    entityId: view.subject.id,
    action: personalDataViewed(view.subject.type),
    data: { fields: [...view.fields], ...view.detail },
  });
}
