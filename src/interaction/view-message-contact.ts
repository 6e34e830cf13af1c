/**
 * Use cases: staff read a message's contact details (name, phone, e-mail) or download its attachment. Shown in
 * clear to the handling agency, every view is recorded (DESIGN.md "Security baseline"); a supervisor's read-only
 * view is masked and not recorded. The caller has checked the user's scope.
 */
import type { Actor } from '../platform/actor.js';
import type { AppContext } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { maskMiddle, maskName, maskPhone, personalDataCipher } from '../platform/personal-data.js';
import { recordPersonalDataView } from '../platform/personal-data-views.js';
import { messagesStore, type MessageRow } from './messages.store.js';

export interface MessageContact {
  name: string | null;
  phone: string | null;
  email: string | null;
}

const maskEmail = (email: string) => maskMiddle(email, 1, email.length - email.indexOf('@'));
const masks = { name: maskName, phone: maskPhone, email: maskEmail } as const;

/** The contact details, masked or in clear; a view in clear is recorded with the fields it showed. */
export async function messageContact(
  ctx: AppContext,
  actor: Actor,
  m: MessageRow,
  masked: boolean,
): Promise<MessageContact> {
  const cipher = personalDataCipher(ctx.config.dataKey);
  const sealed = { name: m.name_enc, phone: m.phone_enc, email: m.email_enc };
  const out: MessageContact = { name: null, phone: null, email: null };
  for (const k of ['name', 'phone', 'email'] as const) {
    const v = sealed[k];
    if (v) out[k] = masked ? masks[k](cipher.decrypt(v)) : cipher.decrypt(v);
  }
  if (!masked)
    await recordPersonalDataView(ctx, actor, {
      agencyId: m.handling_agency_id,
      subject: { type: 'message', id: m.id },
      fields: (['name', 'phone', 'email'] as const).filter((k) => sealed[k]),
    });
  return out;
}

/** A message's attachment; the download is recorded. */
export async function downloadMessageAttachment(
  ctx: AppContext,
  actor: Actor,
  m: MessageRow,
  fileId: string,
) {
  const f = await messagesStore.attachment(ctx.db, m.id, fileId);
  if (!f) throw notFound('该附件');
  await recordPersonalDataView(ctx, actor, {
    agencyId: m.handling_agency_id,
    subject: { type: 'message', id: m.id },
    fields: ['attachment'],
    detail: { attachment: f.id },
  });
  return f;
}
