/** The six kinds of applicant table 三 counts (every column but 总计; statutory.md §2.4). */
export const APPLICANT_KINDS = [
  'natural',
  'commercial',
  'research',
  'publicInterest',
  'legalService',
  'other',
] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];
