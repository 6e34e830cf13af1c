/** Tables of the audit capability (joined into `Database` below). */

/** One saved audit of a report an agency published elsewhere (migration 0800). Insert-only. */
export interface StoredAuditTable {
  id: string;
  agency_id: string;
  /** The reporting year it was saved for. */
  year: number;
  file_name: string;
  /** SHA-256 (hex) of the bytes audited: the uploaded file, or the pasted text as UTF-8. */
  digest: string;
  errors: number;
  warnings: number;
  infos: number;
  /** What the auditor read from the document itself. */
  detected_year: number | null;
  detected_agency: string | null;
  /** JSON array of AuditFinding. */
  findings: string;
  /** JSON array of strings: what could not be checked. */
  not_checked: string;
  audited_by: string | null;
  audited_by_label: string;
  audited_at: string;
}

interface AuditTables {
  stored_audits: StoredAuditTable;
}

// Joins these tables into the one Kysely schema (platform/db/schema.ts imports no capability).
declare module '../platform/db/schema.js' {
  interface Database extends AuditTables {}
}
