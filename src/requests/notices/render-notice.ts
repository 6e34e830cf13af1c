/**
 * Query: a case's notice as DOCX, for staff (scoped by loadCase). Decrypts the applicant's name for the
 * addressee line and records that view in the audit events.
 */
import type { Actor } from '../../agencies/permissions.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { personalDataCipher } from '../../platform/personal-data.js';
import { loadCase, todayOf } from '../case-action.js';
import { caseClock } from '../case-clock.js';
import { calendarFor } from '../calendar-for.js';
import type { DraftReply } from '../draft-reply.js';
import { noticeText } from './notice-content.js';
import { noticeDocx } from './notice-docx.js';
import { NOTICE_KINDS, noticeKindsFor, type NoticeKind } from './notice-kinds.js';

export async function renderNotice(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  kind: string,
): Promise<{ filename: string; docx: Buffer }> {
  const c = await loadCase(ctx, actor, caseId);
  if (!(kind in NOTICE_KINDS) || !noticeKindsFor(c.events, c.row.state).includes(kind as NoticeKind))
    throw notFound('该文书');
  const applicant = JSON.parse(personalDataCipher(ctx.config.dataKey).decrypt(c.row.applicant_sealed)) as {
    name: string;
  };
  const clock = caseClock(await calendarFor(ctx, c.agency), c.events, todayOf(ctx));
  const text = noticeText(
    kind as NoticeKind,
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
    },
    todayOf(ctx),
  );
  await appendEvent(ctx.db, {
    actor,
    agencyId: c.agency.id,
    entityType: 'request',
    entityId: c.row.id,
    action: 'request.notice_rendered',
    data: { kind, docNo: text.docNo },
  });
  return { filename: `${text.docNo}${NOTICE_KINDS[kind as NoticeKind]}.docx`, docx: await noticeDocx(text) };
}
