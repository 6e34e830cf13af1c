/**
 * Loads the demo data through the real use cases, once: a database that already has agencies is left
 * alone. Later capabilities add their demo data here (`demoLoaders`). The whole load is one transaction
 * (inOneTransaction): a loader that fails leaves the database as it was, never half a demo (issue 21).
 */
import { addUser } from '../agencies/add-user.js';
import { agenciesStore } from '../access/agencies.store.js';
import { systemActor } from '../platform/actor.js';
import { createAgency } from '../agencies/save-agency.js';
import type { DemoAgencyIds, DemoLoader } from '../agencies/demo-loader.js';
import type { AppContext } from '../platform/context.js';
import { inOneTransaction } from '../platform/db/one-transaction.js';
import { loadCatalogDemo } from '../catalog/demo/demo-items.js';
import { demoAgencies, demoPassword, demoUsers } from './demo-agencies.js';
import { loadRequestsDemo } from '../requests/demo-requests.js';
import { loadReportDemo } from '../reports/demo/load-report-demo.js';
import { loadDemoReports } from '../annual-reports/load-demo-reports.js';
import { loadDemoMessages } from '../interaction/demo-messages.js';
import { loadDemoOpenRatings } from '../interaction/rating/demo-open-ratings.js';
import { loadDemoConsultations } from '../interaction/consultation/demo-consultations.js';
import { loadScorecardDemo } from '../supervision/scorecard/demo-scorecard.js';

/** Capabilities register their demo loaders here, in dependency order. */
const demoLoaders: { name: string; load: DemoLoader }[] = [
  { name: '年度报告数据（仲兴乡 2020、2024–2025）', load: loadReportDemo },
  { name: '仲兴乡2025年依申请公开案件', load: loadRequestsDemo },
  { name: '主动公开目录（仲兴乡 2025 年）', load: loadCatalogDemo },
  { name: '互动交流与社会评议', load: loadDemoMessages },
  { name: '公众评价（仲兴乡）', load: loadDemoOpenRatings },
  { name: '征集调查（仲兴乡）', load: loadDemoConsultations },
  // Last: the report drafts are computed from everything above.
  { name: '政府信息公开工作年度报告', load: (ctx, ids) => loadDemoReports(ctx, ids) },
  // After the catalog, requests, messages and reports: the scorecard is computed from them.
  { name: '2025年度政务公开工作考核（县政务公开办）', load: loadScorecardDemo },
];

export async function loadDemo(ctx: AppContext, log: (line: string) => void = () => {}): Promise<boolean> {
  const lines: string[] = [];
  const loaded = await inOneTransaction(ctx.db, ctx.dialect, (db) =>
    loadAll({ ...ctx, db }, (l) => lines.push(l)),
  );
  // Said once committed, so nothing claims to be loaded that a later failure rolled back.
  lines.forEach(log);
  return loaded;
}

async function loadAll(ctx: AppContext, log: (line: string) => void): Promise<boolean> {
  if ((await agenciesStore.count(ctx.db)) > 0) return false;
  const actor = systemActor('演示数据');
  const ids: DemoAgencyIds = {};
  for (const a of demoAgencies) {
    const { key, parent, supervisor, ...fields } = a;
    const { agencyId } = await createAgency(ctx, actor, {
      ...fields,
      parentId: parent ? ids[parent] : null,
      supervisorId: supervisor ? ids[supervisor] : null,
    });
    ids[key] = agencyId;
  }
  for (const u of demoUsers) {
    await addUser(ctx, actor, {
      username: u.username,
      displayName: u.displayName,
      password: demoPassword,
      grants: u.grants.map((g) => ({ agencyId: ids[g.agency]!, role: g.role })),
    });
  }
  log(`已载入演示机关 ${demoAgencies.length} 个、演示账号 ${demoUsers.length} 个`);
  for (const loader of demoLoaders) {
    await loader.load(ctx, ids);
    log(`已载入演示数据：${loader.name}`);
  }
  return true;
}
