/**
 * Admin: the normative-document registry of an agency — registered documents with their 统一登记号 and
 * 有效期至, those entering the 6-month window before expiry marked for review —, the documents issued before the
 * agency kept its register here (存量文件: entered with their original dates, repealed from this page) and
 * the registry rules.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { legalToday } from '../../calendar/legal-day.js';
import type { AppContext } from '../../platform/context.js';
import { managedAgency } from '../managed-agency.js';
import { requireUser, sendAdminPage } from '../../web/admin-kit.js';
import { ErrorSummary, type Errors } from '../../web/views/forms.js';
import { setRegistryRules } from './manage-registry.js';
import { recordPriorDocument, repealPriorDocument } from './record-prior-document.js';
import { expiryAlertDue, validityRulesFrom } from './normative-rules.js';
import { registryOf } from './registry.js';
import { registryStore } from './registry.store.js';
import { formRoute } from '../../web/form-route.js';
import {
  ExpiringDocuments,
  PriorDocuments,
  RegisterTable,
  RegistryRulesForm,
  type Body,
  type ExpiringDocument,
} from './views/registry-sections.js';

type Q = { Querystring: { agency?: string } };

/** Documents in force whose 有效期至 falls in the reminder window, registered or entered, soonest first. */
function expiringDocuments(
  docs: Awaited<ReturnType<typeof registryOf>>,
  prior: Awaited<ReturnType<typeof registryStore.priorDocumentsOf>>,
  today: string,
): ExpiringDocument[] {
  const due = (expiresOn: string | null) => !!expiresOn && expiryAlertDue(expiresOn, today);
  return [
    ...docs
      .filter((d) => d.validity === 'in_force' && due(d.expires_on))
      .map((d) => ({
        title: d.title,
        docNo: d.doc_no,
        expiresOn: d.expires_on,
        href: `/admin/catalog/items/${d.id}`,
      })),
    ...prior
      .filter((d) => !d.repealed_on && due(d.expires_on))
      .map((d) => ({
        title: d.title,
        docNo: d.doc_no,
        expiresOn: d.expires_on,
        href: `#prior-${d.id}`,
      })),
  ].sort((a, b) => (a.expiresOn! < b.expiresOn! ? -1 : 1));
}

/** The registry page of an agency the user manages, with a refused form's errors and values when given. */
async function registryPage(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  agencyId: string | undefined,
  errors: Errors = {},
  message?: string,
  values?: Body,
) {
  const agency = await managedAgency(ctx, request, agencyId, '您无权管理规范性文件登记。');
  const today = legalToday(ctx);
  const [docs, settings, prior] = await Promise.all([
    registryOf(ctx.db, agency.id),
    registryStore.settings(ctx.db, agency.id),
    registryStore.priorDocumentsOf(ctx.db, [agency.id]),
  ]);
  const numbers = await registryStore.numbersOf(
    ctx.db,
    docs.map((d) => d.id),
  );
  return sendAdminPage(
    reply,
    request,
    '规范性文件登记',
    <>
      <h1>规范性文件登记：{agency.name}</h1>
      <ErrorSummary errors={errors} message={message} />
      <ExpiringDocuments expiring={expiringDocuments(docs, prior, today)} />
      <RegisterTable docs={docs} numbers={numbers} />
      <PriorDocuments
        agencyId={agency.id}
        csrf={request.csrfToken}
        prior={prior}
        today={today}
        errors={errors}
        values={values}
      />
      <RegistryRulesForm
        agencyId={agency.id}
        csrf={request.csrfToken}
        template={settings?.registration_template}
        rules={validityRulesFrom(settings?.validity_rules)}
        errors={errors}
        values={values}
      />
    </>,
    Object.keys(errors).length || message ? 400 : 200,
  );
}

export function registerRegistryAdmin(app: FastifyInstance, ctx: AppContext): void {
  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    agencyId: string | undefined,
    errors?: Errors,
    message?: string,
    values?: Body,
  ) => registryPage(ctx, request, reply, agencyId, errors, message, values);

  app.get<Q>('/admin/catalog/registry', async (request, reply) => page(request, reply, request.query.agency));
  app.post<Q>('/admin/catalog/registry', async (request, reply) => {
    const b = (request.body ?? {}) as Body;
    return formRoute(reply, {
      run: () =>
        setRegistryRules(ctx, requireUser(request).actor, request.query.agency ?? '', {
          registrationTemplate: b.registrationTemplate ?? '',
          defaultYears: b.defaultYears ?? '',
          trialYears: b.trialYears ?? '',
          trialWords: b.trialWords ?? '',
        }),
      redirect: () => `/admin/catalog/registry?agency=${request.query.agency ?? ''}`,
      again: (e) => page(request, reply, request.query.agency, e.fields, e.message, b),
    });
  });
  app.post<Q>('/admin/catalog/registry/prior', async (request, reply) => {
    const b = (request.body ?? {}) as Body;
    return formRoute(reply, {
      run: () => recordPriorDocument(ctx, requireUser(request).actor, request.query.agency ?? '', b),
      redirect: ({ id }) => `/admin/catalog/registry?agency=${request.query.agency ?? ''}#prior-${id}`,
      again: (e) => page(request, reply, request.query.agency, e.fields, e.message, b),
    });
  });
  app.post<Q & { Params: { id: string } }>(
    '/admin/catalog/registry/prior/:id/repeal',
    async (request, reply) => {
      const b = (request.body ?? {}) as Body;
      return formRoute(reply, {
        run: () =>
          repealPriorDocument(
            ctx,
            requireUser(request).actor,
            request.params.id,
            b[`repeal-${request.params.id}`],
          ),
        redirect: () =>
          `/admin/catalog/registry?agency=${request.query.agency ?? ''}#prior-${request.params.id}`,
        // The row's own field carries the message (one repeal form per row).
        again: (e) =>
          page(
            request,
            reply,
            request.query.agency,
            { [`repeal-${request.params.id}`]: e.fields?.repealedOn ?? e.message },
            e.message,
          ),
      });
    },
  );
}
