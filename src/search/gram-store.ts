/**
 * What a search adapter supplies to the engine: only how bigrams are stored and matched (FTS5 phrases on
 * SQLite, GIN arrays + substring check on PostgreSQL). Everything else is the engine's (engine.ts).
 */
import type { RawBuilder } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import type { Candidate } from './rank.js';

export interface MatchPlan {
  /** FROM clause naming the documents `d`. */
  from: RawBuilder<unknown>;
  /** Condition that holds exactly for documents containing every term. */
  where: RawBuilder<unknown>;
  /** Newest first, in the order the index yields cheaply. */
  newestFirst: RawBuilder<unknown>;
}

export interface NewestRequest {
  terms: string[];
  titleOnly: boolean;
  filters: RawBuilder<unknown>;
  /** Selected columns (`d.` prefixed). */
  columns: RawBuilder<unknown>;
  limit: number;
  skip: number;
  exclude: string[];
}

export interface GramStore {
  write(db: Queryable, seq: number, norm: string, titleKey: string): Promise<void>;
  erase(db: Queryable, seq: number): Promise<void>;
  /** Matching plan for terms; all terms have ≥ 1 character and at least one is indexable. */
  plan(terms: string[], titleOnly: boolean): MatchPlan;
  /**
   * An adapter's own "newest matches first" when the plain ORDER BY … LIMIT of `plan` is not cheap on its
   * database (PostgreSQL: a bounded newest-first walk, then the GIN index with lazy verification).
   */
  newest?(db: Queryable, r: NewestRequest): Promise<Array<Candidate & { id: string }>>;
  /**
   * Whether counting the matches of `plan` up to the cap is cheap. When not, the total is taken from the
   * candidate fetch: exact below `candidateLimit` matches, otherwise "more than" it.
   */
  cheapCount?(terms: string[]): boolean;
}
