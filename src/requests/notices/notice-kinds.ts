/**
 * Which notices a case has, given what has happened to it. A notice is named by an id: the kind, and for the
 * notices of one consultation (several can run at once) the kind and the consultation's reference,
 * e.g. `consultation-1a2b3c4d`.
 */
import type { CaseEvent } from '../case-clock.js';

export const NOTICE_KINDS = {
  receipt: '受理回执',
  clarification: '补正告知书',
  extension: '延期答复告知书',
  delay: '延迟答复告知书',
  fee: '收费通知书',
  consultation: '征求意见书',
  objection: '第三方告知书',
  reply: '答复书',
} as const;
export type NoticeKind = keyof typeof NOTICE_KINDS;

/** The ids of the notices a case has now, in workflow order. */
export function noticeKindsFor(events: readonly CaseEvent[], state: string): string[] {
  const has = (t: string) => events.some((e) => e.type === t);
  const out: string[] = ['receipt'];
  if (has('clarification_requested')) out.push('clarification');
  // Consultation letters (Art. 32, 34, 33 ¶3): one per consultation, from the moment it starts.
  for (const e of events)
    if (e.type === 'consultation_started') out.push(`consultation-${String(e.data.ref)}`);
  if (has('extended')) out.push('extension');
  if (has('reply_delayed')) out.push('delay');
  if (has('fee_notice_sent')) out.push('fee');
  // Art. 32: a third party that objected is told in writing when the agency discloses anyway; once the
  // reply deciding so has passed review.
  if (['reviewed', 'replied', 'archived'].includes(state))
    for (const ref of overruledObjections(events)) out.push(`objection-${ref}`);
  if (['reviewed', 'replied', 'closed', 'archived'].includes(state)) out.push('reply');
  return out;
}

/** The kind and consultation reference of a notice id, or null for an unknown id. */
export function parseNoticeId(id: string): { kind: NoticeKind; ref?: string } | null {
  const m = /^([a-z]+)(?:-([0-9a-f]{8}))?$/.exec(id);
  if (!m || !(m[1]! in NOTICE_KINDS)) return null;
  const kind = m[1] as NoticeKind;
  const perConsultation = kind === 'consultation' || kind === 'objection';
  if (perConsultation !== Boolean(m[2])) return null;
  return m[2] ? { kind, ref: m[2] } : { kind };
}

/**
 * Third-party consultations whose party objected while the latest reply draft discloses the information
 * with a public-interest reason (Art. 32: 不予公开 unless non-disclosure seriously affects the public interest).
 */
function overruledObjections(events: readonly CaseEvent[]): string[] {
  const draft = [...events].reverse().find((e) => e.type === 'reply_drafted');
  const reason = draft?.data.publicInterest;
  if (typeof reason !== 'string' || !reason) return [];
  return events
    .filter(
      (e) => e.type === 'consultation_ended' && e.data.party === 'third_party' && e.data.objects === true,
    )
    .map((e) => String(e.data.ref));
}
