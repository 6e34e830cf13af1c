/**
 * Query: a case's notice for staff (scoped by loadCase), as DOCX or printable HTML. Decrypts the applicant's
 * name for the addressee line; a notice to the applicant (受理回执, 告知书, 答复书) is a view of personal data and
 * recorded as such, a letter to a consulted or objecting party (which never names the applicant) as rendered.
 */
import { agenciesStore } from '../../access/agencies.store.js';
import { reviewBodyOf } from '../../access/review-body.js';
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { personalDataCipher } from '../../platform/personal-data.js';
import { recordPersonalDataView } from '../../platform/personal-data-views.js';
import { loadCase, todayOf } from '../actions/case-action.js';
import { caseClock, type CaseEvent } from '../case-clock.js';
import { calendarFor } from '../calendar-for.js';
import type { DraftReply } from '../actions/draft-reply.js';
import { PARTIES, type Party } from '../actions/start-consultation.js';
import { noticeText, type NoticeText } from './notice-content.js';
import { noticeDocx } from './notice-docx.js';
import { NOTICE_KINDS, noticeKindsFor, parseNoticeId, type NoticeKind } from './notice-kinds.js';
import { noticeTemplatesStore } from './notice-templates.store.js';

/** The link text of a notice id on the case page, e.g. “征求意见书（第三方：某建设公司）”. */
export function noticeLabel(id: string, events: readonly CaseEvent[]): string {
  const parsed = parseNoticeId(id);
  if (!parsed) return id;
  const started = events.find((e) => e.type === 'consultation_started' && e.data.ref === parsed.ref);
  if (!started) return NOTICE_KINDS[parsed.kind];
  return `${NOTICE_KINDS[parsed.kind]}（${PARTIES[started.data.party as Party]}：${String(started.data.consulted)}）`;
}

/** Letters to a consulted or objecting party: addressed to them, without the applicant's name (Art. 32). */
const TO_THIRD_PARTY: ReadonlySet<NoticeKind> = new Set<NoticeKind>(['consultation', 'objection']);

export async function loadNotice(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  id: string,
  format: 'docx' | 'html',
): Promise<{ filename: string; text: NoticeText; caseId: string }> {
  const c = await loadCase(ctx, actor, caseId);
  const parsed = parseNoticeId(id);
  if (!parsed || !noticeKindsFor(c.events, c.row.state).includes(id)) throw notFound('该文书');
  const applicant = JSON.parse(personalDataCipher(ctx.config.dataKey).decrypt(c.row.applicant_sealed)) as {
    name: string;
  };
  const clock = caseClock(
    await calendarFor(ctx, c.agency),
    c.events,
    todayOf(ctx),
    c.agency.deliveryMarginDays,
  );
  // The agency's wording of the editable parts; the DOCX and the printable HTML both come from this text.
  const texts = await noticeTemplatesStore.texts(ctx.db, c.agency.id, parsed.kind);
  const text = noticeText(
    parsed.kind,
    c.agency,
    {
      year: c.row.year,
      regNo: c.row.reg_no,
      applicantName: applicant.name,
      infoTitle: c.row.info_title || c.row.info_description.slice(0, 60),
      receivedOn: c.row.received_on,
      dueDate: clock.dueDate,
      reply: c.row.reply ? (JSON.parse(c.row.reply) as DraftReply) : null,
      events: c.events,
      reviewBody: reviewBodyOf(await agenciesStore.all(ctx.db), c.agency).name,
    },
    todayOf(ctx),
    parsed.ref,
    texts,
  );
  const rendered = { notice: parsed.kind, ref: parsed.ref, docNo: text.docNo, format };
  // One event per view: the applicant's name in clear makes it a personal-data view.
  if (TO_THIRD_PARTY.has(parsed.kind))
    await appendEvent(ctx.db, {
      at: ctx.now(),
      actor,
      agencyId: c.agency.id,
      entityType: 'request',
      entityId: c.row.id,
      action: 'request.notice_rendered',
      data: rendered,
    });
  else
    await recordPersonalDataView(ctx, actor, {
      agencyId: c.agency.id,
      subject: { type: 'request', id: c.row.id },
      fields: ['name'],
      detail: rendered,
    });
  return { filename: `${text.docNo}${NOTICE_KINDS[parsed.kind]}.${format}`, text, caseId: c.row.id };
}

export async function renderNotice(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  id: string,
): Promise<{ filename: string; docx: Buffer }> {
  const n = await loadNotice(ctx, actor, caseId, id, 'docx');
  return { filename: n.filename, docx: await noticeDocx(n.text) };
}
