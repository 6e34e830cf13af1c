/** Public JSON API of the catalog: published items of an agency, one item, and search (in the OpenAPI document). */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { limited } from '../../web/concurrency.js';
import { agencyBySegment } from '../../web/portal-kit.js';
import { catalogStore } from '../catalog.store.js';
import type { Item } from '../items/item.js';
import { columnTotal } from './portal-data.js';
import { catalogSearch } from '../search-port.js';
import { catalogStatistics, publishedPerYear } from '../statistics/statistics.js';
import { normativeDocumentCounts } from '../registry/registry.js';

const str = (description?: string) => ({ type: 'string', ...(description ? { description } : {}) });
const nstr = (description?: string) => ({
  type: 'string',
  nullable: true,
  ...(description ? { description } : {}),
});

const itemSchema = {
  type: 'object',
  properties: {
    id: str(),
    indexNo: str('索引号'),
    title: str('名称'),
    summary: str('内容概述'),
    issuer: str('发布机构'),
    writtenOn: nstr('成文日期 YYYY-MM-DD'),
    publishedOn: str('发布日期 YYYY-MM-DD（系统记录）'),
    docNo: str('文号'),
    column: str('公开目录栏目代码'),
    subjectCode: nstr('主题分类代码'),
    genre: str('体裁分类'),
    validity: { type: 'string', enum: ['in_force', 'expired', 'repealed'], description: '有效性' },
    repealedOn: nstr('废止或失效日期'),
    normative: { type: 'boolean', description: '是否规范性文件' },
    interpretsId: nstr('所解读文件的 id'),
    url: str('门户页面地址'),
  },
} as const;

const listSchema = {
  type: 'object',
  properties: {
    total: { type: 'integer', description: '条数；超过 10000 条时为 10000，totalIsExact 为 false' },
    totalIsExact: { type: 'boolean' },
    page: { type: 'integer' },
    items: { type: 'array', items: itemSchema },
  },
} as const;

const segmentParam = {
  type: 'object',
  properties: { segment: { type: 'string' } },
  required: ['segment'],
} as const;

/** An item as the API shows it: its column by code, its portal page by absolute address. */
const present = (ctx: AppContext, segment: string, codes: Map<string, string>) => (i: Item) => ({
  id: i.id,
  indexNo: i.indexNo ?? '',
  title: i.title,
  summary: i.summary,
  issuer: i.issuer,
  writtenOn: i.writtenOn,
  publishedOn: i.publishedOn ?? '',
  docNo: i.docNo,
  column: codes.get(i.columnId) ?? '',
  subjectCode: i.subjectCode,
  genre: i.genre,
  validity: i.validity,
  repealedOn: i.repealedOn,
  normative: i.normative,
  interpretsId: i.interpretsId,
  url: `${ctx.config.publicBaseUrl.replace(/\/$/, '')}/${segment}/xxgk/items/${i.id}`,
});

/** The codes of an agency's columns by column id. */
const codesOf = async (ctx: AppContext, agencyId: string) =>
  new Map((await catalogStore.columns(ctx.db, agencyId)).map((c) => [c.id, c.code]));

/** The catalog's JSON API; the order here is the order of its paths in the OpenAPI document. */
export function registerCatalogApi(app: FastifyInstance, ctx: AppContext): void {
  registerItemsApi(app, ctx);
  registerStatisticsApi(app, ctx);
  registerSearchApi(app, ctx);
}

