/**
 * The site identifiers in every portal page's footer (政府网站发展指引: 网站标识码, ICP 备案号, 公安机关备案号,
 * the 党政机关网站 mark, 我为政府网站找错). A township's pages sit under its county's portal, so an agency
 * without its own settings shows its nearest ancestor's. Cached briefly: the footer is on every page.
 */
import { agenciesStore } from '../../access/agencies.store.js';
import { ancestry, type Agency } from '../../access/agency.js';
import type { AppContext } from '../../platform/context.js';
import type { SiteIdentity } from './site-identity.js';
import { epochCache, publicContentEpoch } from '../../web/public-cache.js';
import { siteStore } from './site.store.js';

/** Entries also lapse when the content epoch moves: a change announced by another node shows here too. */
const cache = epochCache<SiteIdentity | undefined>({ ttl: 5000, max: 10_000 });

/** Settings changed: descendants may inherit them, so every entry goes. */
export function forgetSiteIdentity(_agencyId: string): void {
  cache.clear();
}

const configured = (s: SiteIdentity | undefined) => !!s && Object.values(s).some((v) => v !== '');

export async function siteIdentityOf(
  ctx: Pick<AppContext, 'db'>,
  agency: Pick<Agency, 'id' | 'parentId'>,
): Promise<SiteIdentity | undefined> {
  const hit = cache.get(agency.id);
  if (hit) return hit.value;
  const epoch = publicContentEpoch();
  let identity = await siteStore.identity(ctx.db, agency.id);
  if (!configured(identity) && agency.parentId) {
    // Nearest ancestor first.
    const chain = ancestry(await agenciesStore.all(ctx.db), agency.id)
      .slice(0, -1)
      .reverse();
    identity = undefined;
    for (const a of chain) {
      const s = await siteStore.identity(ctx.db, a.id);
      if (configured(s)) {
        identity = s;
        break;
      }
    }
  }
  cache.set(agency.id, identity, epoch);
  return identity;
}

/** The identifiers as footer lines; nothing when the site has none configured. */
export function SiteIdentifiers({ identity: s }: { identity: SiteIdentity | undefined }) {
  if (!s || !configured(s)) return null;
  return (
    <p class="site-identifiers">
      {s.partyMarkUrl && (
        <>
          <a href={s.partyMarkUrl}>党政机关网站标识</a>
          {'　'}
        </>
      )}
      {s.siteCode && <span>网站标识码：{s.siteCode}　</span>}
      {s.icpNo && (
        <>
          <a href="https://beian.miit.gov.cn/">{s.icpNo}</a>
          {'　'}
        </>
      )}
      {s.psbNo && <span>{s.psbNo}　</span>}
      {s.errorReportUrl && <a href={s.errorReportUrl}>我为政府网站找错</a>}
    </p>
  );
}
