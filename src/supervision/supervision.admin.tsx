/**
 * The supervisor's dashboard: /admin/supervision (all agencies in the user's scope, filters year and agency),
 * /admin/supervision/agencies/:id (one agency), /admin/supervision/agencies/:id/:kind (the records behind a
 * figure). Scope: the agencies the user supervises (`reports.supervise`) and its own (`reports.edit`), so a
 * township sees its own figures and never another township's. Works without JavaScript.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Agency } from '../access/agency.js';
import { subtreeIds } from '../access/agency.js';
import { agenciesStore } from '../access/agencies.store.js';
import { scopeOf } from '../access/permissions.js';
import { legalToday } from '../calendar/legal-day.js';
import type { AppContext } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { requireUser, sendAdminPage } from '../web/admin-kit.js';
import { registerChartAssets } from './chart-assets.js';
import { messageAlarms, supervisionDashboard, type Period } from './dashboard.js';
import { lateItems, lateRequests, RECORD_LIMIT } from './dashboard-records.store.js';
import { AgencyPage } from './views/agency-page.js';
import { DashboardPage } from './views/dashboard-page.js';
import { recordKinds, RecordsPage, type RecordKind, type Records } from './views/records-page.js';

/** The agencies whose dashboard the user may see, in tree order. */
async function dashboardScope(ctx: AppContext, request: FastifyRequest): Promise<Agency[]> {
  const user = requireUser(request);
  const all = await agenciesStore.all(ctx.db);
  const a = scopeOf(user.actor, 'reports.supervise', all);
  const b = scopeOf(user.actor, 'reports.edit', all);
  return all.filter((x) => a.has(x.id) || b.has(x.id));
}

/** The year asked for (default: this year) and its period, counted up to today in the current year. */
function periodOf(ctx: AppContext, asked: string | undefined) {
  const today = legalToday(ctx);
  const thisYear = Number(today.slice(0, 4));
  const n = Number(asked);
  const year = asked && Number.isInteger(n) && n >= 2008 && n <= thisYear ? n : thisYear;
  const to = year === thisYear ? today : `${year}-12-31`;
  const period: Period = { from: `${year}-01-01`, to, today };
  return { year, thisYear, to, period };
}

async function agencyInScope(ctx: AppContext, request: FastifyRequest, id: string): Promise<Agency> {
  const agency = (await dashboardScope(ctx, request)).find((a) => a.id === id);
  // Not in scope looks the same as not existing: a township learns nothing about its neighbours.
  if (!agency) throw notFound('该单位');
  return agency;
}

export function registerSupervisionRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerChartAssets(app);

  app.get<{ Querystring: { year?: string; agency?: string } }>(
    '/admin/supervision',
    async (request, reply) => {
      const scope = await dashboardScope(ctx, request);
      const { year, thisYear, to, period } = periodOf(ctx, request.query.year);
      const chosen = scope.find((a) => a.id === request.query.agency);
      const subtree = chosen ? subtreeIds(scope, chosen.id) : null;
      const shown = subtree ? scope.filter((a) => subtree.has(a.id)) : scope;
      const d = await supervisionDashboard(ctx.db, shown, period);
      return sendAdminPage(
        reply,
        request,
        '监督保障',
        <DashboardPage d={d} f={{ year, thisYear, to, agency: chosen?.id ?? '' }} agencies={scope} />,
      );
    },
  );

  app.get<{ Params: { id: string }; Querystring: { year?: string } }>(
    '/admin/supervision/agencies/:id',
    async (request, reply) => {
      const agency = await agencyInScope(ctx, request, request.params.id);
      const { year, to, period } = periodOf(ctx, request.query.year);
      const d = await supervisionDashboard(ctx.db, [agency], period);
      return sendAdminPage(
        reply,
        request,
        `${agency.name} 监督数据`,
        <AgencyPage d={d} year={year} to={to} />,
      );
    },
  );

  app.get<{ Params: { id: string; kind: string }; Querystring: { year?: string } }>(
    '/admin/supervision/agencies/:id/:kind',
    async (request, reply) => {
      const kind = request.params.kind;
      if (!Object.hasOwn(recordKinds, kind)) throw notFound('该页面');
      const agency = await agencyInScope(ctx, request, request.params.id);
      const { year, period } = periodOf(ctx, request.query.year);
      const k = kind as RecordKind;
      const records: Records =
        k === 'late-items'
          ? { kind: k, rows: await lateItems(ctx.db, agency.id, period) }
          : k === 'late-requests'
            ? { kind: k, rows: await lateRequests(ctx.db, agency.id, period) }
            : { kind: k, rows: await messageAlarms(ctx.db, [agency.id], period.today, RECORD_LIMIT) };
      return sendAdminPage(
        reply,
        request,
        `${agency.name} ${recordKinds[k]}`,
        <RecordsPage
          agencyId={agency.id}
          name={agency.name}
          year={year}
          records={records}
          limit={RECORD_LIMIT}
        />,
      );
    },
  );
}
