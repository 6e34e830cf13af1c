/**
 * Opening a case, shared by the public form and staff intake: the registration number of the agency's year,
 * the tracking code, personal data sealed (personal-data.ts) with blind indexes, and the first events — the
 * registration with its channel and the Art. 31 receipt event — from which the clock starts.
 */
import { randomBytes } from 'node:crypto';
import type { Agency } from '../access/agency.js';
import type { Actor } from '../platform/actor.js';
import { yearOf } from '../calendar/dates.js';
import type { ReceiptChannel, ReceiptEvent } from '../calendar/rules.js';
import type { AppContext } from '../platform/context.js';
import type { Tx } from '../platform/db/database.js';
import { appendEvent } from '../platform/events.js';
import { newId } from '../platform/ids.js';
import { maskName, personalDataCipher } from '../platform/personal-data.js';
import { applicantIdentity } from './applicant.js';
import { calendarFor } from './calendar-for.js';
import { caseClock } from './case-clock.js';
import { todayOf } from './actions/case-action.js';
import type { ApplicationContent } from './intake.js';
import { requestsStore } from './requests.store.js';

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** 12 characters from a 32-letter alphabet without look-alikes (0/O, 1/I): 60 bits, not guessable. */
export function newTrackingCode(): string {
  return [...randomBytes(12)].map((b) => CODE_ALPHABET[b % 32]).join('');
}

const phoneTail = (phone: string) => phone.replace(/\D/g, '').slice(-4);

export function accessIndex(ctx: AppContext, trackingCode: string, last4: string): string {
  return personalDataCipher(ctx.config.dataKey).blindIndex(
    `${trackingCode.trim().toUpperCase()}:${last4.trim()}`,
  );
}

/** 〔2025〕第12号 */
export const registrationNumber = (year: number, n: number) => `〔${year}〕第${n}号`;

export interface NewCase {
  caseId: string;
  trackingCode: string;
  registrationNo: string;
  receivedOn: string;
  dueDate: string | null;
}

export async function createCase(
  ctx: AppContext,
  actor: Actor,
  agency: Agency,
  content: ApplicationContent,
  receipt: { channel: ReceiptChannel; day: string; event: ReceiptEvent },
  extra: {
    assigneeId?: string | null;
    parentId?: string | null;
    tx?: Tx;
    audit?: Record<string, unknown>;
    /** More writes in the same transaction (the application's files). */
    also?: (tx: Tx, caseId: string) => Promise<void>;
  } = {},
): Promise<NewCase> {
  const cipher = personalDataCipher(ctx.config.dataKey);
  const caseId = newId();
  const trackingCode = newTrackingCode();
  const year = yearOf(receipt.day);
  const at = ctx.now().toISOString();
  const events = [
    { type: 'registered', day: receipt.day, data: { channel: receipt.channel } as Record<string, unknown> },
    { type: receipt.event, day: receipt.day, data: {} },
  ];
  const clock = caseClock(await calendarFor(ctx, agency), events, todayOf(ctx), agency.deliveryMarginDays);
  const { info } = content;
  const run = async (tx: Tx) => {
    const regNo = await requestsStore.nextNumber(tx, agency.id, year, 'case');
    await requestsStore.insertCase(tx, {
      id: caseId,
      agency_id: agency.id,
      year,
      reg_no: regNo,
      tracking_code: trackingCode,
      access_index: accessIndex(ctx, trackingCode, phoneTail(content.applicant.phone)),
      channel: receipt.channel,
      received_on: receipt.day,
      applicant_kind: content.applicant.kind,
      applicant_label:
        content.applicant.kind === 'natural' ? maskName(content.applicant.name) : content.applicant.name,
      applicant_sealed: cipher.encrypt(JSON.stringify(content.applicant)),
      applicant_index: cipher.blindIndex(applicantIdentity(content.applicant)),
      agent_sealed: content.agent ? cipher.encrypt(JSON.stringify(content.agent)) : null,
      help_requested: content.helpRequested ? 1 : 0,
      info_title: info.title,
      info_doc_no: info.docNo,
      info_index_no: info.indexNo,
      info_description: info.description,
      purpose: content.purpose,
      form: content.form,
      delivery: content.delivery,
      state: 'registered',
      open: 1,
      outcome: null,
      outcome_on: null,
      due_date: clock.dueDate,
      paused: 0,
      clock_findings: JSON.stringify(clock.findings),
      assignee_id: extra.assigneeId ?? null,
      parent_id: extra.parentId ?? null,
      reply: null,
      fee: null,
      created_at: at,
      updated_at: at,
    });
    for (const e of events) {
      await requestsStore.insertEvent(tx, caseId, { at, ...e, actorLabel: actor.label });
    }
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: agency.id,
      entityType: 'request',
      entityId: caseId,
      action: 'request.registered',
      data: { channel: receipt.channel, receivedOn: receipt.day, regNo, ...extra.audit },
    });
    await extra.also?.(tx, caseId);
    return regNo;
  };
  const regNo = extra.tx ? await run(extra.tx) : await ctx.db.transaction().execute(run);
  return {
    caseId,
    trackingCode,
    registrationNo: registrationNumber(year, regNo),
    receivedOn: receipt.day,
    dueDate: clock.dueDate,
  };
}
