/**
 * The public portal: the platform's front page, each agency's home, its 政府信息公开 column and its
 * 政府信息公开指南 (Art. 12: the guide names the disclosure office and its contact details). The front-page and
 * home blocks and the navigation sections are the services' (src/app/portal.tsx).
 */
import type { FastifyInstance } from 'fastify';
import { agenciesStore } from '../access/agencies.store.js';
import { agencyLevelLabel } from '../access/agency.js';
import { reviewBodyOf } from '../access/review-body.js';
import { legalToday } from '../calendar/legal-day.js';
import { remedyStatement } from '../calendar/remedies-statement.js';
import type { AppContext } from '../platform/context.js';
import { agencyBySegment, portalNav, sendPortalPage } from '../web/portal-kit.js';
import { sendPage } from '../web/render.js';
import { PlainShell } from '../web/views/layout.js';
import { webServicesOf } from '../web/services.js';

export function registerPortalRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/', async (request, reply) => {
    const agencies = await agenciesStore.all(ctx.db);
    const children = new Map<string | null, typeof agencies>();
    for (const a of agencies) children.set(a.parentId, [...(children.get(a.parentId) ?? []), a]);
    const Tree = ({ parent }: { parent: string | null }) => {
      const list = children.get(parent);
      if (!list?.length) return null;
      return (
        <ul>
          {list.map((a) => (
            <li>
              <a href={`/${a.pathSegment}/`}>{a.name}</a> <span class="tag">{agencyLevelLabel[a.level]}</span>
              <Tree parent={a.id} />
            </li>
          ))}
        </ul>
      );
    };
    return sendPage(
      reply,
      <PlainShell title="政府信息公开平台" elderMode={request.elderMode} path={request.url}>
        <h1>政府信息公开平台</h1>
        {webServicesOf(request).portal.frontPage.map((block) => block())}
        <p>选择机关，查看其政府信息公开专栏。</p>
        <nav aria-label="机关导航">
          <Tree parent={null} />
        </nav>
      </PlainShell>,
    );
  });

  app.get<{ Params: { agency: string } }>('/:agency/', async (request, reply) => {
    const agency = await agencyBySegment(ctx, request.params.agency);
    const children = (await agenciesStore.all(ctx.db)).filter((a) => a.parentId === agency.id);
    const blocks = await Promise.all(webServicesOf(request).portal.homeBlocks.map((b) => b(ctx, agency)));
    return sendPortalPage(
      ctx,
      request,
      reply,
      agency,
      '首页',
      <>
        <h1>{agency.name}</h1>
        <p>
          欢迎访问{agency.name}门户。请通过<a href={`/${agency.pathSegment}/xxgk/`}>政府信息公开专栏</a>
          查阅本机关主动公开的政府信息，或依法申请获取政府信息。
        </p>
        {blocks}
        {children.length > 0 && (
          <>
            <h2>所属机关</h2>
            <ul class="cards">
              {children.map((c) => (
                <li>
                  <a href={`/${c.pathSegment}/`}>{c.name}</a>
                </li>
              ))}
            </ul>
          </>
        )}
      </>,
    );
  });

  app.get<{ Params: { agency: string } }>('/:agency/xxgk/', async (request, reply) => {
    const agency = await agencyBySegment(ctx, request.params.agency);
    const sections = (await portalNav(ctx, request, agency, '')).slice(2);
    return sendPortalPage(
      ctx,
      request,
      reply,
      agency,
      '政府信息公开',
      <>
        <h1>政府信息公开</h1>
        <ul class="cards">
          {sections.map((s) => (
            <li>
              <a href={s.href}>{s.label}</a>
            </li>
          ))}
        </ul>
      </>,
    );
  });

  app.get<{ Params: { agency: string } }>('/:agency/xxgk/guide', async (request, reply) => {
    const agency = await agencyBySegment(ctx, request.params.agency);
    const o = agency.office;
    return sendPortalPage(
      ctx,
      request,
      reply,
      agency,
      '政府信息公开指南',
      <>
        <h1>{agency.name}政府信息公开指南</h1>
        <p>
          根据《中华人民共和国政府信息公开条例》第十二条，本指南说明本机关政府信息的分类、编排体系、获取方式和政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式等内容。
        </p>
        <h2>政府信息公开工作机构</h2>
        <dl class="meta">
          <dt>名称</dt>
          <dd>{o.name}</dd>
          <dt>办公地址</dt>
          <dd>
            {o.address}
            {o.postcode && `（邮编 ${o.postcode}）`}
          </dd>
          <dt>办公时间</dt>
          <dd>{o.hours}</dd>
          <dt>联系电话</dt>
          <dd>{o.phone}</dd>
          <dt>传真</dt>
          <dd>{o.fax}</dd>
          <dt>电子邮箱</dt>
          <dd>{o.email}</dd>
        </dl>
        <h2>监督和救济</h2>
        <p>
          {remedyStatement({
            refusal: null,
            body: reviewBodyOf(await agenciesStore.all(ctx.db), agency).name,
            on: legalToday(ctx),
            subject: 'guide',
          })}
        </p>
      </>,
    );
  });
}
