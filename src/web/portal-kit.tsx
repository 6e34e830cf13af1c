/**
 * The public portal shell of one agency. The 政府信息公开 column's navigation shows only sections that exist:
 * each capability contributes a provider that returns its entries for the agency (none when it has nothing).
 * The providers, home blocks and footer blocks are the services' (`WebServices.portal`, listed in src/app/).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { agenciesStore } from '../access/agencies.store.js';
import type { Agency } from '../access/agency.js';
import type { AppContext } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { epochCache, publicContentEpoch } from './public-cache.js';
import { sendPage } from './render.js';
import { webServicesOf, type PortalSectionProvider } from './services.js';
import { PublicShell, type PortalNavItem } from './views/layout.js';

export type { PortalSectionProvider } from './services.js';

/**
 * Per-agency data every portal page needs and that changes rarely (the agency row, the navigation sections),
 * kept for a few seconds: without it each page view ran about five extra queries before its own. An entry is
 * dropped when the public-content epoch moves (publish, withdraw, settings saved, any successful POST on this
 * node) or after TTL_MS (changes made on another node, or by a job, or by the date: a consultation opening).
 */
const TTL_MS = 5000;
const MAX_ENTRIES = 2000;
const memo = <T,>() => epochCache<T>({ ttl: TTL_MS, max: MAX_ENTRIES });
/** Keyed by database: tests (and the benchmark) run several databases with the same demo agencies in a process. */
const byDatabase = new WeakMap<
  object,
  {
    agencies: ReturnType<typeof memo<Agency>>;
    /** Keyed by the list of providers too: each list gives its own sections. */
    sections: WeakMap<PortalSectionProvider[], ReturnType<typeof memo<PortalNavItem[]>>>;
  }
>();
function memosOf(ctx: AppContext) {
  let m = byDatabase.get(ctx.db);
  if (!m) byDatabase.set(ctx.db, (m = { agencies: memo<Agency>(), sections: new WeakMap() }));
  return m;
}

export async function agencyBySegment(ctx: AppContext, segment: string): Promise<Agency> {
  const { agencies } = memosOf(ctx);
  const known = agencies.get(segment);
  if (known) return known.value;
  const epoch = publicContentEpoch();
  const agency = await agenciesStore.byPathSegment(ctx.db, segment);
  if (!agency) throw notFound('该机关的网站');
  agencies.set(segment, agency, epoch);
  return agency;
}

async function sectionsOf(
  ctx: AppContext,
  providers: PortalSectionProvider[],
  agency: Agency,
): Promise<PortalNavItem[]> {
  const memos = memosOf(ctx).sections;
  let sections = memos.get(providers);
  if (!sections) memos.set(providers, (sections = memo<PortalNavItem[]>()));
  const known = sections.get(agency.id);
  if (known) return known.value;
  const epoch = publicContentEpoch();
  const fresh = (await Promise.all(providers.map((p) => p(ctx, agency)))).flat();
  sections.set(agency.id, fresh, epoch);
  return fresh;
}

export async function portalNav(
  ctx: AppContext,
  request: FastifyRequest,
  agency: Agency,
  currentPath: string,
): Promise<PortalNavItem[]> {
  const base: PortalNavItem[] = [
    { href: `/${agency.pathSegment}/`, label: '首页' },
    { href: `/${agency.pathSegment}/xxgk/`, label: '政府信息公开' },
  ];
  const items = [...base, ...(await sectionsOf(ctx, webServicesOf(request).portal.sections, agency))];
  // The longest matching prefix is the current entry.
  const current = items
    .filter(
      (i) =>
        currentPath === i.href ||
        currentPath.startsWith(i.href.endsWith('/') ? i.href : `${i.href}/`) ||
        currentPath === i.href.replace(/\/$/, ''),
    )
    .sort((a, b) => b.href.length - a.href.length)[0];
  return items.map((i) => ({ ...i, current: i === current }));
}

function PortalFooter({ agency, children }: { agency: Agency; children?: ComponentChildren }) {
  const o = agency.office;
  return (
    <>
      <p>
        主办单位：{agency.name}　政府信息公开工作机构：{o.name}
      </p>
      <p>
        地址：{o.address}
        {o.postcode && `（邮编 ${o.postcode}）`}　电话：{o.phone}
        {o.email && `　电子邮箱：${o.email}`}
      </p>
      {children}
    </>
  );
}

export async function sendPortalPage(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  agency: Agency,
  title: string,
  body: ComponentChildren,
  status = 200,
  feeds?: Array<{ href: string; title: string }>,
) {
  const path = request.url.split('?')[0] ?? '/';
  const [nav, footer] = await Promise.all([
    portalNav(ctx, request, agency, path),
    Promise.all(webServicesOf(request).portal.footer.map((b) => b(ctx, agency))),
  ]);
  return sendPage(
    reply,
    <PublicShell
      title={`${title} - ${agency.name}`}
      elderMode={request.elderMode}
      path={request.url}
      siteName={agency.name}
      siteHref={`/${agency.pathSegment}/`}
      nav={nav}
      footer={<PortalFooter agency={agency}>{footer}</PortalFooter>}
      feeds={feeds ?? [{ href: `/${agency.pathSegment}/feed.atom`, title: `${agency.name}公开信息` }]}
    >
      {body}
    </PublicShell>,
    status,
  );
}
