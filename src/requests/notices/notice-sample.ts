/**
 * A made-up case for previewing a notice template: each kind gets the events its notice reads, so the preview
 * shows the statutory sentences around the agency's wording exactly as a real notice would.
 */
import type { CaseEvent } from '../case-clock.js';
import type { Outcome } from '../../statute/outcomes.js';
import type { NoticeCase } from './notice-content.js';
import type { NoticeKind } from './notice-kinds.js';

export const SAMPLE_REF = 'a1b2c3d4';

export function sampleCase(kind: NoticeKind, outcome: Outcome, reviewBody: string | null): NoticeCase {
  const events: CaseEvent[] = [];
  const add = (type: string, day: string, data: Record<string, unknown>) => events.push({ type, day, data });
  if (kind === 'clarification')
    add('clarification_requested', '2025-03-05', {
      items: '请说明所需信息的文件名称或时间范围',
      deadline: '2025-03-19',
    });
  if (kind === 'extension') add('extended', '2025-03-25', { reason: '需要调取的档案较多', days: 20 });
  if (kind === 'delay')
    add('reply_delayed', '2025-03-10', { replyBy: '2025-06-30', reason: '申请的信息数量较大' });
  if (kind === 'fee')
    add('fee_notice_sent', '2025-03-10', { explanation: '按件计收，超过30件的部分每件10元，共计100元' });
  if (kind === 'consultation' || kind === 'objection')
    add('consultation_started', '2025-03-05', {
      party: 'third_party',
      ref: SAMPLE_REF,
      consulted: '某建设公司',
    });
  if (kind === 'objection') {
    add('consultation_ended', '2025-03-18', {
      party: 'third_party',
      ref: SAMPLE_REF,
      objects: true,
      opinion: '合同单价属于商业秘密',
    });
    add('reply_drafted', '2025-03-25', { publicInterest: '该工程使用财政资金，公开有利于公众监督' });
  }
  return {
    year: 2025,
    regNo: 7,
    applicantName: '张三（示例）',
    infoTitle: '仲兴乡垃圾中转站建设合同',
    receivedOn: '2025-03-03',
    dueDate: '2025-03-31',
    reply: { outcome, text: '', fields: {} },
    events,
    reviewBody,
  };
}
