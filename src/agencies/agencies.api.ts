/** Public JSON API: the agency directory (what each agency's guide publishes under Art. 12). */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { agenciesStore } from '../access/agencies.store.js';
import type { Agency } from '../access/agency.js';

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
    reconsiderationBody: { type: 'string', description: '行政复议机关' },
    office: {
      type: 'object',
      description: '政府信息公开工作机构',
      properties: Object.fromEntries(
        ['name', 'address', 'postcode', 'hours', 'phone', 'fax', 'email'].map((k) => [k, { type: 'string' }]),
      ),
    },
  },
} as const;

const present = (a: Agency) => ({
  id: a.id,
  parentId: a.parentId,
  name: a.name,
  shortName: a.shortName,
  creditCode: a.creditCode,
  divisionCode: a.divisionCode,
  level: a.level,
  pathSegment: a.pathSegment,
  reconsiderationBody: a.reconsiderationBody,
  office: a.office,
});

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
    async () => ({ items: (await agenciesStore.all(ctx.db)).map(present) }),
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
      const a = await agenciesStore.byPathSegment(ctx.db, request.params.segment);
      if (!a) throw notFound('该机关');
      return present(a);
    },
  );
}
