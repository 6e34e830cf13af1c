/**
 * Entering table 三 by hand, for years whose requests were not handled in Gongkai: the six applicant columns
 * of every row the sources fill (totals and （七）总计 are computed), with one source note for the year.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Agency } from '../../access/agency.js';
import type { AppContext } from '../../platform/context.js';
import { requireUser, sendAdminPage } from '../../web/admin-kit.js';
import { CsrfField, ErrorSummary, TextField, type Errors } from '../../web/views/forms.js';
import { reportAgency } from '../entry/access.js';
import { saveEnteredTable3 } from '../entry/save-table3.js';
import { cellId, formatForYear, table3SourceRows } from '../model/formats.js';
import { APPLICANT_KINDS, TABLE3_COLUMNS } from '../model/shared-tables.js';
import { table3EntriesStore } from '../stores/table3-entries.store.js';
import { reportPaths, yearOf } from './paths.js';
import { ReportNav } from './report-nav.js';
import { formRoute } from '../../web/form-route.js';

type Form = Record<string, string | undefined>;
type YearParams = { Params: { agencyId: string; year: string } };

const inputName = (id: string) => `c:${id}`;

/** Filled inputs → counts; text that is not a whole number becomes NaN, which the use case refuses. */
function table3FormToCells(year: number, form: Form): Record<string, number> {
  const cells: Record<string, number> = {};
  for (const row of table3SourceRows(formatForYear(year))) {
    for (const kind of APPLICANT_KINDS) {
      const id = cellId(row.id, kind);
      const text = (form[inputName(id)] ?? '').trim();
      if (text !== '') cells[id] = /^\d+$/.test(text) ? Number(text) : NaN;
    }
  }
  return cells;
}

function Table3Page(props: {
  agency: Agency;
  year: number;
  editable: boolean;
  values: Form;
  errors: Errors;
  message?: string | undefined;
  csrf: string;
  saved: boolean;
}) {
  const { agency, year, values } = props;
  const rows = table3SourceRows(formatForYear(year));
  const kinds = TABLE3_COLUMNS.filter((c) => c.id !== 'total');
  return (
    <>
      <ReportNav agency={agency} year={year} current="table3" />
      <h1>{year}年度依申请公开数据（手工填报）</h1>
      {props.saved && (
        <p class="notice" role="status">
          已保存。
        </p>
      )}
      <ErrorSummary errors={props.errors} message={props.message} />
      <p class="hint">
        适用于未在本平台办理申请的年度。总计列和“（七）总计”行由系统相加得出；留空的格在年报中为空。保存时替换本年度全部手工数据。
      </p>
      <form method="post" action={reportPaths.table3(agency.id, year)} novalidate>
        {props.editable && <CsrfField token={props.csrf} />}
        <table class="report-table">
          <caption>三、收到和处理政府信息公开申请情况（件）</caption>
          <thead>
            <tr>
              <th scope="col">项目</th>
              {kinds.map((c) => (
                <th scope="col">{c.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <th scope="row">{row.label}</th>
                {kinds.map((c) => {
                  const name = inputName(cellId(row.id, c.id));
                  const error = props.errors[cellId(row.id, c.id)];
                  return (
                    <td class={error ? 'field-error' : undefined}>
                      <input
                        type="text"
                        inputMode="numeric"
                        size={4}
                        id={`f-${cellId(row.id, c.id).replace(/[^a-zA-Z0-9_-]/g, '-')}`}
                        name={name}
                        value={values[name] ?? ''}
                        aria-label={`${row.label} ${c.label}`}
                        aria-invalid={error ? 'true' : undefined}
                        readOnly={!props.editable}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <TextField
          name="source"
          label="数据来源"
          value={values.source}
          errors={props.errors}
          hint="如：2020年依申请公开登记台账"
        />
        {props.editable && <button type="submit">保存</button>}
      </form>
    </>
  );
}

async function page(
  ctx: AppContext,
  request: FastifyRequest<YearParams>,
  reply: FastifyReply,
  extra: { values?: Form; errors?: Errors; message?: string; saved?: boolean } = {},
  status = 200,
) {
  const user = requireUser(request);
  const year = yearOf(request.params.year);
  const agency = await reportAgency(ctx, user.actor, request.params.agencyId, 'read');
  const editable = await reportAgency(ctx, user.actor, agency.id, 'edit').then(
    () => true,
    () => false,
  );
  let values = extra.values;
  if (!values) {
    const stored = await table3EntriesStore.get(ctx.db, agency.id, year);
    values = { source: stored?.source ?? '' };
    for (const [id, n] of Object.entries(stored?.cells ?? {})) values[inputName(id)] = String(n);
  }
  return sendAdminPage(
    reply,
    request,
    `${agency.name}${year}年度依申请公开数据`,
    <Table3Page
      agency={agency}
      year={year}
      editable={editable}
      values={values}
      errors={extra.errors ?? {}}
      message={extra.message}
      csrf={request.csrfToken}
      saved={extra.saved ?? false}
    />,
    status,
  );
}

export function registerTable3Routes(app: FastifyInstance, ctx: AppContext): void {
  const path = '/admin/reports/:agencyId/:year/table3';
  app.get<YearParams & { Querystring: { saved?: string } }>(path, (request, reply) =>
    page(ctx, request, reply, { saved: request.query.saved !== undefined }),
  );
  app.post<YearParams & { Body: Form }>(path, async (request, reply) => {
    const user = requireUser(request);
    const year = yearOf(request.params.year);
    const form = request.body ?? {};
    return formRoute(reply, {
      run: () =>
        saveEnteredTable3(ctx, user.actor, request.params.agencyId, year, {
          cells: table3FormToCells(year, form),
          source: form.source ?? '',
        }),
      redirect: () => `${reportPaths.table3(request.params.agencyId, year)}?saved=1`,
      again: (e) => page(ctx, request, reply, { values: form, errors: e.fields, message: e.message }, 422),
    });
  });
}
