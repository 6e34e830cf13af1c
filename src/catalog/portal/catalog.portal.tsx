/**
 * The public side of the catalog under each agency's site: column pages with paging, the item page,
 * the normative-document registry, attachments, Atom feeds and the simple search page.
 */
import { legalToday } from '../../calendar/legal-day.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Agency } from '../../access/agency.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { limited } from '../../web/concurrency.js';
import { agencyBySegment, sendPortalPage } from '../../web/portal-kit.js';
import { NOTICE_ENDED } from '../items/notice-periods.job.js';
import { catalogStore, type Column } from '../catalog.store.js';
import { atomFeed } from './feed.js';
import { validityLabel, type Item } from '../items/item.js';
import { agencyTree, columnTotal, columnsWithContent, subjectName, subordinateSites } from './portal-data.js';
import { registryOf } from '../registry/registry.js';
import { registryStore } from '../registry/registry.store.js';
import { catalogSearch } from '../search-port.js';
import { standardEntries } from '../standard/standard-catalog.js';
import { StandardCatalogTable } from '../standard/standard-table.js';
import { CursorPager, ItemList, ItemPage, columnHref, itemHref } from '../items/views/item-views.js';
import { cursorText, parseCursor, publishedPage } from './column-list.js';

const PAGE_SIZE = 20;
/** Pages a bare `?page=N` may skip; further pages are reached through the pager's cursors. */
const MAX_SKIP_PAGES = 50;

const pageOf = (q: unknown) => {
  const n = Number((q as { page?: string }).page ?? 1);
  return Number.isInteger(n) && n >= 1 && n <= 100000 ? n : 1;
};

const agencyFeed = (a: Agency) => [{ href: `/${a.pathSegment}/feed.atom`, title: `${a.name}公开信息` }];

export function registerCatalogPortal(app: FastifyInstance, ctx: AppContext): void {
  registerColumnPages(app, ctx);
  registerItemPages(app, ctx);
  registerStandardCatalogPages(app, ctx);
  registerPortalSearch(app, ctx);
  registerSitemapAndFeeds(app, ctx);
}

/** A column page with paging. */
function registerColumnPages(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { agency: string; code: string } }>(
    '/:agency/xxgk/columns/:code',
    async (request, reply) => {
      const agency = await agencyBySegment(ctx, request.params.agency);
      const { columns, filled } = await columnsWithContent(ctx.db, agency);
      const column = columns.find((c) => c.code === request.params.code);
      if (!column) throw notFound('该栏目');
      const children = columns.filter((c) => c.parentId === column.id);
      const query = request.query as { after?: string; before?: string };
      const after = parseCursor(query.after);
      const before = after ? undefined : parseCursor(query.before);
      // Without a cursor a typed page number skips whole pages, within reason; the pager links by cursor.
      const page = pageOf(request.query);
      const skip = after || before ? 0 : Math.min(page - 1, MAX_SKIP_PAGES);
      const shownPage = after || before ? page : skip + 1;
      const ids = [column.id, ...children.map((c) => c.id)];
      // A county's column also lists its townships' items in the column of the same code.
      const all = await agencyTree(ctx.db);
      const subordinates = subordinateSites(all, agency);
      const codes = new Set([column.code, ...children.map((c) => c.code)]);
      for (const s of subordinates)
        for (const c of (await columnsWithContent(ctx.db, s)).columns) if (codes.has(c.code)) ids.push(c.id);
      const [list, total] = await Promise.all([
        publishedPage(ctx.db, ids, PAGE_SIZE, { after, before, skip }),
        columnTotal(ctx.db, ids),
      ]);
      const items = list.items;
      const base = columnHref(agency, column.code);
      const parent = columns.find((c) => c.id === column.parentId);
      return sendPortalPage(
        ctx,
        request,
        reply,
        agency,
        column.name,
        <>
          <nav class="breadcrumbs" aria-label="当前位置">
            <ol>
              <li>
                <a href={`/${agency.pathSegment}/xxgk/`}>政府信息公开</a>
              </li>
              {parent && (
                <li>
                  <a href={columnHref(agency, parent.code)}>{parent.name}</a>
                </li>
              )}
            </ol>
          </nav>
          <h1>{column.name}</h1>
          {children.length > 0 && (
            <ul class="cards">
              {children
                .filter((c) => filled.has(c.id))
                .map((c) => (
                  <li>
                    <a href={columnHref(agency, c.code)}>
                      {c.articleItem ? `${articleLabel(c)} ` : ''}
                      {c.name}
                    </a>
                  </li>
                ))}
            </ul>
          )}
          <h2>信息列表（{total.exact ? `共 ${total.count} 条` : `超过 ${total.count} 条`}）</h2>
          <ItemList agency={agency} items={items} agencies={new Map(subordinates.map((a) => [a.id, a]))} />
          <CursorPager
            base={base}
            page={shownPage}
            pages={total.exact ? Math.ceil(total.count / PAGE_SIZE) : undefined}
            older={list.older && cursorText(list.older)}
            newer={list.newer && cursorText(list.newer)}
          />
          <p>
            <a href={`${base}/feed.atom`}>订阅本栏目（Atom）</a>
          </p>
        </>,
        200,
        [...agencyFeed(agency), { href: `${base}/feed.atom`, title: `${column.name}` }],
      );
    },
  );
}

