/** The engine's hits: a stored document as the pages show it (with its highlighted snippet), and lookups. */
import type { Queryable } from '../platform/db/database.js';
import { lookupKey, queryTerms } from './normalise.js';
import { snippet } from './rank.js';
import type { SearchHit } from './search-index.js';
import { searchStore, type HitRow } from './search.store.js';

function toHit(r: HitRow, terms: string[], wholeKey: string): SearchHit {
  return {
    id: r.id,
    agencyId: r.agency_id,
    title: r.title,
    docNo: r.doc_no,
    indexNo: r.index_no,
    publishedOn: r.published_on,
    status: r.status as SearchHit['status'],
    validity: r.validity as SearchHit['validity'],
    snippet: snippet(r.norm, terms),
    exact: wholeKey !== '' && (r.doc_no_key === wholeKey || r.index_no_key === wholeKey),
  };
}

/** The hits of the given documents, in the order of `ids` (a document gone meanwhile is left out). */
export async function hitsInOrder(
  db: Queryable,
  ids: string[],
  terms: string[],
  wholeKey: string,
): Promise<SearchHit[]> {
  const full = ids.length ? await searchStore.hitRows(db, ids) : [];
  const byId = new Map(full.map((r) => [r.id, r]));
  const rows = ids.map((id) => byId.get(id)).filter((r): r is HitRow => !!r);
  return rows.map((r) => toHit(r, terms, wholeKey));
}

/** Items whose 文号 or index number is exactly the text, after normalisation. */
export async function lookupHits(db: Queryable, text: string, includeDrafts = false): Promise<SearchHit[]> {
  const key = lookupKey(text);
  const rows = key ? await searchStore.hitRowsByKey(db, key, includeDrafts) : [];
  return rows.map((r) => toHit(r, queryTerms(text), key));
}
