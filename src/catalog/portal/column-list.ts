/**
 * A column page's list at any size: newest first, read by keyset (a cursor of published_at and id) from the
 * (column, status, published_at, id) index, one short range per column merged here — never OFFSET over a
 * million rows, never a sort of the whole column. The columns may belong to several agencies: a county's
 * column lists its townships' items too (条例 Art. 24 portal under the county; portal-standards §3).
 *
 * Pages are kept in memory (keyed by the columns, the cursor and the direction) until the catalog changes on
 * this node or CACHE_MS passes, so a popular column is not read again for every visitor.
 */
import type { Queryable } from '../../platform/db/database.js';
import { catalogStore } from '../catalog.store.js';
import type { Item } from '../items/item.js';
import { epochCache, publicContentEpoch } from '../../web/public-cache.js';

interface Cursor {
  at: string;
  id: string;
}

export const cursorText = (c: Cursor) => `${c.at}~${c.id}`;

/** A cursor from a query string; anything malformed is ignored (the first page is shown). */
export function parseCursor(v: unknown): Cursor | undefined {
  if (typeof v !== 'string' || v.length > 120) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)~([\w-]{1,60})$/.exec(v);
  return m ? { at: m[1]!, id: m[2]! } : undefined;
}

interface ListPage {
  items: Item[];
  /** Cursor of the last item, when older items follow. */
  older?: Cursor;
  /** Cursor of the first item, when newer items precede. */
  newer?: Cursor;
}

/** A minute, or until the content epoch moves; the 5,000 most recently used pages. */
const cache = epochCache<ListPage>({ ttl: 60_000, max: 5000 });

type Key = { at: string; id: string };
const newerFirst = (a: Key, b: Key) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1);

/**
 * One page of published items across `columnIds`: the `size` items older than `after` (or the newest), or the
 * `size` items newer than `before`. `skip` whole pages may be skipped from the start (small page numbers
 * typed into the address bar; the pager itself always links by cursor).
 */
export async function publishedPage(
  db: Queryable,
  columnIds: readonly string[],
  size: number,
  from: { after?: Cursor; before?: Cursor; skip?: number } = {},
): Promise<ListPage> {
  const key = `${[...columnIds].sort().join(',')}|${size}|${from.after ? cursorText(from.after) : ''}|${from.before ? cursorText(from.before) : ''}|${from.skip ?? 0}`;
  const version = publicContentEpoch();
  const hit = cache.get(key);
  if (hit) return hit.value;

  const backwards = !!from.before && !from.after;
  const want = size * (1 + (from.skip ?? 0)) + 1;
  const ranges = await Promise.all(
    columnIds.map((columnId) =>
      catalogStore.publishedKeys(db, columnId, backwards ? from.before! : from.after, backwards, want),
    ),
  );
  const merged = ranges
    .flat()
    .map((r) => ({ at: r.published_at ?? '', id: r.id }))
    .sort(newerFirst);
  let keys: Key[];
  let older: Cursor | undefined;
  let newer: Cursor | undefined;
  if (backwards) {
    const nearest = merged.slice(-size - 1);
    const more = nearest.length > size;
    keys = more ? nearest.slice(1) : nearest;
    newer = more ? keys[0] : undefined;
    older = keys.at(-1);
  } else {
    const start = size * (from.skip ?? 0);
    keys = merged.slice(start, start + size);
    older = merged.length > start + size ? keys.at(-1) : undefined;
    newer = from.after || start > 0 ? keys[0] : undefined;
  }
  const items = await catalogStore.itemsByIds(
    db,
    keys.map((k) => k.id),
  );
  const page: ListPage = { items, older, newer };
  cache.set(key, page, version);
  return page;
}
