/**
 * Use case: a member of the public leaves a message on an agency's site. Validates the form and the
 * attachment, encrypts the contact details, fixes the reply promise's due date on the working-day calendar,
 * and returns the tracking code with its 查询码 (shown once). "Received" means stored: it returns only after
 * the transaction commits.
 */
import { agenciesStore } from '../access/agencies.store.js';
import { publicActor } from '../platform/actor.js';
import type { AppContext } from '../platform/context.js';
import { DomainError, notFound, validationFailed } from '../platform/errors.js';
import { appendEvent } from '../platform/events.js';
import { newId } from '../platform/ids.js';
import { personalDataCipher } from '../platform/personal-data.js';
import type { UploadedFile } from '../platform/uploads.js';
import { checkAttachment } from './attachment.js';
import { messageCalendar } from './message-calendar.js';
import { parseMessageInput } from './message-input.js';
import { messagesStore } from './messages.store.js';
import { DEFAULT_PROMISE_DAYS, promiseDates } from './promise.js';
import { hashSecret, newSecret, newTrackingCode } from './tracking-code.js';

interface SubmittedMessage {
  messageId: string;
  trackingCode: string;
  secret: string;
  receivedOn: string;
  dueOn: string;
  promiseDays: number;
}

export async function submitMessage(
  ctx: AppContext,
  agencyId: string,
  input: Record<string, unknown>,
  attachment?: Pick<UploadedFile, 'fileName' | 'data'> | null,
): Promise<SubmittedMessage> {
  // A filled honeypot field is a robot: refuse without storing anything.
  if (typeof input.website === 'string' && input.website.trim() !== '') {
    throw new DomainError('message.refused', '提交未能通过校验，请刷新页面后重新填写。');
  }
  const agency = await agenciesStore.byId(ctx.db, agencyId);
  if (!agency) throw notFound('该机关');
  let m;
  try {
    m = parseMessageInput(input);
  } catch (e) {
    // Report a bad attachment together with the other fields.
    if (e instanceof DomainError && attachment) {
      const a = await checkAttachment(attachment);
      if (!a.ok) throw validationFailed({ ...e.fields, attachment: a.message });
    }
    throw e;
  }
  const checked = attachment ? await checkAttachment(attachment) : null;
  if (checked && !checked.ok) throw validationFailed({ attachment: checked.message });

  const cipher = personalDataCipher(ctx.config.dataKey);
  const receivedAt = ctx.now().toISOString();
  const promiseDays = (await messagesStore.promiseDays(ctx.db, agencyId, m.kind)) ?? DEFAULT_PROMISE_DAYS;
  const dates = promiseDates(await messageCalendar(ctx, agency.calendarRegion), receivedAt, promiseDays);
  const messageId = newId();
  const trackingCode = newTrackingCode(dates.receivedOn);
  const secret = newSecret();
  await ctx.db.transaction().execute(async (tx) => {
    await messagesStore.insert(tx, {
      id: messageId,
      agency_id: agencyId,
      handling_agency_id: agencyId,
      tracking_code: trackingCode,
      secret_hash: hashSecret(secret),
      kind: m.kind,
      subject: m.subject,
      body: m.body,
      is_public: m.isPublic ? 1 : 0,
      status: 'received',
      name_enc: cipher.encrypt(m.name),
      phone_enc: m.phone ? cipher.encrypt(m.phone) : null,
      email_enc: m.email ? cipher.encrypt(m.email) : null,
      contact_index: cipher.blindIndex(m.phone ?? m.email ?? ''),
      received_at: receivedAt,
      received_on: dates.receivedOn,
      promise_days: promiseDays,
      due_on: dates.dueOn,
      critical_after: dates.criticalAfter,
      provisional: dates.provisional ? 1 : 0,
      published: 0,
      reminder_level: 0,
      updated_at: receivedAt,
    });
    if (attachment && checked?.ok) {
      await messagesStore.insertAttachment(tx, {
        id: newId(),
        messageId,
        filename: checked.filename,
        contentType: checked.contentType,
        data: attachment.data,
      });
    }
    await appendEvent(tx, {
      at: ctx.now(),
      actor: publicActor(),
      agencyId,
      entityType: 'message',
      entityId: messageId,
      action: 'message.received',
      data: { trackingCode, kind: m.kind, dueOn: dates.dueOn, promiseDays },
    });
  });
  return { messageId, trackingCode, secret, receivedOn: dates.receivedOn, dueOn: dates.dueOn, promiseDays };
}
