/** Public JSON API: the agency directory (what each agency's guide publishes under Art. 12). */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { agenciesStore } from '../access/agencies.store.js';
import type { Agency } from '../access/agency.js';
import { reviewBodyOf } from '../access/review-body.js';

const agencySchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    parentId: { type: 'string', nullable: true },
    name: { type: 'string' },
    shortName: { type: 'string' },
    creditCode: { type: 'string', description: '统一社会信用代码' },
    divisionCode: { type: 'string', description: '行政区划代码' },
    level: { type: 'string' },
    pathSegment: { type: 'string' },
    reconsiderationBody: {
      type: 'string',
      nullable: true,
      description: '行政复议机关（答复书中载明的；无法确定时为 null）',
    },
    reconsiderationBodyDerived: {
      type: 'string',
      nullable: true,
      description:
        '依《中华人民共和国行政复议法》第二十四条由机关层级推导的复议机关（上级人民政府不在本平台时为 null）',
    },
    reconsiderationBodyBasis: { type: 'string', description: '推导所依据的条款' },
    reconsiderationBodyReason: { type: 'string', description: '另行指定复议机关的理由（未另行指定时为空）' },
    deliveryMarginDays: { type: 'integer', description: '邮寄送达在途天数（工作日）' },
    office: {
      type: 'object',
      description: '政府信息公开工作机构',
      properties: Object.fromEntries(
        ['name', 'address', 'postcode', 'hours', 'phone', 'fax', 'email'].map((k) => [k, { type: 'string' }]),
      ),
    },
  },
} as const;

const present = (all: readonly Agency[], a: Agency) => {
  const body = reviewBodyOf(all, a);
  return {
    id: a.id,
    parentId: a.parentId,
    name: a.name,
    shortName: a.shortName,
    creditCode: a.creditCode,
    divisionCode: a.divisionCode,
    level: a.level,
    pathSegment: a.pathSegment,
    reconsiderationBody: body.name,
    reconsiderationBodyDerived: body.derived.name,
    reconsiderationBodyBasis: body.derived.basis,
    reconsiderationBodyReason: body.source === 'override' ? a.reconsiderationBodyReason : '',
    deliveryMarginDays: a.deliveryMarginDays,
    office: a.office,
  };
};

export function registerAgencyApi(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/agencies',
    {
      schema: {
        summary: '机关目录',
        tags: ['agencies'],
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: agencySchema } } } },
      },
    },
    async () => {
      const all = await agenciesStore.all(ctx.db);
      return { items: all.map((a) => present(all, a)) };
    },
  );

  app.get<{ Params: { segment: string } }>(
    '/api/v1/agencies/:segment',
    {
      schema: {
        summary: '按网站路径查询机关',
        tags: ['agencies'],
        params: { type: 'object', properties: { segment: { type: 'string' } }, required: ['segment'] },
        response: { 200: agencySchema },
      },
    },
    async (request) => {
      const all = await agenciesStore.all(ctx.db);
      const a = all.find((x) => x.pathSegment === request.params.segment);
      if (!a) throw notFound('该机关');
      return present(all, a);
    },
  );
}
