/**
 * Deadline reminders of 依申请公开 cases (pure): which reminder a case needs today — "due within 5 working days"
 * (the admin's due-soon queue) or "overdue" (条例 Art. 33: 20 working days, extended at most 20) — and its text.
 * A reminder is keyed by the due date, so a new due date brings a new reminder and an old one is never repeated.
 */
import { formatDateZh } from '../../calendar/dates.js';

export type ReminderKind = 'due_soon' | 'overdue';

const REMINDER_LABEL: Record<ReminderKind, string> = {
  due_soon: '即将到期',
  overdue: '已逾期',
};

/** `today` and `soon` (today + 5 working days) as in the admin queues. */
export function reminderDue(
  c: { due_date: string | null; open: number; paused: number; reminder_key: string | null },
  today: string,
  soon: string,
): { kind: ReminderKind; key: string } | undefined {
  if (!c.open || c.paused || !c.due_date || c.due_date > soon) return undefined;
  const kind: ReminderKind = c.due_date < today ? 'overdue' : 'due_soon';
  const key = `${c.due_date}:${kind}`;
  return c.reminder_key === key ? undefined : { kind, key };
}

export interface ReminderMail {
  subject: string;
  text: string;
}

/** The e-mail: no personal data (the applicant is not named), only the registration number, the information and the link. */
export function reminderMail(
  kind: ReminderKind,
  c: { registrationNo: string; agencyName: string; title: string; dueDate: string; link: string },
): ReminderMail {
  const when =
    kind === 'overdue'
      ? `答复期限 ${formatDateZh(c.dueDate, false)} 已过，请尽快答复，并依法说明逾期原因。`
      : `答复期限为 ${formatDateZh(c.dueDate, false)}，距今不超过 5 个工作日。`;
  return {
    subject: `【依申请公开${REMINDER_LABEL[kind]}】${c.agencyName} ${c.registrationNo}`,
    text: [
      `${c.agencyName}政府信息公开申请 ${c.registrationNo}`,
      `所需信息：${c.title}`,
      when,
      `办理页面：${c.link}`,
      '',
      '（本邮件由政务公开平台自动发送，请勿回复。）',
    ].join('\n'),
  };
}
