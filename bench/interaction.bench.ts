/**
 * The supervisor's dashboard for a county (issue 10): 300 agencies, one year of 100,000 items, 20,000
 * messages, 5,000 requests, a rating campaign and the assessment results (SQLite file), through
 * `supervisionDashboard` (Kysely, the code the page uses) against the same raw SQL statements — one per
 * figure — prepared once on a bare better-sqlite3 connection, in the same run. Target ≤ 1.5×: the dashboard
 * adds query building and shaping rows per agency and month.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { Insertable, Kysely } from 'kysely';
import type { CatalogItemTable } from '../src/catalog/catalog.schema.js';
import type { Database } from '../src/platform/db/schema.js';
import type { RequestCaseTable } from '../src/requests/requests.schema.js';
import { figure, median, type Bench } from './bench.js';
import type { MessageTable } from '../src/interaction/interaction.schema.js';
import { shippedArrangements } from '../src/calendar/data/shipped.js';
import { WorkCalendar } from '../src/calendar/work-calendar.js';
import { promiseDates } from '../src/interaction/promise.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { supervisionDashboard } from '../src/supervision/dashboard.js';

const AGENCIES = 300;
const MESSAGES = 20_000;
const ITEMS = 100_000;
const REQUESTS = 5_000;
const RATINGS = 3_000;

function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RAW_TIMELINESS = `select handling_agency_id,
  sum(case when received_on >= ? and received_on <= ? then 1 else 0 end) as received,
  sum(case when status = 'replied' and closed_on >= ? and closed_on <= ? then 1 else 0 end) as closed,
  sum(case when status = 'replied' and closed_on >= ? and closed_on <= ? and closed_on <= due_on then 1 else 0 end) as on_time,
  sum(case when status in ('received','accepted','in_review') and due_on < ? then 1 else 0 end) as overdue,
  sum(case when status in ('received','accepted','in_review') and critical_after < ? then 1 else 0 end) as critical
  from messages where handling_agency_id in (IDS) group by handling_agency_id`;
const RAW_ALARMS = `select id, handling_agency_id, tracking_code, subject, received_on, due_on, critical_after
  from messages where handling_agency_id in (IDS) and status in ('received','accepted','in_review') and due_on < ?
  order by received_on limit 100`;
const RAW_ITEMS = `select agency_id, substr(published_on, 1, 7) as month, count(*) as n, sum(late) as late
  from catalog_items where agency_id in (IDS) and status = 'published' and published_on >= ? and published_on <= ?
  group by agency_id, substr(published_on, 1, 7)`;
const RAW_REQUESTS = `select agency_id, substr(received_on, 1, 7) as month, count(*) as n
  from request_cases where agency_id in (IDS) and received_on >= ? and received_on <= ?
  group by agency_id, substr(received_on, 1, 7)`;
const RAW_OUTCOMES = `select agency_id, outcome,
  sum(case when outcome_on >= ? and outcome_on <= ? then 1 else 0 end) as closed,
  sum(case when outcome_on >= ? and outcome_on <= ? and (due_date is null or outcome_on <= due_date) then 1 else 0 end) as on_time,
  sum(case when open = 1 and due_date < ? then 1 else 0 end) as overdue
  from request_cases where agency_id in (IDS)
  and ((outcome_on >= ? and outcome_on <= ?) or (open = 1 and due_date < ?))
  group by agency_id, outcome`;
const RAW_RATINGS = `select r.agency_id, count(*) as n, avg(r.accuracy), avg(r.timeliness), avg(r.procedure),
  avg(r.institution) from rating_responses r inner join rating_campaigns c on c.id = r.campaign_id
  where c.year = ? and r.agency_id in (IDS) group by r.agency_id`;
const RAW_ASSESSMENTS = `select agency_id, score, grade from assessments
  where agency_id in (IDS) and year = ? order by score desc`;

const bench: Bench = {
  name: 'interaction: supervisor dashboard (300 agencies; 100,000 items, 20,000 messages, 5,000 requests)',
  run: async ({ scale, log }) => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
    const path = join(dir, 'interaction.db');
    const handle = openDatabase({ kind: 'sqlite', path });
    try {
      await migrateToLatest(handle.db);
      const rnd = prng(20251231);
      const now = new Date().toISOString();
      const agencies = Array.from({ length: AGENCIES }, (_, i) => ({ id: `ag${i}`, name: `机关${i}` }));
      await handle.db
        .insertInto('agencies')
        .values(
          agencies.map((a, i) => ({
            id: a.id,
            name: a.name,
            short_name: a.name,
            credit_code: `CC${i}`,
            division_code: '340323',
            level: 'department',
            path_segment: `a${i}`,
            parent_id: null,
            calendar_region: null,
            supervisor_id: null,
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
            sort_order: i,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      const cal = new WorkCalendar(shippedArrangements());
      const rows: Insertable<MessageTable>[] = [];
      for (let i = 0; i < MESSAGES; i++) {
        const received = new Date(Date.UTC(2025, 0, 1) + Math.floor(rnd() * 330) * 86400000 + 3600000);
        const p = promiseDates(cal, received.toISOString(), 3);
        const fate = rnd();
        const closedOn = fate < 0.85 ? cal.addWorkingDays(p.receivedOn, Math.floor(rnd() * 6)).date : null;
        const agencyId = agencies[Math.floor(rnd() * AGENCIES)]!.id;
        rows.push({
          id: `m${i}`,
          agency_id: agencyId,
          handling_agency_id: agencyId,
          tracking_code: `LY${i}`,
          secret_hash: 'x',
          kind: 'consultation',
          subject: `留言${i}`,
          body: '内容',
          is_public: 1,
          status: closedOn ? 'replied' : 'accepted',
          name_enc: 'x',
          received_at: received.toISOString(),
          received_on: p.receivedOn,
          promise_days: 3,
          due_on: p.dueOn,
          critical_after: p.criticalAfter,
          closed_on: closedOn,
          published: closedOn ? 1 : 0,
          provisional: 0,
          reminder_level: 0,
          updated_at: now,
        });
      }
      await handle.db.transaction().execute(async (tx) => {
        for (let i = 0; i < rows.length; i += 500)
          await tx
            .insertInto('messages')
            .values(rows.slice(i, i + 500))
            .execute();
      });
      await generateOthers(handle.db, agencies, cal, rnd, now);
      log(`generated ${AGENCIES} agencies, ${ITEMS} items, ${MESSAGES} messages, ${REQUESTS} requests`);

      const period = { from: '2025-01-01', to: '2025-12-31', today: '2025-12-31' };
      const raw = new SqliteDatabase(path, { readonly: true });
      // The same filter on the agencies in scope as the dashboard sends.
      const ids = agencies.map((a) => a.id);
      const marks = ids.map(() => '?').join(',');
      const t1 = raw.prepare(RAW_TIMELINESS.replace('IDS', marks));
      const t2 = raw.prepare(RAW_ALARMS.replace('IDS', marks));
      const t3 = raw.prepare(RAW_ITEMS.replace('IDS', marks));
      const t4 = raw.prepare(RAW_REQUESTS.replace('IDS', marks));
      const t5 = raw.prepare(RAW_OUTCOMES.replace('IDS', marks));
      const t6 = raw.prepare(RAW_RATINGS.replace('IDS', marks));
      const t7 = raw.prepare(RAW_ASSESSMENTS.replace('IDS', marks));
      const rawRunOne = (i: number) => {
        const p = period;
        if (i === 0) t1.all(p.from, p.to, p.from, p.to, p.from, p.to, p.today, p.today, ...ids);
        if (i === 1) t2.all(...ids, p.today);
        if (i === 2) t3.all(...ids, p.from, p.to);
        if (i === 3) t4.all(...ids, p.from, p.to);
        if (i === 4) t5.all(p.from, p.to, p.from, p.to, p.today, ...ids, p.from, p.to, p.today);
        if (i === 5) t6.all(2025, ...ids);
        if (i === 6) t7.all(...ids, 2025);
      };
      const rawRun = () => {
        const p = period;
        t1.all(p.from, p.to, p.from, p.to, p.from, p.to, p.today, p.today, ...ids);
        t2.all(...ids, p.today);
        t3.all(...ids, p.from, p.to);
        t4.all(...ids, p.from, p.to);
        t5.all(p.from, p.to, p.from, p.to, p.today, ...ids, p.from, p.to, p.today);
        t6.all(2025, ...ids);
        t7.all(...ids, 2025);
      };
      const rounds = scale === 'full' ? 40 : 12;
      const time1 = async (f: () => unknown) => {
        const t = process.hrtime.bigint();
        await f();
        return Number(process.hrtime.bigint() - t) / 1e6;
      };
      // Warm both paths, then interleave so drift hits both.
      rawRun();
      const check = await supervisionDashboard(handle.db, agencies, period);
      log(
        `dashboard rows ${check.rows.length}, alarms ${check.alarms.length}, items ${check.months.reduce((t, m) => t + m.items, 0)}, ` +
          `requests ${check.months.reduce((t, m) => t + m.requests, 0)}, league ${check.league.length}`,
      );
      // Where the time goes, per figure (the reference is their sum).
      const each = [1, 2, 3, 4, 5, 6, 7].map((_, i) => {
        const t0 = process.hrtime.bigint();
        for (let k = 0; k < 3; k++) rawRunOne(i);
        return (Number(process.hrtime.bigint() - t0) / 3e6).toFixed(1);
      });
      log(`raw statements, ms each: ${each.join(', ')}`);
      // Alternate the two paths round by round, so load from other processes hits both alike.
      const refSamples: number[] = [];
      const dashSamples: number[] = [];
      for (let i = 0; i < rounds; i++) {
        refSamples.push(await time1(rawRun));
        dashSamples.push(await time1(() => supervisionDashboard(handle.db, agencies, period)));
      }
      const [refMs, dashMs] = [median(refSamples), median(dashSamples)];
      raw.close();
      const reference = {
        name: 'the same seven SQL statements, prepared, bare better-sqlite3',
        value: refMs,
      };
      return [
        figure('supervisionDashboard (Kysely)', dashMs, 'ms', reference, 'lower', {
          target: 1.5,
          notes: `median of ${rounds} runs`,
        }),
      ];
    } finally {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

const itemDefaults = {
  summary: '',
  issuer: '',
  doc_no: '',
  genre: '',
  keywords: '',
  source: '',
  validity: 'in_force',
  body_html: '',
  normative: 0,
  interpretation_exemption: '',
  validity_note: '',
  revision: 1,
  withdraw_reason: '',
  approvals: '[]',
};

/** Items, requests, a rating campaign and assessments for the county, straight into the tables. */
async function generateOthers(
  db: Kysely<Database>,
  agencies: Array<{ id: string }>,
  cal: WorkCalendar,
  rnd: () => number,
  now: string,
) {
  const day = (d: number) => new Date(Date.UTC(2025, 0, 1) + d * 86400000).toISOString().slice(0, 10);
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('catalog_columns')
      .values(
        agencies.map((a, i) => ({
          id: `c${i}`,
          agency_id: a.id,
          code: 'x',
          name: '栏目',
          kind: 'custom',
          sort_order: 0,
        })),
      )
      .execute();
    const items: Insertable<CatalogItemTable>[] = [];
    for (let i = 0; i < ITEMS; i++) {
      const a = Math.floor(rnd() * AGENCIES);
      const written = day(Math.floor(rnd() * 330));
      const published = cal.addWorkingDays(written, Math.floor(rnd() * 26)).date;
      items.push({
        id: `i${i}`,
        agency_id: agencies[a]!.id,
        column_id: `c${a}`,
        index_no: `IX-${i}`,
        status: 'published',
        title: `条目${i}`,
        ...itemDefaults,
        written_on: written,
        published_on: published,
        published_at: `${published}T02:00:00.000Z`,
        late: published > cal.addWorkingDays(written, 20).date ? 1 : 0,
        created_by: 'bench',
        created_at: now,
        updated_at: now,
      });
      if (items.length === 1000) await tx.insertInto('catalog_items').values(items.splice(0)).execute();
    }
    if (items.length) await tx.insertInto('catalog_items').values(items).execute();
    const outcomes = ['disclosed', 'partlyDisclosed', 'notHeld', 'withheldThirdParty', 'withdrawn'];
    const cases: Insertable<RequestCaseTable>[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const received = day(Math.floor(rnd() * 330));
      const due = cal.addWorkingDays(received, 20).date;
      const ended = rnd() < 0.9;
      const outcomeOn = ended ? cal.addWorkingDays(received, Math.floor(rnd() * 24)).date : null;
      cases.push({
        id: `r${i}`,
        agency_id: agencies[Math.floor(rnd() * AGENCIES)]!.id,
        year: 2025,
        reg_no: i + 1,
        tracking_code: `SQ${i}`,
        access_index: 'x',
        channel: 'online',
        received_on: received,
        applicant_kind: 'natural',
        applicant_label: '张*',
        applicant_sealed: 'x',
        applicant_index: `p${i % 1000}`,
        info_title: `申请${i}`,
        help_requested: 0,
        info_doc_no: '',
        info_index_no: '',
        info_description: '',
        purpose: '',
        paused: 0,
        form: 'paper',
        delivery: 'mail',
        state: ended ? 'closed' : 'accepted',
        open: ended ? 0 : 1,
        outcome: ended ? outcomes[Math.floor(rnd() * outcomes.length)]! : null,
        outcome_on: outcomeOn,
        due_date: due,
        created_at: now,
        updated_at: now,
      });
    }
    for (let i = 0; i < cases.length; i += 500)
      await tx
        .insertInto('request_cases')
        .values(cases.slice(i, i + 500))
        .execute();
    await tx
      .insertInto('rating_campaigns')
      .values({
        id: 'camp',
        organiser_id: agencies[0]!.id,
        title: '2025年社会评议',
        year: 2025,
        opens_on: '2025-11-01',
        closes_on: '2025-11-30',
        public_round: 1,
        created_at: now,
      })
      .execute();
    const score = () => 1 + Math.floor(rnd() * 5);
    const responses = Array.from({ length: RATINGS }, (_, i) => ({
      id: `rr${i}`,
      campaign_id: 'camp',
      agency_id: agencies[Math.floor(rnd() * AGENCIES)]!.id,
      round: 'public',
      invitation_id: null,
      accuracy: score(),
      timeliness: score(),
      procedure: score(),
      institution: score(),
      comment: null,
      submitted_at: now,
    }));
    for (let i = 0; i < responses.length; i += 500)
      await tx
        .insertInto('rating_responses')
        .values(responses.slice(i, i + 500))
        .execute();
    await tx
      .insertInto('assessments')
      .values(
        agencies.map((a, i) => ({
          id: `as${i}`,
          agency_id: a.id,
          year: 2025,
          score: Math.round(600 + rnd() * 400) / 10,
          grade: 'good',
          summary: '',
          recorded_by: 'bench',
          recorded_at: now,
        })),
      )
      .execute();
  });
}

export default bench;
