/** The search index's own tables (migration 0500), joined into `Database` below. */
export interface SearchDocTable {
  id: string;
  /** Publication day number × 2^24 + counter: newest first is descending seq (and the FTS5 rowid). */
  seq: number;
  agency_id: string;
  column_id: string | null;
  subject: string | null;
  kind: string | null;
  validity: string | null;
  status: string;
  published_on: string;
  year: number;
  title: string;
  doc_no: string;
  index_no: string;
  title_key: string;
  doc_no_key: string;
  index_no_key: string;
  norm: string;
}

interface SearchTables {
  search_docs: SearchDocTable;
  search_counter: { id: number; n: number };
}

// Joins these tables into the one Kysely schema (platform/db/schema.ts imports no capability).
declare module '../platform/db/schema.js' {
  interface Database extends SearchTables {}
}
