/** 考核 grades and 责任追究 records: closed lists in the law's words. Pure. */
export const grades = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof grades)[number];
export const gradeLabel: Record<Grade, string> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};

export const problemSources = ['assessment', 'rating', 'inspection', 'complaint'] as const;
export type ProblemSource = (typeof problemSources)[number];
export const problemSourceLabel: Record<ProblemSource, string> = {
  assessment: '考核',
  rating: '社会评议',
  inspection: '检查',
  complaint: '投诉举报',
};

/** open → reported (整改情况书面报告 submitted) → accepted; a report found wanting goes back to open. */
export const caseStatuses = ['open', 'reported', 'accepted'] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export const caseStatusLabel: Record<CaseStatus, string> = {
  open: '待整改',
  reported: '已报送整改报告',
  accepted: '整改验收通过',
};
