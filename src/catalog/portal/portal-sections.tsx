/**
 * What the catalog adds to every agency's portal shell (registered in src/web/portal-kit.tsx): navigation
 * entries for the columns that have content (blank columns fail site inspections), and the home page's
 * latest items.
 */
import type { ComponentChildren } from 'preact';
import type { Agency } from '../../access/agency.js';
import type { AppContext } from '../../platform/context.js';
import type { PortalNavItem } from '../../web/views/layout.js';
import { catalogStore } from '../catalog.store.js';
import { columnsWithContent } from './portal-data.js';
import { ItemList, columnHref } from '../items/views/item-views.js';

export async function catalogSections(ctx: AppContext, agency: Agency): Promise<PortalNavItem[]> {
  const { columns, filled, normative, standard } = await columnsWithContent(ctx.db, agency);
  const out = columns
    // The 年报 entry belongs to the annual-report capability (src/annual-reports), which links this column.
    .filter((c) => !c.parentId && c.kind !== 'guide' && c.kind !== 'report' && filled.has(c.id))
    .map((c) => ({ href: columnHref(agency, c.code), label: c.name }));
  if (standard) out.push({ href: `/${agency.pathSegment}/xxgk/standard`, label: '标准目录' });
  if (normative) out.push({ href: `/${agency.pathSegment}/xxgk/normative`, label: '规范性文件' });
  return out;
}

/** The 年报 column's address when it holds published items (reports published as documents), else undefined. */
export async function reportColumnHref(ctx: AppContext, agency: Agency): Promise<string | undefined> {
  const { columns, filled } = await columnsWithContent(ctx.db, agency);
  const column = columns.find((c) => c.kind === 'report' && filled.has(c.id));
  return column && columnHref(agency, column.code);
}

export async function latestItemsBlock(ctx: AppContext, agency: Agency): Promise<ComponentChildren> {
  const items = await catalogStore.published(ctx.db, { agencyId: agency.id, limit: 10 });
  if (!items.length) return null;
  return (
    <section aria-labelledby="latest-title">
      <h2 id="latest-title">最新公开信息</h2>
      <ItemList agency={agency} items={items} />
      <p>
        <a href={`/${agency.pathSegment}/feed.atom`}>订阅本机关公开信息（Atom）</a>
      </p>
    </section>
  );
}
