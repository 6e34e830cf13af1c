/**
 * 考核与责任追究 screens: supervisors (`reports.supervise`) record a year's assessment, open accountability
 * cases and accept or return rectification reports; the responsible agency (`reports.edit`) submits its
 * 整改情况书面报告. Each agency-year's facts for the annual report are shown as the paragraph they produce.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { agenciesStore } from '../access/agencies.store.js';
import { scopeOf } from '../access/permissions.js';
import { legalToday } from '../calendar/legal-day.js';
import type { CurrentUser } from '../access/auth/current-user.js';
import type { AppContext } from '../platform/context.js';
import { requireUser, sendAdminPage } from '../web/admin-kit.js';
import {
  openAccountabilityCase,
  reviewRectification,
  submitRectificationReport,
} from './accountability-cases.js';
import { recordAssessment } from './record-assessment.js';
import { supervisionStore } from './supervision.store.js';
import { formRoute } from '../web/form-route.js';
import {
  ACCOUNTABILITY_PATH as PATH,
  AccountabilityPage,
  type AccountabilityForm,
} from './views/accountability-page.js';

type Form = Record<string, string | undefined>;

/** The page for `year` with what the user may see and do; `form` is a refused form to show again. */
async function page(
  ctx: AppContext,
  request: FastifyRequest,
  user: CurrentUser,
  year: number,
  form: AccountabilityForm = {},
) {
  const all = await agenciesStore.all(ctx.db);
  const supervise = scopeOf(user.actor, 'reports.supervise', all);
  const edit = scopeOf(user.actor, 'reports.edit', all);
  const visible = all.filter((a) => supervise.has(a.id) || edit.has(a.id));
  const assessments = await supervisionStore.assessmentsOf(
    ctx.db,
    visible.map((a) => a.id),
    year,
  );
  const cases = await supervisionStore.casesOf(
    ctx.db,
    visible.map((a) => a.id),
    year,
  );
  return (
    <AccountabilityPage
      v={{
        year,
        csrf: request.csrfToken,
        name: new Map(all.map((a) => [a.id, a.name])),
        supervised: all.filter((a) => supervise.has(a.id)),
        supervise,
        edit,
        assessments,
        cases,
        form,
      }}
    />
  );
}

export function registerAccountabilityRoutes(app: FastifyInstance, ctx: AppContext): void {
  const yearOf = (q: { year?: string }) => {
    const y = Number(q.year);
    return Number.isInteger(y) && y >= 2008 && y <= 2100 ? y : Number(legalToday(ctx).slice(0, 4));
  };
  type Req = { Querystring: { year?: string }; Body: Form };

  app.get<Req>(PATH, async (request, reply) => {
    const user = requireUser(request);
    return sendAdminPage(
      reply,
      request,
      '考核与责任追究',
      await page(ctx, request, user, yearOf(request.query)),
    );
  });

  const post = (
    path: string,
    which: (r: FastifyRequest<Req & { Params: { id?: string } }>) => string,
    run: (r: FastifyRequest<Req & { Params: { id?: string } }>, user: CurrentUser) => Promise<unknown>,
  ) =>
    app.post<Req & { Params: { id?: string } }>(path, async (request, reply) => {
      const user = requireUser(request);
      const year = yearOf(request.query);
      return formRoute(reply, {
        run: () => run(request, user),
        redirect: () => `${PATH}?year=${year}`,
        again: async (e) => {
          const body = await page(ctx, request, user, year, {
            which: which(request),
            errors: e.fields,
            values: request.body,
            message: e.message,
          });
          return sendAdminPage(reply, request, '考核与责任追究', body, 422);
        },
      });
    });

  post(
    `${PATH}/assessment`,
    () => 'assessment',
    (r, u) => recordAssessment(ctx, u.actor, r.body ?? {}),
  );
  post(
    `${PATH}/cases`,
    () => 'case',
    (r, u) => openAccountabilityCase(ctx, u.actor, r.body ?? {}),
  );
  post(
    `${PATH}/cases/:id/report`,
    (r) => r.params.id ?? '',
    (r, u) => submitRectificationReport(ctx, u.actor, r.params.id ?? '', r.body ?? {}),
  );
  post(
    `${PATH}/cases/:id/review`,
    () => 'review',
    (r, u) => reviewRectification(ctx, u.actor, r.params.id ?? '', r.body?.accept === 'yes'),
  );
}
