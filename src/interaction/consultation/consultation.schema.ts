/** Kysely types of 征集调查 (migration 0605), joined into `Database` below. */
export interface ConsultationTable {
  id: string;
  agency_id: string;
  title: string;
  draft_text: string;
  opens_on: string;
  closes_on: string;
  feedback_summary: string | null;
  feedback_published_at: string | null;
  created_at: string;
}

interface ConsultationAttachmentTable {
  id: string;
  consultation_id: string;
  filename: string;
  content_type: string;
  size: number;
  data: string;
}

export interface ConsultationOpinionTable {
  id: string;
  consultation_id: string;
  body: string;
  name_enc: string | null;
  contact_enc: string | null;
  submitted_at: string;
  decision: string | null;
  reason: string | null;
}

interface ConsultationTables {
  consultations: ConsultationTable;
  consultation_attachments: ConsultationAttachmentTable;
  consultation_opinions: ConsultationOpinionTable;
}

// Joins these tables into the one Kysely schema (platform/db/schema.ts imports no capability).
declare module '../../platform/db/schema.js' {
  interface Database extends ConsultationTables {}
}
