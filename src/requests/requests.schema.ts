/** Kysely types of the requests tables (migration 0300). */
import type { Generated } from 'kysely';

export interface RequestCaseTable {
  id: string;
  agency_id: string;
  /** Registration year; with reg_no it makes the registration number 〔year〕N号. */
  year: number;
  reg_no: number;
  tracking_code: string;
  /** Blind index of tracking code + the phone's last 4 digits: the public status page's second factor. */
  access_index: string;
  channel: string;
  /** Receipt day under Art. 31. */
  received_on: string;
  applicant_kind: string;
  /** Masked name, safe for lists. */
  applicant_label: string;
  /** Encrypted JSON of the applicant's details (personal-data.ts). */
  applicant_sealed: string;
  /** Blind index of the applicant's identity: fee counting and repeat detection without decrypting. */
  applicant_index: string;
  agent_sealed: string | null;
  help_requested: number;
  info_title: string;
  info_doc_no: string;
  info_index_no: string;
  info_description: string;
  purpose: string;
  form: string;
  delivery: string;
  state: string;
  /** 1 while the case is open (derived from state), for the queue index. */
  open: number;
  outcome: string | null;
  outcome_on: string | null;
  /**
   * Computed from the events by the statutory clock; null only while awaiting the applicant's correction (every
   * other pause has a computed end). Stored so "overdue" is indexed.
   */
  due_date: string | null;
  paused: number;
  /** JSON array of the clock's findings (ClockFinding[]): late steps, pauses run over, anomalies. */
  clock_findings: Generated<string>;
  assignee_id: string | null;
  parent_id: string | null;
  /** JSON of the reply (type, text, withheld parts …). */
  reply: string | null;
  /** JSON of the fee assessment. */
  fee: string | null;
  /** Last reminder e-mailed, `<due date>:<kind>` (migration 0302); null when none. */
  reminder_key: Generated<string | null>;
  created_at: string;
  updated_at: string;
}

interface RequestCaseEventTable {
  id: Generated<number>;
  case_id: string;
  at: string;
  /** The legal day the event takes effect on (the clock's input). */
  day: string;
  type: string;
  data: string;
  actor_label: string;
}

export interface RequestAttachmentTable {
  id: string;
  case_id: string;
  kind: string;
  filename: string;
  content_type: string;
  size: number;
  content: Buffer;
  created_at: string;
}

interface RequestCounterTable {
  agency_id: string;
  year: number;
  kind: string;
  last: number;
}

/** One submission of the public application form from a source (keyed hash of the address). */
interface RequestFormSourceTable {
  id: string;
  source_index: string;
  at: string;
}

/** An agency's wording of the editable parts of one notice kind (migration 0303). */
interface RequestNoticeTemplateTable {
  agency_id: string;
  kind: string;
  /** JSON {slot: text}; only slots that differ from the default. */
  texts: string;
  updated_at: string;
  updated_by: string;
}

export interface RequestTables {
  request_cases: RequestCaseTable;
  request_case_events: RequestCaseEventTable;
  request_attachments: RequestAttachmentTable;
  request_counters: RequestCounterTable;
  request_form_sources: RequestFormSourceTable;
  request_notice_templates: RequestNoticeTemplateTable;
}

// Joins these tables into the one Kysely schema (platform/db/schema.ts imports no capability).
declare module '../platform/db/schema.js' {
  interface Database extends RequestTables {}
}
