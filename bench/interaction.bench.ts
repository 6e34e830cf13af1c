/**
 * The supervisor's dashboard for a county: 300 agencies, one year of 20,000 messages (SQLite file), through
 * `supervisionDashboard` (Kysely, the code the page uses) against the same two raw SQL statements prepared
 * once on a bare better-sqlite3 connection, in the same run. Target ≤ 1.5×: the dashboard adds query building
 * and shaping rows per agency. Items and requests of the county are not generated: their tables are
 * not on main yet (see `timelinessSources` in src/supervision/dashboard.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { Insertable } from 'kysely';
import { figure, median, type Bench } from './bench.js';
import type { MessageTable } from '../src/interaction/interaction.tables.js';
import { shippedArrangements } from '../src/calendar/data/shipped.js';
import { WorkCalendar } from '../src/calendar/work-calendar.js';
import { promiseDates } from '../src/interaction/promise.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { supervisionDashboard } from '../src/supervision/dashboard.js';

const AGENCIES = 300;
const MESSAGES = 20_000;

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

const bench: Bench = {
  name: 'interaction: supervisor dashboard (300 agencies, 20,000 messages)',
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
      log(`generated ${AGENCIES} agencies and ${MESSAGES} messages`);

      const period = { from: '2025-01-01', to: '2025-12-31', today: '2025-12-31' };
      const raw = new SqliteDatabase(path, { readonly: true });
      // The same filter on the agencies in scope as the dashboard sends.
      const ids = agencies.map((a) => a.id);
      const marks = ids.map(() => '?').join(',');
      const t1 = raw.prepare(RAW_TIMELINESS.replace('IDS', marks));
      const t2 = raw.prepare(RAW_ALARMS.replace('IDS', marks));
      const rawRun = () => {
        const p = period;
        t1.all(p.from, p.to, p.from, p.to, p.from, p.to, p.today, p.today, ...ids);
        t2.all(...ids, p.today);
      };
      const rounds = scale === 'full' ? 40 : 12;
      const time = async (f: () => unknown) => {
        const samples: number[] = [];
        for (let i = 0; i < rounds; i++) {
          const t = process.hrtime.bigint();
          await f();
          samples.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
        return median(samples);
      };
      // Warm both paths, then interleave so drift hits both.
      rawRun();
      const check = await supervisionDashboard(handle.db, agencies, period);
      log(`dashboard rows ${check.rows.length}, alarms ${check.alarms.length}`);
      const refMs = await time(rawRun);
      const dashMs = await time(() => supervisionDashboard(handle.db, agencies, period));
      const refMs2 = await time(rawRun);
      raw.close();
      const reference = {
        name: 'the same two SQL statements, prepared, bare better-sqlite3',
        value: (refMs + refMs2) / 2,
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

export default bench;
