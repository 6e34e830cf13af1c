/** Admin screen of reposts (转载): a subordinate's reviewer picks a superior's published item and a column. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Agency } from '../../access/agency.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { agenciesInScope, requireUser, sendAdminPage } from '../../web/admin-kit.js';
import { CsrfField, ErrorSummary } from '../../web/views/forms.js';
import { catalogStore } from '../catalog.store.js';
import { agencyTree } from '../portal/portal-data.js';
import { isSuperior, repostItem } from './repost-item.js';
import { ensureCatalog } from '../setup-catalog.js';
import { itemHref } from '../items/views/item-views.js';

export function registerCatalogRepostAdmin(app: FastifyInstance, ctx: AppContext): void {
  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    agencyId: string | undefined,
    state: { message?: string; done?: boolean } = {},
  ) => {
    const user = requireUser(request);
    const mine = await agenciesInScope(ctx, user, 'catalog.publish');
    const agency = mine.find((a) => a.id === agencyId) ?? mine[0];
    const all = await agencyTree(ctx.db);
    const superiors: Agency[] = agency ? all.filter((a) => isSuperior(all, a.id, agency.id)) : [];
    if (agency) await ensureCatalog(ctx.db, agency);
    const [columns, lists] = await Promise.all([
      agency ? catalogStore.columns(ctx.db, agency.id) : Promise.resolve([]),
      Promise.all(superiors.map((s) => catalogStore.published(ctx.db, { agencyId: s.id, limit: 20 }))),
    ]);
    const csrf = <CsrfField token={request.csrfToken} />;
    return sendAdminPage(
      reply,
      request,
      '转载上级信息',
      <>
        <h1>转载上级信息{agency && `：${agency.name}`}</h1>
        {state.done && (
          <p class="notice" role="status">
            已转载。转载的信息显示来源并链接原文，不另编索引号。
          </p>
        )}
        <ErrorSummary errors={{}} message={state.message} />
        {mine.length > 1 && (
          <nav aria-label="选择机关">
            {mine.map((a) => (
              <>
                <a href={`/admin/catalog/repost?agency=${a.id}`}>{a.shortName}</a>{' '}
              </>
            ))}
          </nav>
        )}
        {superiors.length === 0 && <p>本机关没有上级机关，或您无权发布信息。</p>}
        {superiors.map((s, n) => (
          <>
            <h2>{s.name}最新公开的信息</h2>
            <table>
              <caption>选择栏目后转载</caption>
              <thead>
                <tr>
                  <th scope="col">标题</th>
                  <th scope="col">发布日期</th>
                  <th scope="col">转载到栏目</th>
                </tr>
              </thead>
              <tbody>
                {lists[n]!.filter((i) => !i.repostOf).map((i) => (
                  <tr>
                    <td>
                      <a href={itemHref(s, i)}>{i.title}</a>
                    </td>
                    <td>{i.publishedOn}</td>
                    <td>
                      <form method="post" action="/admin/catalog/repost">
                        {csrf}
                        <input type="hidden" name="originalId" value={i.id} />
                        <input type="hidden" name="agency" value={agency!.id} />
                        <label for={`c-${i.id}`} class="visually-hidden">
                          转载《{i.title}》到栏目
                        </label>
                        <select id={`c-${i.id}`} name="columnId">
                          {columns
                            .filter((c) => c.kind !== 'guide' && c.kind !== 'report')
                            .map((c) => (
                              <option value={c.id}>{c.name}</option>
                            ))}
                        </select>{' '}
                        <button type="submit">转载</button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ))}
      </>,
      state.message ? 400 : 200,
    );
  };

  app.get<{ Querystring: { agency?: string; done?: string } }>('/admin/catalog/repost', (request, reply) =>
    page(request, reply, request.query.agency, { done: request.query.done === '1' }),
  );

  app.post('/admin/catalog/repost', async (request, reply) => {
    const user = requireUser(request);
    const b = (request.body ?? {}) as Record<string, unknown>;
    const s = (k: string) => (typeof b[k] === 'string' ? b[k] : '');
    try {
      await repostItem(ctx, user.actor, {
        originalId: s('originalId'),
        agencyId: s('agency'),
        columnId: s('columnId'),
      });
      return reply.redirect(`/admin/catalog/repost?agency=${encodeURIComponent(s('agency'))}&done=1`, 303);
    } catch (e) {
      if (e instanceof DomainError && e.code !== 'auth.required')
        return page(request, reply, s('agency'), {
          message: [e.message, ...Object.values(e.fields)].join(' '),
        });
      throw e;
    }
  });
}
