/**
 * Scheduled: e-mails a reminder for each open case as it becomes due within 5 working days and again when it
 * is overdue — to the assigned handler, or to the disclosure office's address when no handler is assigned or
 * the handler has no e-mail. The case's `reminder_key` records what was sent, so each reminder goes once; a
 * case whose mail fails is tried again next round.
 */
import { agenciesStore } from '../../access/agencies.store.js';
import { dayNumber, isoDateOf } from '../../calendar/dates.js';
import type { AppContext } from '../../platform/context.js';
import { todayOf } from '../actions/case-action.js';
import { calendarFor } from '../calendar-for.js';
import { registrationNumber } from '../registration.js';
import { requestsStore } from '../requests.store.js';
import { reminderDue, reminderMail } from './reminders.js';
import { smtpSender, type SendMail } from './reminders-mail.js';

export async function sendRequestReminders(
  ctx: AppContext,
  send: SendMail | undefined = smtpSender(ctx.config),
): Promise<number> {
  if (!send) return 0;
  const today = todayOf(ctx);
  const soon = isoDateOf((await calendarFor(ctx, { calendarRegion: null })).addN(dayNumber(today), 5));
  const candidates = await requestsStore.reminderCandidates(ctx.db, soon);
  if (candidates.length === 0) return 0;
  const agencies = new Map((await agenciesStore.all(ctx.db)).map((a) => [a.id, a]));
  let sent = 0;
  for (const c of candidates) {
    const due = reminderDue(c, today, soon);
    const agency = agencies.get(c.agency_id);
    const to = c.assignee_email || agency?.office.email;
    if (!due || !agency || !to) continue;
    const mail = reminderMail(due.kind, {
      registrationNo: registrationNumber(c.year, c.reg_no),
      agencyName: agency.shortName || agency.name,
      title: c.info_title,
      dueDate: c.due_date!,
      link: new URL(`/admin/requests/${c.id}`, ctx.config.publicBaseUrl).toString(),
    });
    try {
      await send(to, mail);
    } catch (e) {
      console.error(`request reminder for ${c.id} not sent`, e);
      continue;
    }
    await requestsStore.setReminderKey(ctx.db, c.id, due.key);
    sent++;
  }
  return sent;
}
