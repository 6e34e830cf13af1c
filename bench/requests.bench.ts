/**
 * 依申请公开 at scale (SQLite file, synchronous=FULL, demo data):
 * - durable online submissions per second through HTTP (the real form POST: CSRF, validation, encryption,
 *   registration number, events, one transaction), against raw durable inserts of the same rows (one
 *   transaction each) measured in the same run;
 * - the handler's queue page (overdue) with 100,000 cases in the county, against the raw queue query;
 * - table 三 cells for one agency-year from the cases, against one raw GROUP BY over the same rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import SqliteDatabase from 'better-sqlite3';
import { agenciesStore } from '../src/access/agencies.store.js';
import { loadConfig } from '../src/config.js';
import { loadDemo } from '../src/demo/load-demo.js';
import { demoPassword } from '../src/demo/demo-agencies.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { newId } from '../src/platform/ids.js';
import { requestsTable3Source } from '../src/reports/requests-table3.js';
import { buildApp } from '../src/web/app.js';
import { appServices } from '../src/app/services.js';
import { figure, median, type Bench } from './bench.js';
import { listenLoopback } from './http.js';

const form = {
  applicantKind: 'natural',
  name: '张三',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  phone: '13800001234',
  infoTitle: '2024年仲兴乡农村道路建设项目资金使用情况',
  form: 'electronic',
  delivery: 'online',
  website: '',
};

function rawRow(agencyId: string, i: number, today: string) {
  const received = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  const open = i % 10 === 0;
  return {
    id: newId(),
    agency_id: agencyId,
    year: 2025,
    reg_no: i + 1,
    tracking_code: newId(),
    access_index: 'x'.repeat(64),
    channel: 'online',
    received_on: received,
    applicant_kind: ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'other'][i % 6]!,
    applicant_label: '张*',
    applicant_sealed: `v1.${'A'.repeat(120)}`,
    applicant_index: 'y'.repeat(64),
    info_title: '某项目资金使用情况',
    form: 'electronic',
    delivery: 'online',
    state: open ? 'in_progress' : 'replied',
    open: open ? 1 : 0,
    outcome: open ? null : 'disclosed',
    outcome_on: open ? null : received,
    due_date: open ? (i % 20 === 0 ? '2025-01-15' : today) : received,
    paused: 0,
    created_at: new Date().toISOString(),
    updated_at: new Date().toISOString(),
  };
}

const INSERT_CASE = `INSERT INTO request_cases (id, agency_id, year, reg_no, tracking_code, access_index, channel, received_on,
  applicant_kind, applicant_label, applicant_sealed, applicant_index, info_title, form, delivery, state, open, outcome, outcome_on,
  due_date, paused, created_at, updated_at) VALUES (@id, @agency_id, @year, @reg_no, @tracking_code, @access_index, @channel,
  @received_on, @applicant_kind, @applicant_label, @applicant_sealed, @applicant_index, @info_title, @form, @delivery, @state, @open,
  @outcome, @outcome_on, @due_date, @paused, @created_at, @updated_at)`;
const INSERT_EVENT = `INSERT INTO request_case_events (case_id, at, day, type, data, actor_label) VALUES (?, ?, ?, ?, '{}', '公众')`;

const bench: Bench = {
  name: 'requests',
  run: async ({ scale, log }) => {
    const seconds = scale === 'full' ? 10 : 4;
    const total = 100_000;
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-req-'));
    const path = join(dir, 'bench.sqlite');
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      SQLITE_PATH: path,
      JOBS_ENABLED: 'false',
      TRUST_PROXY: 'loopback', // the bench process on this machine is the proxy
      DATA_KEY: 'cd'.repeat(32),
    });
    const handle = openDatabase({ kind: 'sqlite', path });
    const raw = new SqliteDatabase(path);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('busy_timeout = 5000');
    try {
      await migrateToLatest(handle.db);
      const ctx = { db: handle.db, dialect: handle.dialect, config, now: () => new Date() };
      await loadDemo(ctx);
      const agencies = await agenciesStore.all(ctx.db);
      const township = agencies.find((a) => a.pathSegment === 'zhongxing')!;
      const app = await buildApp(ctx, appServices(), { logger: false });
      const base = await listenLoopback(app);
      try {
        // 1. Durable submissions through HTTP; each request from its own address (TRUST_PROXY), as citizens are.
        const page = await fetch(`${base}/zhongxing/ysqgk/apply`);
        const cookie = page.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; ');
        const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
        const body = new URLSearchParams({ ...form, _csrf: token }).toString();
        let n = 0;
        log(`HTTP submissions for ${seconds}s`);
        const result = await autocannon({
          url: `${base}/zhongxing/ysqgk/apply`,
          connections: 4,
          duration: seconds,
          requests: [
            {
              method: 'POST',
              setupRequest: (req) => ({
                ...req,
                body,
                headers: {
                  'content-type': 'application/x-www-form-urlencoded',
                  cookie,
                  'x-forwarded-for': `10.${(++n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
                },
              }),
            },
          ],
        });
        if (result.errors > 0 || result['3xx'] !== result.requests.total)
          throw new Error(
            `submissions: ${result['3xx']} of ${result.requests.total} redirected to a receipt`,
          );
        const httpRate = result.requests.total / seconds;

        const insertCase = raw.prepare(INSERT_CASE);
        const insertEvent = raw.prepare(INSERT_EVENT);
        const one = raw.transaction((row: ReturnType<typeof rawRow>) => {
          insertCase.run(row);
          insertEvent.run(row.id, row.created_at, row.received_on, 'registered');
          insertEvent.run(row.id, row.created_at, row.received_on, 'receipt_confirmed');
        });
        const county = agencies.filter((a) => a.pathSegment !== 'zhongxing');
        let k = 0;
        const end = Date.now() + seconds * 1000;
        const today = new Date().toISOString().slice(0, 10);
        while (Date.now() < end) one(rawRow(county[k % county.length]!.id, 1_000_000 + k++, today));
        const rawRate = k / seconds;

        // 2. The queue page with 100,000 cases in the county.
        log(`generating ${total} cases`);
        const bulk = raw.transaction((from: number, to: number) => {
          for (let i = from; i < to; i++)
            insertCase.run(rawRow(agencies[i % agencies.length]!.id, 10_000_000 + i, today));
        });
        const existing = Number(
          (raw.prepare('SELECT COUNT(*) AS n FROM request_cases').get() as { n: number }).n,
        );
        bulk(0, Math.max(0, total - existing));
        raw.exec('ANALYZE');
        const login = await fetch(`${base}/admin/login`);
        const loginCookie = login.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; ');
        const loginToken = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1]!;
        const signed = await fetch(`${base}/admin/login`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: loginCookie },
          body: new URLSearchParams({
            _csrf: loginToken,
            username: 'zx-handler',
            password: demoPassword,
          }).toString(),
        });
        const session = signed.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; ');
        const queueUrl = `${base}/admin/requests?queue=overdue`;
        const check = await fetch(queueUrl, { headers: { cookie: session }, redirect: 'manual' });
        if (check.status !== 200) throw new Error(`queue page: ${check.status} (login failed?)`);
        log(`queue page for ${seconds}s`);
        const q = await autocannon({
          url: queueUrl,
          connections: 4,
          duration: seconds,
          headers: { cookie: session },
        });
        if (q.non2xx || q.errors) throw new Error(`queue page: ${q.non2xx} non-2xx`);
        const rawQueue = raw.prepare(
          `SELECT * FROM request_cases WHERE agency_id IN (?) AND open = 1 AND due_date < ? ORDER BY due_date, received_on LIMIT 100`,
        );
        let r = 0;
        const qEnd = Date.now() + seconds * 1000;
        while (Date.now() < qEnd) {
          rawQueue.all(township.id, today);
          r++;
        }

        // 3. Table 三 for the township's year.
        const samples: number[] = [];
        const source = requestsTable3Source(ctx);
        const ref = { id: township.id, name: township.name, level: 'township' as const };
        for (let i = 0; i < 15; i++) {
          const t = performance.now();
          await source.table3(ref, 2025, '2021');
          samples.push(performance.now() - t);
        }
        const group = raw.prepare(
          `SELECT applicant_kind, outcome, COUNT(*) AS n FROM request_cases WHERE agency_id = ? AND received_on <= '2025-12-31'
           AND (outcome_on IS NULL OR outcome_on >= '2025-01-01') GROUP BY applicant_kind, outcome`,
        );
        const rawSamples: number[] = [];
        for (let i = 0; i < 15; i++) {
          const t = performance.now();
          group.all(township.id);
          rawSamples.push(performance.now() - t);
        }
        const perAgency = Math.round(total / agencies.length);
        return [
          figure(
            'online submissions through HTTP (durable)',
            httpRate,
            'submissions/s',
            { name: 'raw durable inserts of the same rows', value: rawRate },
            'higher',
          ),
          figure(
            `queue page “overdue”, ${total} cases in the county`,
            q.requests.average,
            'req/s',
            { name: 'raw queue query', value: r / seconds },
            'higher',
          ),
          figure(
            `table 三 cells with case ids, one agency-year (~${perAgency} cases)`,
            median(samples),
            'ms',
            { name: 'raw GROUP BY', value: median(rawSamples) },
            'lower',
          ),
        ];
      } finally {
        await app.close();
      }
    } finally {
      raw.close();
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
