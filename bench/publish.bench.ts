/**
 * Publishing annual reports. (1) Render 1,000 reports (100 at small scale) to DOCX and to HTML, against
 * `reportToJson` + `JSON.stringify` of the same reports in the same run (the cheapest complete output).
 * (2) The supervisor roll-up of a county with 300 agencies (60 at small scale) on SQLite — per agency the
 * tables computed from the report stores, the cross-checks and the deadline status — against its raw queries:
 * the same rows (agencies, report records, table 二 and 三 entries, disputes, this year and last) fetched by
 * one bulk SELECT per table with no computation.
 */
import { renderToString } from 'preact-render-to-string';
import { figure, median, type Bench } from './bench.js';
import { ReportDocument } from '../src/annual-reports/render/report-html.js';
import { reportToDocx } from '../src/annual-reports/render/report-docx.js';
import { draftNarrative } from '../src/annual-reports/writing/draft.js';
import { makeSnapshot, parseSnapshot } from '../src/annual-reports/snapshot.js';
import { supervisorRollup } from '../src/annual-reports/supervisor-rollup.js';
import { agenciesStore } from '../src/access/agencies.store.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import type { AppContext } from '../src/platform/context.js';
import { runChecks } from '../src/reports/checks/run-checks.js';
import { computeReport } from '../src/reports/compute-report.js';
import { demo2025Sources } from '../src/reports/demo/demo-2025.js';
import { ZHONGXING } from '../src/reports/demo/zhongxing-2020.js';
import { reportToJson } from '../src/reports/report-json.js';
import { article20Store } from '../src/reports/stores/article20.store.js';
import { table3EntriesStore } from '../src/reports/stores/table3-entries.store.js';
import { annualReportsStore } from '../src/annual-reports/annual-reports.store.js';

const time = async (f: () => Promise<unknown>): Promise<number> => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};

async function samples(n: number) {
  const base = await computeReport(ZHONGXING, 2025, demo2025Sources());
  return Array.from({ length: n }, (_, i) => {
    const report = { ...base, agency: { ...base.agency, id: `a${i}`, name: `演示县第${i}乡人民政府` } };
    const checks = runChecks(report);
    const narrative = draftNarrative(report, { feesCollectedYuan: 0, previousImprovements: null });
    return { report, checks, snapshot: parseSnapshot(makeSnapshot(report, checks, narrative).text) };
  });
}

async function rollupDatabase(count: number) {
  const handle = openDatabase({ kind: 'sqlite', path: ':memory:' });
  await migrateToLatest(handle.db);
  const ctx: AppContext = {
    db: handle.db,
    dialect: handle.dialect,
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_KEY: 'ab'.repeat(32) }),
    now: () => new Date('2026-02-10T02:00:00Z'),
  };
  const at = new Date().toISOString();
  const agency = (id: string, level: string, parent: string | null, supervisor: string | null) => ({
    id,
    parent_id: parent,
    name: `机关${id}`,
    short_name: id,
    credit_code: `CC${id}`,
    division_code: '340323',
    level,
    calendar_region: null,
    path_segment: id,
    supervisor_id: supervisor,
    reconsideration_body: '',
    has_rulemaking_power: 0,
    office_name: '',
    office_address: '',
    office_hours: '',
    office_phone: '',
    office_fax: '',
    office_email: '',
    office_postcode: '',
    doc_no_prefixes: '[]',
    sort_order: 0,
    created_at: at,
    updated_at: at,
  });
  await handle.db
    .insertInto('agencies')
    .values(agency('county', 'county', null, null))
    .execute();
  await handle.db
    .insertInto('agencies')
    .values(agency('office', 'general_office', 'county', null))
    .execute();
  const sources = demo2025Sources();
  const cells2025 = Object.fromEntries(
    Object.entries((await sources.table3.table3(ZHONGXING, 2025, '2021')).cells).map(([k, c]) => [
      k,
      c.count,
    ]),
  );
  const entries2025 = await sources.article20.article20(ZHONGXING, 2025, '2021');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `s${i}`;
    ids.push(id);
    await handle.db
      .insertInto('agencies')
      .values(agency(id, i % 3 === 0 ? 'township' : 'department', 'county', 'office'))
      .execute();
    await table3EntriesStore.put(
      handle.db,
      id,
      2025,
      { cells: cells2025, source: '基准数据' },
      ctx.now().toISOString(),
    );
    await article20Store.put(handle.db, id, 2025, entries2025, ctx.now().toISOString());
    if (i % 2 === 0)
      await annualReportsStore.insert(handle.db, {
        id: `r${i}`,
        agencyId: id,
        year: 2025,
        narrative: draftNarrative(await computeReport(ZHONGXING, 2025, sources), {
          feesCollectedYuan: 0,
          previousImprovements: null,
        }),
        at,
      });
  }
  return { handle, ctx, ids };
}

const bench: Bench = {
  name: 'publish (annual report outputs and supervisor roll-up)',
  async run({ scale, log }) {
    const n = scale === 'full' ? 1000 : 100;
    const list = await samples(n);
    log(`${n} reports ready`);
    const json = await time(async () => {
      for (const s of list) JSON.stringify(reportToJson(s.report, s.checks));
    });
    const reference = { name: `reportToJson + JSON.stringify × ${n}`, value: json / n };
    const html = await time(async () => {
      for (const s of list) renderToString(ReportDocument({ snapshot: s.snapshot }));
    });
    const docx = await time(async () => {
      for (const s of list) await reportToDocx(s.snapshot);
    });

    const agencies = scale === 'full' ? 300 : 60;
    const { handle, ctx, ids } = await rollupDatabase(agencies);
    log(`roll-up database: ${agencies} agencies`);
    const scoped = (await agenciesStore.all(ctx.db)).filter((a) => ids.includes(a.id));
    const rawOnce = () =>
      time(async () => {
        await Promise.all([
          ctx.db.selectFrom('agencies').selectAll().execute(),
          ctx.db
            .selectFrom('annual_reports')
            .selectAll()
            .where('agency_id', 'in', ids)
            .where('year', 'in', [2024, 2025])
            .execute(),
          ctx.db
            .selectFrom('report_table3_entries')
            .selectAll()
            .where('agency_id', 'in', ids)
            .where('year', 'in', [2024, 2025])
            .execute(),
          ctx.db
            .selectFrom('report_article20')
            .selectAll()
            .where('agency_id', 'in', ids)
            .where('year', 'in', [2024, 2025])
            .execute(),
          ctx.db.selectFrom('report_disputes').selectAll().where('agency_id', 'in', ids).execute(),
        ]);
      });
    const raw = median([await rawOnce(), await rawOnce(), await rawOnce()]);
    const rollupOnce = () => time(() => supervisorRollup(ctx, scoped, 2025));
    const rollup = median([await rollupOnce(), await rollupOnce(), await rollupOnce()]);
    await handle.close();
    return [
      figure(`HTML per report (${n})`, html / n, 'ms', reference, 'lower'),
      figure(`DOCX per report (${n})`, docx / n, 'ms', reference, 'lower'),
      figure(
        `supervisor roll-up, ${agencies} agencies`,
        rollup,
        'ms',
        { name: 'its raw bulk queries', value: raw },
        'lower',
        {
          notes: 'roll-up reads each table once for all agencies, then computes tables and checks per agency',
        },
      ),
    ];
  },
};

export default bench;
