/**
 * The footer's site identifiers on the public pages: shown when configured, and the pages still pass axe
 * (GB/T 37668 level 2: no serious or critical violation) in normal and elder mode.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agenciesStore } from '../../src/access/agencies.store.js';
import { systemActor } from '../../src/platform/actor.js';
import { setSiteIdentity } from '../../src/catalog/site/manage-site.js';
import { demoPlatform } from '../support/e2e.js';
import { assertAccessible, newPage, setMode } from '../support/pages.js';

const platform = demoPlatform();

test('footer identifiers on every page type, axe-clean in normal and elder mode', async () => {
  const { base, ctx } = platform;
  const zx = (await agenciesStore.byPathSegment(ctx.db, 'zhongxing'))!;
  await setSiteIdentity(ctx, systemActor(), zx.id, {
    siteCode: '3403230001',
    icpNo: '皖ICP备05001234号-1',
    psbNo: '皖公网安备 34032302000001号',
    partyMarkUrl: 'https://bszs.conac.cn/sitename?method=show&id=1',
    errorReportUrl: 'https://zfwzzc.www.gov.cn/check_web/errorInfo_querySiteInfo.action?webCode=3403230001',
  });
  const page = await newPage(platform);
  const pages = ['/zhongxing/', '/zhongxing/xxgk/columns/gzdt', '/zhongxing/xxgk/guide', '/zhongxing/hdjl/'];
  for (const mode of ['standard', 'elder']) {
    await setMode(platform, page, mode, '/zhongxing/');
    for (const path of pages) {
      await page.goto(`${base}${path}`);
      const footer = page.locator('footer');
      assert.match((await footer.textContent()) ?? '', /网站标识码：3403230001/, path);
      assert.equal(await footer.getByRole('link', { name: '我为政府网站找错' }).count(), 1, path);
      assert.equal(await footer.getByRole('link', { name: '党政机关网站标识' }).count(), 1, path);
      await assertAccessible(page, `${mode} ${path}`);
    }
  }
  await page.close();
});
