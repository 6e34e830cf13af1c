/** The public portal's entries, listed by the composition root and handed to the web kit. */
import { annualReportSection } from '../annual-reports/annual-reports.portal.js';
import { catalogSections, latestItemsBlock } from '../catalog/portal/portal-sections.js';
import { SiteIdentifiers, siteIdentityOf } from '../catalog/site/site-footer.js';
import { consultationSection } from '../interaction/consultation/consultation-section.js';
import { ratingSection } from '../interaction/rating/rating-section.js';
import { PlatformSearchBox } from '../search/views/platform-search-box.js';
import type { WebServices } from '../web/services.js';

export const portal: WebServices['portal'] = {
  /** Section providers of the 政府信息公开 navigation, in display order. */
  sections: [
    async (_ctx, a) => [{ href: `/${a.pathSegment}/xxgk/guide`, label: '政府信息公开指南' }],
    (ctx, a) => annualReportSection(ctx, a),
    // Always shown: a site without a working message channel fails inspection (portal-standards §7 V4).
    async (_ctx, a) => [{ href: `/${a.pathSegment}/hdjl/`, label: '互动交流' }],
    ratingSection,
    consultationSection,
    async (_ctx, a) => [{ href: `/${a.pathSegment}/ysqgk/apply`, label: '依申请公开' }],
    catalogSections,
  ],
  /** Blocks on an agency's home page (the latest items). */
  homeBlocks: [latestItemsBlock],
  /** The site identifiers (网站标识码, 备案号, …) under the agency's address. */
  footer: [async (ctx, a) => <SiteIdentifiers identity={await siteIdentityOf(ctx, a)} />],
  /** The whole-platform search box on the front page. */
  frontPage: [() => <PlatformSearchBox />],
};
