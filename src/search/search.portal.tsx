/**
 * Search surfaces: the portal-wide public search (`/search`, optionally one agency and its subordinates
 * with `agency=`), the admin search over the user's agencies including drafts, and the JSON API. The
 * catalog's per-agency page (`/:agency/search`) runs through the same engine via the search port.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { agenciesInScope, requireUser, sendAdminPage } from '../web/admin-kit.js';
import { limited } from '../web/concurrency.js';
import { sendPage } from '../web/render.js';
import { PlainShell } from '../web/views/layout.js';
import { useFullTextSearch } from './catalog-search.js';
import { adminItemHref, publicItemHref, runSearch } from './run-search.js';
import { parseSearchParams } from './search-params.js';
import { SearchErrors, SearchForm, SearchResults } from './views/search-page.js';

type Query = { Querystring: Record<string, string | undefined> };

function years(now: Date): number[] {
  const last = now.getUTCFullYear();
  // The Regulation took effect in 2008; nothing disclosed under it is older.
  return Array.from({ length: last - 2007 }, (_, i) => last - i);
}

export function registerSearchPortal(app: FastifyInstance, ctx: AppContext): void {
  // Composition: from here on the catalog's use cases feed the full-text index.
  useFullTextSearch();
  app.get<Query>('/search', async (request, reply) => {
    const { params, errors } = parseSearchParams(request.query);
    const out = await limited(request, 'search', () => runSearch(ctx, params, errors));
    const bad = Object.keys(out.errors).length > 0;
    const where = out.agency ? `${out.agency.name}及所属机关` : '全平台';
    return sendPage(
      reply,
      <PlainShell
        title={params.q ? `检索：${params.q} - 政府信息公开平台` : '检索政府信息 - 政府信息公开平台'}
        elderMode={request.elderMode}
        path={request.url}
      >
        <h1>检索政府信息</h1>
        <p>范围：{where}主动公开的政府信息（标题、正文、文号、索引号和附件）。</p>
        <SearchErrors errors={out.errors} />
        <SearchForm action="/search" params={params} errors={out.errors} years={years(ctx.now())} />
        {out.result && (
          <SearchResults
            base="/search"
            params={params}
            result={out.result}
            hits={out.result.hits.map((hit) => ({
              hit,
              href: publicItemHref(out.agencies, hit),
              agencyName: out.agencies.get(hit.agencyId)?.name ?? '',
            }))}
          />
        )}
      </PlainShell>,
      bad ? 422 : 200,
    );
  });
}

export function registerSearchAdmin(app: FastifyInstance, ctx: AppContext): void {
  useFullTextSearch();
  app.get<Query>('/admin/search', async (request, reply) => {
    const user = requireUser(request);
    const scope = await agenciesInScope(ctx, user, 'catalog.edit');
    const { params, errors } = parseSearchParams(request.query);
    const out = await limited(request, 'search', () =>
      runSearch(ctx, params, errors, { agencyIds: scope.map((a) => a.id), includeDrafts: true }),
    );
    return sendAdminPage(
      reply,
      request,
      '全文检索',
      <>
        <h1>全文检索</h1>
        <p>
          范围：您可编辑的 {scope.length}{' '}
          个机关的全部信息，包括草稿和待审核的信息（已撤回的信息不在检索范围内）。
        </p>
        <SearchErrors errors={out.errors} />
        <SearchForm action="/admin/search" params={params} errors={out.errors} years={years(ctx.now())} />
        {out.result && (
          <SearchResults
            base="/admin/search"
            params={params}
            result={out.result}
            showStatus
            hits={out.result.hits.map((hit) => ({
              hit,
              href: adminItemHref(hit),
              agencyName: out.agencies.get(hit.agencyId)?.name ?? '',
            }))}
          />
        )}
      </>,
      Object.keys(out.errors).length ? 422 : 200,
    );
  });
}
