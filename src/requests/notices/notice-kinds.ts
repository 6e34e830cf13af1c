/** Which notices a case has, given what has happened to it. */
import type { CaseEvent } from '../case-clock.js';

export const NOTICE_KINDS = {
  receipt: '受理回执',
  clarification: '补正告知书',
  extension: '延期答复告知书',
  delay: '延迟答复告知书',
  fee: '收费通知书',
  reply: '答复书',
} as const;
export type NoticeKind = keyof typeof NOTICE_KINDS;

export function noticeKindsFor(events: readonly CaseEvent[], state: string): NoticeKind[] {
  const has = (t: string) => events.some((e) => e.type === t);
  const out: NoticeKind[] = ['receipt'];
  if (has('clarification_requested')) out.push('clarification');
  if (has('extended')) out.push('extension');
  if (has('reply_delayed')) out.push('delay');
  if (has('fee_notice_sent')) out.push('fee');
  if (['reviewed', 'replied', 'closed', 'archived'].includes(state)) out.push('reply');
  return out;
}