/** Published items of an agency, a page at a time (by column when asked), and one item. */
function registerItemsApi(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { segment: string }; Querystring: { column?: string; page?: number } }>(
    '/api/v1/agencies/:segment/items',
    {
      schema: {
        summary: '机关主动公开的信息（按发布时间倒序，每页 20 条）',
        tags: ['catalog'],
        params: segmentParam,
        querystring: {
          type: 'object',
          properties: {
            column: str('栏目代码'),
            page: { type: 'integer', minimum: 1, maximum: 100000, default: 1 },
          },
        },
        response: { 200: listSchema },
      },
    },
    async (request) => {
      const agency = await agencyBySegment(ctx, request.params.segment);
      const codes = await codesOf(ctx, agency.id);
      const page = request.query.page ?? 1;
      let columnIds: string[] | undefined;
      if (request.query.column) {
        const col = [...codes].find(([, code]) => code === request.query.column);
        if (!col) throw notFound('该栏目');
        const all = await catalogStore.columns(ctx.db, agency.id);
        columnIds = [col[0], ...all.filter((c) => c.parentId === col[0]).map((c) => c.id)];
      }
      const [items, total] = await Promise.all([
        catalogStore.published(ctx.db, {
          agencyId: agency.id,
          columnIds,
          limit: 20,
          offset: (page - 1) * 20,
        }),
        columnTotal(ctx.db, columnIds ?? [...codes.keys()]),
      ]);
      return {
        total: total.count,
        totalIsExact: total.exact,
        page,
        items: items.map(present(ctx, agency.pathSegment, codes)),
      };
    },
  );

  app.get<{ Params: { segment: string; id: string } }>(
    '/api/v1/agencies/:segment/items/:id',
    {
      schema: {
        summary: '一条公开信息的元数据',
        tags: ['catalog'],
        params: { type: 'object', properties: { segment: str(), id: str() }, required: ['segment', 'id'] },
        response: { 200: itemSchema },
      },
    },
    async (request) => {
      const agency = await agencyBySegment(ctx, request.params.segment);
      const item = await catalogStore.itemById(ctx.db, request.params.id);
      if (!item || item.agencyId !== agency.id || item.status !== 'published') throw notFound('该信息');
      return present(ctx, agency.pathSegment, await codesOf(ctx, agency.id))(item);
    },
  );
}

/** A year's publication statistics with the registry's counts, and items per year. */
function registerStatisticsApi(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { segment: string }; Querystring: { year: number } }>(
    '/api/v1/agencies/:segment/statistics',
    {
      schema: {
        summary:
          '年度主动公开统计（按栏目、主题分类、五公开；条例第二十六条超期件数；规范性文件制发/废止/现行有效）',
        tags: ['catalog'],
        params: segmentParam,
        querystring: {
          type: 'object',
          properties: { year: { type: 'integer', minimum: 2008, maximum: 2100 } },
          required: ['year'],
        },
      },
    },
    async (request) => {
      const agency = await agencyBySegment(ctx, request.params.segment);
      const [stats, registry] = await Promise.all([
        catalogStatistics(ctx.db, agency.id, request.query.year),
        normativeDocumentCounts(ctx.db, [agency.id], request.query.year),
      ]);
      return { ...stats, normativeDocuments: registry[0] };
    },
  );

  app.get<{ Params: { segment: string } }>(
    '/api/v1/agencies/:segment/statistics/years',
    {
      schema: {
        summary: '历年主动公开条数（不含已撤回）',
        tags: ['catalog'],
        params: segmentParam,
      },
    },
    async (request) => {
      const agency = await agencyBySegment(ctx, request.params.segment);
      return { agencyId: agency.id, years: await publishedPerYear(ctx.db, agency.id) };
    },
  );
}

/** Search over an agency's published items through the catalog's search port. */
function registerSearchApi(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { segment: string }; Querystring: { q: string; page?: number } }>(
    '/api/v1/agencies/:segment/search',
    {
      schema: {
        summary: '按标题、文号或索引号检索',
        tags: ['catalog'],
        params: segmentParam,
        querystring: {
          type: 'object',
          properties: {
            q: { type: 'string', minLength: 1, maxLength: 100 },
            page: { type: 'integer', minimum: 1, default: 1 },
          },
          required: ['q'],
        },
        response: { 200: listSchema },
      },
    },
    async (request) => {
      const agency = await agencyBySegment(ctx, request.params.segment);
      const page = request.query.page ?? 1;
      const r = await limited(request, 'search', () =>
        catalogSearch.port.search(ctx.db, {
          agencyIds: [agency.id],
          text: request.query.q,
          limit: 20,
          offset: (page - 1) * 20,
        }),
      );
      const items = await catalogStore.itemsByIds(
        ctx.db,
        r.hits.map((h) => h.itemId),
      );
      return {
        total: r.total,
        page,
        items: items.map(present(ctx, agency.pathSegment, await codesOf(ctx, agency.id))),
      };
    },
  );
}