/** A repost (转载): the original's page inside this site, its source named and linked. */
const sendRepost = async (
  ctx: AppContext,
  agency: Agency,
  repost: Item,
  request: FastifyRequest,
  reply: FastifyReply,
) => {
  const original = await catalogStore.itemById(ctx.db, repost.repostOf!);
  const source = original && (await agencyTree(ctx.db)).find((a) => a.id === original.agencyId);
  if (!original || !source || original.status !== 'published') throw notFound('该信息的原文');
  const [column, subject, attachments, revisions] = await Promise.all([
    catalogStore.columnById(ctx.db, original.columnId),
    subjectName(ctx.db, original.subjectCode),
    catalogStore.attachments(ctx.db, original.id),
    catalogStore.revisions(ctx.db, original.id),
  ]);
  return sendPortalPage(
    ctx,
    request,
    reply,
    agency,
    original.title,
    <>
      <p class="notice repost-source">
        本文转载自{source.name}（{repost.publishedOn} 转载）。
        <a href={itemHref(source, original)}>查看原文</a>
      </p>
      <ItemPage
        agency={source}
        item={original}
        column={column}
        subject={subject}
        attachments={attachments}
        document={undefined}
        interpretations={[]}
        revisions={revisions}
      />
    </>,
    200,
    agencyFeed(agency),
  );
};

