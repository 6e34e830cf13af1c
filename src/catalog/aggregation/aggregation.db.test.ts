/**
 * County aggregation, reposts (转载) and keyset paging with caches, on real databases through the real app:
 * a county's column lists its townships' items; a township reposts the county's document without a second
 * index number; a withdrawn item leaves the cached column page at once.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../../test/support/db.js';
import { testContext } from '../../../test/support/context.js';
import { agenciesStore } from '../../access/agencies.store.js';
import type { Agency } from '../../access/agency.js';
import type { Actor } from '../../platform/actor.js';
import { loadDemo } from '../../demo/load-demo.js';
import type { AppContext } from '../../platform/context.js';
import { buildApp } from '../../web/app.js';
import { appServices } from '../../app/services.js';
import { catalogStore } from '../catalog.store.js';
import { publishItem } from '../items/publish-item.js';
import { repostItem } from './repost-item.js';
import { createItem } from '../items/save-item.js';
import { ensureCatalog } from '../setup-catalog.js';
import { submitItem } from '../items/submit-item.js';
import { withdrawItem } from '../items/withdraw-item.js';

const reviewerOf = (a: Agency): Actor => ({
  kind: 'user',
  userId: `r-${a.id}`,
  label: `${a.shortName}审核员`,
  grants: [{ agencyId: a.id, role: 'reviewer' }],
});

describeEachDatabase('county aggregation, reposts and column paging', ({ handle }) => {
  let ctx: AppContext;
  let app: FastifyInstance;
  let county: Agency;
  let township: Agency;
  let minute = 0;
  // Each publication a minute later, so the newest-first order is known.
  const clock = () => new Date(Date.UTC(2026, 2, 10, 1, 0) + minute++ * 60_000);

  before(async () => {
    ctx = { ...testContext(handle()), now: clock };
    await loadDemo(ctx);
    township = (await agenciesStore.byPathSegment(ctx.db, 'zhongxing'))!;
    county = (await agenciesStore.byPathSegment(ctx.db, 'guzhen'))!;
    assert.equal(township.parentId, county.id);
    await ensureCatalog(ctx.db, county);
    await ensureCatalog(ctx.db, township);
    // The deployed default: anonymous portal pages micro-cached.
    app = await buildApp({ ...ctx, config: { ...ctx.config, publicCacheSeconds: 60 } }, appServices(), {
      logger: false,
    });
  });
  after(() => app?.close());

  const columnOf = async (a: Agency, code: string) => (await catalogStore.columnByCode(ctx.db, a.id, code))!;
  const publish = async (a: Agency, code: string, title: string) => {
    const actor = reviewerOf(a);
    const { itemId } = await createItem(ctx, actor, a.id, {
      columnId: (await columnOf(a, code)).id,
      title,
      summary: title,
      writtenOn: '2026-03-09',
    });
    await submitItem(ctx, actor, itemId);
    await publishItem(ctx, actor, itemId);
    return itemId;
  };
  const get = (url: string) => app.inject({ method: 'GET', url });

  test("a county's column lists its township's items, marked and linked to the township's site", async () => {
    const id = await publish(township, 'a20-06', '仲兴乡2026年第一批农机购置补贴公示');
    const res = await get(`/${county.pathSegment}/xxgk/columns/a20-06`);
    assert.equal(res.statusCode, 200);
    assert.match(
      res.body,
      new RegExp(
        `<span class="tag">${township.shortName}</span> <a href="/${township.pathSegment}/xxgk/items/${id}">仲兴乡2026年第一批农机购置补贴公示</a>`,
      ),
    );
    // The county has no item of its own there yet: the column is still listed (a township's item fills it).
    const statutory = await get(`/${county.pathSegment}/xxgk/columns/statutory`);
    assert.match(statutory.body, new RegExp(`href="/${county.pathSegment}/xxgk/columns/a20-06"`));
    // The township's own page does not list the county's items.
    const countyId = await publish(county, 'a20-06', '固镇县2026年农机购置补贴实施方案');
    const own = await get(`/${township.pathSegment}/xxgk/columns/a20-06`);
    assert.doesNotMatch(own.body, new RegExp(countyId));
  });

  test('a township reposts the county document: source shown, original linked, no second index number', async () => {
    const originalId = await publish(county, 'a20-01', '固镇县人民政府关于做好2026年防汛工作的通知');
    const original = (await catalogStore.itemById(ctx.db, originalId))!;
    const { itemId } = await repostItem(ctx, reviewerOf(township), {
      originalId,
      agencyId: township.id,
      columnId: (await columnOf(township, 'a20-01')).id,
    });
    const repost = (await catalogStore.itemById(ctx.db, itemId))!;
    assert.equal(repost.indexNo, null);
    assert.equal(repost.repostOf, originalId);
    assert.equal(repost.status, 'published');
    assert.equal((await catalogStore.itemById(ctx.db, originalId))!.indexNo, original.indexNo);

    const list = await get(`/${township.pathSegment}/xxgk/columns/a20-01`);
    assert.match(
      list.body,
      new RegExp(
        `<a href="/${township.pathSegment}/xxgk/items/${itemId}">[^<]+</a> <span class="tag">转载</span>`,
      ),
    );
    const page = await get(`/${township.pathSegment}/xxgk/items/${itemId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`本文转载自${county.name}`));
    assert.match(
      page.body,
      new RegExp(`<a href="/${county.pathSegment}/xxgk/items/${originalId}">查看原文</a>`),
    );
    assert.match(page.body, new RegExp(original.indexNo!.replace(/[/]/g, '\\/')));

    await assert.rejects(
      repostItem(ctx, reviewerOf(township), {
        originalId,
        agencyId: township.id,
        columnId: (await columnOf(township, 'a20-01')).id,
      }),
      /已转载过/,
    );
    // Upwards is not a repost: the county cannot repost the township's item.
    const townshipItem = await publish(township, 'a20-01', '仲兴乡防汛值班安排');
    await assert.rejects(
      repostItem(ctx, reviewerOf(county), {
        originalId: townshipItem,
        agencyId: county.id,
        columnId: (await columnOf(county, 'a20-01')).id,
      }),
      /只能转载上级机关/,
    );

    // Withdrawing the original takes the repost down with it.
    await withdrawItem(ctx, reviewerOf(county), originalId, '内容有误');
    assert.equal((await catalogStore.itemById(ctx.db, itemId))!.status, 'withdrawn');
    const after = await get(`/${township.pathSegment}/xxgk/columns/a20-01`);
    assert.doesNotMatch(after.body, new RegExp(itemId));
  });

  test('keyset paging walks forward and back; a withdrawn item leaves the cached page at once', async () => {
    const titles: string[] = [];
    for (let n = 1; n <= 23; n++) {
      titles.push(`仲兴乡财政信息第${n}期`);
      await publish(township, 'a20-08', titles.at(-1)!);
    }
    const base = `/${township.pathSegment}/xxgk/columns/a20-08`;
    const shown = (html: string) => [...html.matchAll(/>(仲兴乡财政信息第\d+期)</g)].map((m) => m[1]);
    const first = await get(base);
    assert.deepEqual(shown(first.body), titles.slice(3).reverse());
    assert.match(first.body, /共 23 条/);
    assert.match(first.body, /第 1 页，共 2 页/);
    assert.equal((await get(base)).headers['x-cache'], 'hit');

    const next = /<a href="([^"]+)">下一页<\/a>/.exec(first.body)![1]!.replace(/&amp;/g, '&');
    const second = await get(next);
    assert.deepEqual(shown(second.body), titles.slice(0, 3).reverse());
    assert.match(second.body, /第 2 页，共 2 页/);
    const back = /<a href="([^"]+)">上一页<\/a>/.exec(second.body)![1]!.replace(/&amp;/g, '&');
    assert.equal(back, base, 'the first page is linked by its bare address');
    // A typed page number skips pages without a cursor.
    assert.deepEqual(shown((await get(`${base}?page=2`)).body), titles.slice(0, 3).reverse());

    const newest = (
      await ctx.db
        .selectFrom('catalog_items')
        .select('id')
        .where('title', '=', titles.at(-1)!)
        .executeTakeFirstOrThrow()
    ).id;
    await withdrawItem(ctx, reviewerOf(township), newest, '重复发布');
    const again = await get(base);
    assert.notEqual(again.headers['x-cache'], 'hit');
    assert.deepEqual(shown(again.body), titles.slice(2, 22).reverse());
    assert.match(again.body, /共 22 条/);
  });
});
