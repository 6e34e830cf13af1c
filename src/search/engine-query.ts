/**
 * The engine's query: terms checked, matches counted up to the cap where that is cheap, the page's ids chosen
 * (by date, or by relevance over the bounded candidate set followed by the other matches in date order), then
 * the page's full rows read and made hits.
 */
import type { RawBuilder } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import { validationFailed } from '../platform/errors.js';
import { hitsInOrder } from './engine-hits.js';
import type { GramStore, MatchPlan } from './gram-store.js';
import { indexable } from './grams.js';
import { lookupKey, queryTerms } from './normalise.js';
import { rank } from './rank.js';
import type { SearchQuery, SearchResult } from './search-index.js';
import { keyColumns, searchStore, type KeyRow } from './search.store.js';

export const maxPageSize = 50;

export interface QuerySettings {
  candidateLimit: number;
  totalCap: number;
  /** Count every query's matches up to the cap even where the adapter finds counting dear (benchmarks). */
  alwaysCount: boolean;
}

/** One query's matching: the adapter, its terms and the filters' condition. */
interface Matching {
  db: Queryable;
  grams: GramStore;
  terms: string[];
  filters: RawBuilder<unknown>;
}

/** Which matches the page shows, and whether the total was counted beforehand. */
interface Paging {
  offset: number;
  pageSize: number;
  countable: boolean;
}

/** n: matches counted (up to the cap); exact: whether n is every match. */
interface Total {
  n: number;
  exact: boolean;
}

function termsOf(text: string | undefined): string[] {
  const terms = queryTerms(text ?? '');
  if (terms.length === 0) throw validationFailed({ q: '请输入检索词' }, '请输入检索词。');
  if (!terms.some(indexable))
    throw validationFailed(
      { q: '检索词至少两个字，例如“公开”而不是“公”' },
      '检索词至少需要两个字（单个字会匹配几乎所有信息）。',
    );
  return terms;
}

// Candidates carry only the short keys ranking needs; full rows are read for the page alone.
async function newest(
  m: Matching,
  plan: MatchPlan,
  limit: number,
  skip: number,
  exclude: string[] = [],
  titleOnly = false,
): Promise<KeyRow[]> {
  return m.grams.newest
    ? m.grams.newest(m.db, {
        terms: m.terms,
        titleOnly,
        filters: m.filters,
        columns: keyColumns,
        limit,
        skip,
        exclude,
      })
    : searchStore.newestMatches(m.db, plan, m.filters, limit, skip, exclude);
}

async function datePage(m: Matching, all: MatchPlan, total: Total, p: Paging): Promise<string[]> {
  const { offset, pageSize } = p;
  const pageIds = (await newest(m, all, pageSize, offset)).map((r) => r.id);
  if (!p.countable) {
    // A full page may have more behind it: "more than" what was seen; a short page ends the matches.
    total.n = offset + pageIds.length;
    total.exact = pageIds.length < pageSize;
  }
  return pageIds;
}

async function relevancePage(
  m: Matching,
  all: MatchPlan,
  total: Total,
  p: Paging,
  wholeKey: string,
  candidateLimit: number,
): Promise<string[]> {
  const { offset, pageSize } = p;
  const recent = await newest(m, all, candidateLimit, 0);
  if (!p.countable) {
    total.n = recent.length;
    total.exact = recent.length < candidateLimit;
  }
  const inTitle = await newest(m, m.grams.plan(m.terms, true), candidateLimit, 0, [], true);
  // The whole query is a 文号 or index number: those items contain every term, whatever the index says.
  const exact =
    wholeKey && m.terms.every((t) => wholeKey.includes(t))
      ? await searchStore.exactKeyMatches(m.db, wholeKey, m.filters)
      : [];
  const byId = new Map<string, KeyRow>();
  for (const r of [...exact, ...inTitle, ...recent]) byId.set(r.id, r);
  const ranked = rank([...byId.values()], m.terms, wholeKey).map((r) => r.id);
  const pageIds = ranked.slice(offset, offset + pageSize);
  if (pageIds.length < pageSize && (!total.exact || total.n > ranked.length)) {
    const rest = await newest(m, all, pageSize - pageIds.length, Math.max(0, offset - ranked.length), ranked);
    pageIds.push(...rest.map((r) => r.id));
  }
  return pageIds;
}

export async function runQuery(
  grams: GramStore,
  settings: QuerySettings,
  db: Queryable,
  q: SearchQuery,
): Promise<SearchResult> {
  const terms = termsOf(q.text);
  const page = Math.max(1, Math.floor(q.page ?? 1));
  const pageSize = Math.min(maxPageSize, Math.max(1, Math.floor(q.pageSize ?? 10)));
  const sort = q.sort ?? 'relevance';
  const m: Matching = { db, grams, terms, filters: await searchStore.filterCondition(db, q.filters ?? {}) };
  const wholeKey = lookupKey(q.text);
  const all = grams.plan(terms, false);

  const offset = q.offset !== undefined ? Math.max(0, Math.floor(q.offset)) : (page - 1) * pageSize;
  const total: Total = { n: 0, exact: true };
  const countable = settings.alwaysCount || (grams.cheapCount?.(terms) ?? true);
  if (countable) {
    const counted = await searchStore.countMatches(db, all, m.filters, settings.totalCap);
    total.n = Math.min(counted, settings.totalCap);
    total.exact = counted <= settings.totalCap;
  }

  const paging: Paging = { offset, pageSize, countable };
  const pageIds =
    sort === 'date'
      ? await datePage(m, all, total, paging)
      : await relevancePage(m, all, total, paging, wholeKey, settings.candidateLimit);
  return {
    terms,
    hits: await hitsInOrder(db, pageIds, terms, wholeKey),
    total: total.n,
    totalIsExact: total.exact,
    page,
    pageSize,
    sort,
  };
}
