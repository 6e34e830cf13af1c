/**
 * One search as the pages and the API run it: parameters → scope → engine → hits with links. Bad
 * parameters come back as field errors in Chinese (pages show them; the API throws them).
 */
import { agenciesStore } from '../access/agencies.store.js';
import type { Agency } from '../access/agency.js';
import type { AppContext } from '../platform/context.js';
import { DomainError, type FieldErrors } from '../platform/errors.js';
import { indexFor } from './catalog-search.js';
import type { SearchHit, SearchResult } from './search-index.js';
import { filtersOf, type SearchParams } from './search-params.js';

interface SearchScope {
  /** Admin: the agencies the user may edit for; drafts included. */
  agencyIds?: readonly string[];
  includeDrafts?: boolean;
}

interface SearchOutcome {
  result?: SearchResult;
  errors: FieldErrors;
  agency?: Agency;
  agencies: Map<string, Agency>;
}

export async function runSearch(
  ctx: AppContext,
  params: SearchParams,
  errors: FieldErrors,
  scope: SearchScope = {},
): Promise<SearchOutcome> {
  const all = await agenciesStore.all(ctx.db);
  const agencies = new Map(all.map((a) => [a.id, a]));
  const agency = params.agency ? all.find((a) => a.pathSegment === params.agency) : undefined;
  const out: SearchOutcome = { errors: { ...errors }, agencies, ...(agency ? { agency } : {}) };
  if (params.agency && !agency) out.errors.agency = '未找到该机关';
  if (!params.q || Object.keys(out.errors).length) return out;
  try {
    out.result = await indexFor(ctx.db).query(ctx.db, {
      text: params.q,
      sort: params.sort,
      page: params.page,
      pageSize: params.pageSize,
      filters: {
        ...filtersOf(params),
        ...(agency ? { agencyId: agency.id } : {}),
        ...(scope.agencyIds ? { agencyIds: scope.agencyIds } : {}),
        includeDrafts: !!scope.includeDrafts,
      },
    });
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== 'validation.failed') throw e;
    Object.assign(out.errors, Object.keys(e.fields).length ? e.fields : { q: e.message });
  }
  return out;
}

/** The public page of an item (the catalog's route). */
export function publicItemHref(agencies: Map<string, Agency>, hit: SearchHit): string {
  const a = agencies.get(hit.agencyId);
  return a ? `/${a.pathSegment}/xxgk/items/${encodeURIComponent(hit.id)}` : '/';
}

export function adminItemHref(hit: SearchHit): string {
  return `/admin/catalog/items/${encodeURIComponent(hit.id)}`;
}
