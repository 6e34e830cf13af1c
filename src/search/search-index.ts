/**
 * The search engine's contract. Two adapters implement it (SQLite FTS5, PostgreSQL without extensions);
 * both keep their own tables, fed by the catalog through `upsert`/`remove` in the catalog's transaction.
 */
import type { Queryable } from '../platform/db/database.js';

/** 五公开: the five kinds of openness (决策、执行、管理、服务、结果公开). */
export const disclosureKinds = ['decision', 'execution', 'management', 'service', 'result'] as const;
export type DisclosureKind = (typeof disclosureKinds)[number];

export const validities = ['in_force', 'expired', 'repealed'] as const;
export type Validity = (typeof validities)[number];

/** Only published and draft items are indexed; a withdrawn item is removed, so it can never show. */
type IndexedStatus = 'published' | 'draft';

export interface SearchDoc {
  id: string;
  agencyId: string;
  columnId: string | null;
  subject: string | null;
  kind: DisclosureKind | null;
  validity: Validity | null;
  status: IndexedStatus | 'withdrawn';
  /** 发布日期, YYYY-MM-DD. */
  publishedOn: string;
  title: string;
  docNo: string;
  indexNo: string;
  summary: string;
  body: string;
  /** Text layers of attachments (PDF, DOCX, XLSX), already extracted. */
  attachments: string[];
}

export interface SearchFilters {
  /** The agency and all its subordinates (the agency tree below it). */
  agencyId?: string;
  /** An explicit list of agencies (already expanded by the caller, e.g. the user's scope). */
  agencyIds?: readonly string[];
  columnId?: string;
  subject?: string;
  kind?: DisclosureKind;
  year?: number;
  validity?: Validity;
  /** Admin search includes drafts; public search never does. */
  includeDrafts?: boolean;
}

export type SearchSort = 'relevance' | 'date';

export interface SearchQuery {
  text: string;
  filters?: SearchFilters;
  sort?: SearchSort;
  /** 1-based. */
  page?: number;
  pageSize?: number;
  /** Raw offset, for callers that page by offset/limit (the catalog port); overrides `page`. */
  offset?: number;
}

export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  id: string;
  agencyId: string;
  title: string;
  docNo: string;
  indexNo: string;
  publishedOn: string;
  status: IndexedStatus;
  validity: Validity | null;
  snippet: SnippetPart[];
  /** The query is this item's 文号 or index number. */
  exact: boolean;
}

export interface SearchResult {
  terms: string[];
  hits: SearchHit[];
  /** Number of matching items, counted up to `totalCap`; `totalIsExact` false means "more than". */
  total: number;
  totalIsExact: boolean;
  page: number;
  pageSize: number;
  sort: SearchSort;
}

export interface SearchIndex {
  upsert(db: Queryable, doc: SearchDoc): Promise<void>;
  remove(db: Queryable, id: string): Promise<void>;
  query(db: Queryable, query: SearchQuery): Promise<SearchResult>;
  /** Items whose 文号 or index number is exactly the query, after normalisation. */
  lookup(db: Queryable, text: string, includeDrafts?: boolean): Promise<SearchHit[]>;
  /** Rebuilds the index structures of every stored document; reports progress. */
  rebuild(db: Queryable, progress?: (done: number, total: number) => void): Promise<number>;
}
