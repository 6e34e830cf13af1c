/**
 * The report's workflow with the supervising office (Art. 49: departments submit to their 主管部门 and
 * publish): draft → submitted → returned (with comments) | accepted → published. A published report is
 * reopened only to re-issue a corrected version; the published versions stay.
 */
import { DomainError } from '../platform/errors.js';

export const reportStatuses = ['draft', 'submitted', 'returned', 'accepted', 'published'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const statusLabel: Record<ReportStatus | 'not_started', string> = {
  not_started: '未开始',
  draft: '草稿',
  submitted: '已报送',
  returned: '已退回修改',
  accepted: '已审核通过',
  published: '已公开',
};

export type ReportStep = 'edit' | 'submit' | 'return' | 'accept' | 'publish' | 'reopen';

/** Which states each step may start from; `edit` keeps the state (a returned report stays returned). */
const from: Record<ReportStep, readonly ReportStatus[]> = {
  edit: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  return: ['submitted'],
  accept: ['submitted'],
  publish: ['accepted'],
  reopen: ['published'],
};

const to: Record<Exclude<ReportStep, 'edit'>, ReportStatus> = {
  submit: 'submitted',
  return: 'returned',
  accept: 'accepted',
  publish: 'published',
  reopen: 'draft',
};

const refused: Record<ReportStep, string> = {
  edit: '只有草稿或退回修改的年报可以编辑。',
  submit: '只有草稿或退回修改的年报可以报送。',
  return: '只有已报送的年报可以退回。',
  accept: '只有已报送的年报可以审核通过。',
  publish: '只有主管部门审核通过的年报可以公开。',
  reopen: '只有已公开的年报可以更正重发。',
};

export function canStep(status: ReportStatus, step: ReportStep): boolean {
  return from[step].includes(status);
}

/** The state after `step`, or a refusal in Chinese. */
export function nextStatus(status: ReportStatus, step: ReportStep): ReportStatus {
  if (!canStep(status, step))
    throw new DomainError(
      'report.transition_refused',
      `${refused[step]}（当前状态：${statusLabel[status]}）`,
    );
  return step === 'edit' ? status : to[step];
}
