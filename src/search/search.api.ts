/** Public JSON API: full-text search over published items (in the OpenAPI document at /api/openapi.json). */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { validationFailed } from '../platform/errors.js';
import { disclosureKinds, validities } from './search-index.js';
import { limited } from '../web/concurrency.js';
import { publicItemHref, runSearch } from './run-search.js';
import { assertNoErrors, parseSearchParams } from './search-params.js';

const hitSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    docNo: { type: 'string', description: '文号（按发文原样）' },
    indexNo: { type: 'string', description: '索引号' },
    publishedOn: { type: 'string', description: '发布日期 YYYY-MM-DD' },
    validity: { type: 'string', nullable: true, enum: [...validities, null] },
    agency: {
      type: 'object',
      properties: { id: { type: 'string' }, name: { type: 'string' }, pathSegment: { type: 'string' } },
    },
    url: { type: 'string', description: '门户中的信息页面' },
    exact: { type: 'boolean', description: '检索词即该信息的文号或索引号' },
    snippet: {
      type: 'array',
      description: '摘要片段（规范化后的文本）；hit 为 true 的片段是命中的检索词',
      items: { type: 'object', properties: { text: { type: 'string' }, hit: { type: 'boolean' } } },
    },
  },
} as const;

export function registerSearchApi(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/api/v1/search',
    {
      schema: {
        summary: '全文检索已主动公开的政府信息',
        description:
          '检索标题、摘要、正文、文号、索引号和附件文字。全角/半角、繁简体、文号括号（〔〕[]()【】）和空格不影响结果；' +
          '空格分开的多个词须全部包含。检索词至少两个字。total 最多计到 1000（PostgreSQL 上需逐条核对的检索词只计到 100），totalIsExact 为 false 表示“超过”。',
        tags: ['search'],
        querystring: {
          type: 'object',
          properties: {
            q: { type: 'string', description: '检索词、文号或索引号' },
            agency: { type: 'string', description: '机关网站路径：仅检索该机关及所属机关' },
            sort: { type: 'string', enum: ['relevance', 'date'] },
            year: { type: 'string', description: '发布年份' },
            kind: { type: 'string', enum: [...disclosureKinds] },
            validity: { type: 'string', enum: [...validities] },
            page: { type: 'string' },
            pageSize: { type: 'string', description: '1–50，默认 10' },
          },
          required: ['q'],
        },
        response: {
          200: {
            type: 'object',
            properties: {
              q: { type: 'string' },
              terms: { type: 'array', items: { type: 'string' }, description: '规范化后的检索词' },
              total: { type: 'integer' },
              totalIsExact: { type: 'boolean' },
              page: { type: 'integer' },
              pageSize: { type: 'integer' },
              sort: { type: 'string' },
              hits: { type: 'array', items: hitSchema },
            },
          },
        },
      },
    },
    async (request) => {
      const { params, errors } = parseSearchParams(request.query);
      assertNoErrors(errors);
      if (!params.q) throw validationFailed({ q: '请输入检索词' }, '请输入检索词。');
      const out = await limited(request, 'search', () => runSearch(ctx, params, errors));
      assertNoErrors(out.errors);
      const r = out.result!;
      return {
        q: params.q,
        terms: r.terms,
        total: r.total,
        totalIsExact: r.totalIsExact,
        page: r.page,
        pageSize: r.pageSize,
        sort: r.sort,
        hits: r.hits.map((h) => {
          const a = out.agencies.get(h.agencyId);
          return {
            id: h.id,
            title: h.title,
            docNo: h.docNo,
            indexNo: h.indexNo,
            publishedOn: h.publishedOn,
            validity: h.validity,
            agency: { id: h.agencyId, name: a?.name ?? '', pathSegment: a?.pathSegment ?? '' },
            url: publicItemHref(out.agencies, h),
            exact: h.exact,
            snippet: h.snippet,
          };
        }),
      };
    },
  );
}