/** The item page (or a repost's original) and its attachments. */
function registerItemPages(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { agency: string; id: string } }>('/:agency/xxgk/items/:id', async (request, reply) => {
    const agency = await agencyBySegment(ctx, request.params.agency);
    const item = await catalogStore.itemById(ctx.db, request.params.id);
    if (!item || item.agencyId !== agency.id || (item.status !== 'published' && item.status !== 'withdrawn'))
      throw notFound('该信息');
    if (item.status === 'withdrawn') {
      // A notice period that ran out is not an error: the title and history stay public (notice-periods.ts).
      const ended = item.withdrawReason === NOTICE_ENDED;
      const history = ended ? await catalogStore.revisions(ctx.db, item.id) : [];
      return sendPortalPage(
        ctx,
        request,
        reply,
        agency,
        ended ? NOTICE_ENDED : '信息已撤回',
        <>
          <h1>{ended ? `${item.title}（${NOTICE_ENDED}）` : '该信息已撤回'}</h1>
          <p>
            索引号 {item.indexNo} 的信息已于 {item.updatedAt.slice(0, 10)}{' '}
            {ended ? `因${NOTICE_ENDED}撤下` : '撤回'}。
          </p>
          {history.length > 0 && (
            <>
              <h2>修订记录</h2>
              <ul>
                {history.map((r) => (
                  <li>
                    第 {r.revision} 版，{r.at.slice(0, 10)}：{r.note}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>,
        410,
      );
    }
    if (item.repostOf) return sendRepost(ctx, agency, item, request, reply);
    const [column, subject, attachments, document, interpretations, revisions, registration] =
      await Promise.all([
        columnsWithContent(ctx.db, agency).then((c) => c.columns.find((x) => x.id === item.columnId)),
        subjectName(ctx.db, item.subjectCode),
        catalogStore.attachments(ctx.db, item.id),
        item.interpretsId ? catalogStore.itemById(ctx.db, item.interpretsId) : Promise.resolve(undefined),
        item.normative ? catalogStore.interpretationsOf(ctx.db, item.id) : Promise.resolve([]),
        catalogStore.revisions(ctx.db, item.id),
        item.normative ? registryStore.registrationOf(ctx.db, item.id) : Promise.resolve(undefined),
      ]);
    return sendPortalPage(
      ctx,
      request,
      reply,
      agency,
      item.title,
      <ItemPage
        agency={agency}
        item={item}
        column={column}
        subject={subject}
        attachments={attachments}
        document={document?.status === 'published' ? document : undefined}
        interpretations={interpretations.filter((x) => x.status === 'published')}
        revisions={revisions}
        registrationNo={registration?.registration_no}
      />,
      200,
      agencyFeed(agency),
    );
  });

  app.get<{ Params: { agency: string; id: string } }>(
    '/:agency/xxgk/attachments/:id',
    async (request, reply) => {
      const agency = await agencyBySegment(ctx, request.params.agency);
      const a = await catalogStore.attachmentContent(ctx.db, request.params.id);
      const item = a && !a.removed ? await catalogStore.itemById(ctx.db, a.item_id) : undefined;
      if (!a || !item || item.agencyId !== agency.id || item.status !== 'published') throw notFound('该附件');
      // Served as a download with a sniff-proof type: an uploaded file never runs as a page of our site.
      return reply
        .type(a.content_type)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.file_name)}`)
        .send(Buffer.from(a.content));
    },
  );
}

/** The standard catalog and the normative-document registry. */
function registerStandardCatalogPages(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { agency: string } }>('/:agency/xxgk/standard', async (request, reply) => {
    const agency = await agencyBySegment(ctx, request.params.agency);
    const entries = await standardEntries(ctx.db, agency.id);
    if (!entries.length) throw notFound('本机关的标准目录');
    return sendPortalPage(
      ctx,
      request,
      reply,
      agency,
      '基层政务公开标准目录',
      <>
        <h1>基层政务公开标准目录</h1>
        <div class="table-scroll" tabIndex={0} role="region" aria-label="标准目录表格（可横向滚动）">
          <StandardCatalogTable entries={entries} />
        </div>
      </>,
    );
  });

  app.get<{ Params: { agency: string } }>('/:agency/xxgk/normative', async (request, reply) => {
    const agency = await agencyBySegment(ctx, request.params.agency);
    const today = legalToday(ctx);
    const [published, prior] = await Promise.all([
      registryOf(ctx.db, agency.id),
      registryStore.priorDocumentsOf(ctx.db, [agency.id]),
    ]);
    // One register: documents published here (with their pages) and those entered from before, newest first.
    const rows = [
      ...published.map((r) => ({
        title: r.title,
        href: itemHref(agency, r),
        docNo: r.doc_no,
        publishedOn: r.published_on ?? '',
        validity: `${validityLabel[r.validity as keyof typeof validityLabel]}${r.repealed_on ? `（${r.repealed_on}）` : ''}`,
        prior: false,
      })),
      ...prior.map((r) => ({
        title: r.title,
        href: r.source_url || undefined,
        docNo: r.doc_no,
        publishedOn: r.published_on,
        validity: r.repealed_on
          ? `${validityLabel.repealed}（${r.repealed_on}）`
          : r.expires_on < today
            ? validityLabel.expired
            : validityLabel.in_force,
        prior: true,
      })),
    ].sort((a, b) => (a.publishedOn === b.publishedOn ? 0 : a.publishedOn < b.publishedOn ? 1 : -1));
    return sendPortalPage(
      ctx,
      request,
      reply,
      agency,
      '规范性文件',
      <>
        <h1>规范性文件</h1>
        {rows.length === 0 ? (
          <p>暂无规范性文件。</p>
        ) : (
          <table>
            <caption>本机关制发的规范性文件及其有效性</caption>
            <thead>
              <tr>
                <th scope="col">文件名称</th>
                <th scope="col">文号</th>
                <th scope="col">发布日期</th>
                <th scope="col">有效性</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    {r.href ? <a href={r.href}>{r.title}</a> : r.title}
                    {r.prior && '（本平台启用前发布）'}
                  </td>
                  <td>{r.docNo}</td>
                  <td>{r.publishedOn}</td>
                  <td>{r.validity}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>,
    );
  });
}

/** The simple search page. */
function registerPortalSearch(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { agency: string }; Querystring: { q?: string; page?: string } }>(
    '/:agency/search',
    async (request, reply) => {
      const agency = await agencyBySegment(ctx, request.params.agency);
      const q = (request.query.q ?? '').trim().slice(0, 100);
      const page = pageOf(request.query);
      const result = q
        ? await limited(request, 'search', () =>
            catalogSearch.port.search(ctx.db, {
              agencyIds: [agency.id],
              text: q,
              limit: PAGE_SIZE,
              offset: (page - 1) * PAGE_SIZE,
            }),
          )
        : { total: 0, hits: [] };
      const items = await catalogStore.itemsByIds(
        ctx.db,
        result.hits.map((h) => h.itemId),
      );
      const pages = Math.ceil(result.total / PAGE_SIZE);
      return sendPortalPage(
        ctx,
        request,
        reply,
        agency,
        q ? `搜索：${q}` : '站内搜索',
        <>
          <h1>站内搜索</h1>
          <form method="get" action={`/${agency.pathSegment}/search`} role="search" aria-label="检索政府信息">
            <div class="field">
              <label for="f-q">关键词、文号或索引号</label>
              <input id="f-q" name="q" type="search" value={q} />
            </div>
            <button type="submit">搜索</button>
          </form>
          {q && (
            <>
              <h2>找到 {result.total} 条结果</h2>
              <ItemList agency={agency} items={items} />
              {pages > 1 && (
                <nav class="pager" aria-label="分页">
                  {page > 1 && <a href={`?q=${encodeURIComponent(q)}&page=${page - 1}`}>上一页</a>}{' '}
                  <span>
                    第 {page} 页，共 {pages} 页
                  </span>{' '}
                  {page < pages && <a href={`?q=${encodeURIComponent(q)}&page=${page + 1}`}>下一页</a>}
                </nav>
              )}
            </>
          )}
        </>,
      );
    },
  );
}

const sendFeed = async (
  ctx: AppContext,
  agency: Agency,
  column: Column | undefined,
  selfPath: string,
  reply: import('fastify').FastifyReply,
) => {
  const { columns } = await columnsWithContent(ctx.db, agency);
  const ids = column
    ? [column.id, ...columns.filter((c) => c.parentId === column.id).map((c) => c.id)]
    : undefined;
  const items = await catalogStore.published(ctx.db, {
    agencyId: agency.id,
    columnIds: ids,
    limit: 30,
  });
  return reply.type('application/atom+xml; charset=utf-8').send(
    atomFeed({
      baseUrl: ctx.config.publicBaseUrl,
      selfPath,
      title: column ? `${agency.name} - ${column.name}` : `${agency.name}公开信息`,
      agency,
      items,
    }),
  );
};

/** sitemap.xml and the Atom feeds of the agency and of a column. */
function registerSitemapAndFeeds(app: FastifyInstance, ctx: AppContext): void {
  // sitemap.xml (sitemaps.org): the agency's pages and its newest 50,000 items (the protocol's limit per file).
  app.get<{ Params: { agency: string } }>('/:agency/sitemap.xml', async (request, reply) => {
    const agency = await agencyBySegment(ctx, request.params.agency);
    const base = `${ctx.config.publicBaseUrl.replace(/\/$/, '')}/${agency.pathSegment}`;
    const { columns, filled } = await columnsWithContent(ctx.db, agency);
    const items = await catalogStore.publishedItemDates(ctx.db, agency.id, 50000 - columns.length - 3);
    const url = (loc: string, lastmod?: string) =>
      `<url><loc>${loc}</loc>${lastmod ? `<lastmod>${lastmod.slice(0, 10)}</lastmod>` : ''}</url>`;
    const body = [
      url(`${base}/`),
      url(`${base}/xxgk/`),
      url(`${base}/xxgk/guide`),
      ...columns.filter((c) => filled.has(c.id)).map((c) => url(`${base}/xxgk/columns/${c.code}`)),
      ...items.map((i) => url(`${base}/xxgk/items/${i.id}`, i.updated_at)),
    ].join('');
    return reply
      .type('application/xml; charset=utf-8')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${body}</urlset>`,
      );
  });

  app.get<{ Params: { agency: string } }>('/:agency/feed.atom', async (request, reply) => {
    const agency = await agencyBySegment(ctx, request.params.agency);
    return sendFeed(ctx, agency, undefined, `/${agency.pathSegment}/feed.atom`, reply);
  });

  app.get<{ Params: { agency: string; code: string } }>(
    '/:agency/xxgk/columns/:code/feed.atom',
    async (request, reply) => {
      const agency = await agencyBySegment(ctx, request.params.agency);
      const column = await catalogStore.columnByCode(ctx.db, agency.id, request.params.code);
      if (!column) throw new DomainError('not_found', '未找到该栏目。');
      return sendFeed(ctx, agency, column, `${columnHref(agency, column.code)}/feed.atom`, reply);
    },
  );
}

/** 第二十条第（一）项 style label of a statutory column. */
function articleLabel(c: Column): string {
  const [art, item] = (c.articleItem ?? '').split('.');
  const zh = [
    '',
    '一',
    '二',
    '三',
    '四',
    '五',
    '六',
    '七',
    '八',
    '九',
    '十',
    '十一',
    '十二',
    '十三',
    '十四',
    '十五',
  ];
  return item ? `第${art === '20' ? '二十' : art}条（${zh[Number(item)]}）` : '第二十一条';
}
