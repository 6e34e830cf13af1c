/**
 * The 考核与责任追究 page: the year's assessment results and accountability cases, the responsible agency's
 * rectification report form on each open case, and the supervisor's forms to record a result or open a case.
 */
import type { Agency } from '../../access/agency.js';
import { CsrfField, ErrorSummary, Field, TextField, type Errors } from '../../web/views/forms.js';
import {
  caseStatusLabel,
  gradeLabel,
  grades,
  problemSourceLabel,
  problemSources,
  type CaseStatus,
  type Grade,
  type ProblemSource,
} from '../accountability.js';
import type { AssessmentRow, CaseRow } from '../supervision.store.js';

export const ACCOUNTABILITY_PATH = '/admin/accountability';
const PATH = ACCOUNTABILITY_PATH;

type Form = Record<string, string | undefined>;

/** A refused form: which one (`assessment`, `case` or a case's id), its errors and the values submitted. */
export interface AccountabilityForm {
  which?: string;
  errors?: Errors;
  values?: Form;
  message?: string;
}

interface AccountabilityView {
  year: number;
  csrf: string;
  /** Agency names by id, for the tables' rows. */
  name: Map<string, string>;
  /** The agencies the user supervises: the supervisor's forms offer only these. */
  supervised: Agency[];
  supervise: Set<string>;
  edit: Set<string>;
  assessments: AssessmentRow[];
  cases: CaseRow[];
  form: AccountabilityForm;
}

/** One form's share of a refusal: the errors, values and message when it was the form refused, else none. */
interface FormState {
  errors: Errors;
  values: Form;
  message?: string;
}

function stateOf(form: AccountabilityForm, which: string): FormState {
  return form.which === which
    ? { errors: form.errors ?? {}, values: form.values ?? {}, message: form.message }
    : { errors: {}, values: {} };
}

function AgencySelect(props: {
  name: string;
  label: string;
  agencies: { id: string; name: string }[];
  value?: string;
  errors: Errors;
}) {
  return (
    <Field name={props.name} label={props.label} errors={props.errors}>
      {(a) => (
        <select {...a}>
          <option value="">（请选择）</option>
          {props.agencies.map((x) => (
            <option value={x.id} selected={props.value === x.id}>
              {x.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function AssessmentsTable({ v }: { v: AccountabilityView }) {
  return (
    <table>
      <caption>{v.year}年度政务公开工作考核</caption>
      <thead>
        <tr>
          <th scope="col">单位</th>
          <th scope="col" class="num">
            得分
          </th>
          <th scope="col">等次</th>
          <th scope="col">考核情况</th>
        </tr>
      </thead>
      <tbody>
        {v.assessments.map((a) => (
          <tr>
            <th scope="row">{v.name.get(a.agency_id)}</th>
            <td class="num">{a.score}</td>
            <td>{gradeLabel[a.grade as Grade] ?? a.grade}</td>
            <td>{a.summary}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AssessmentForm({ v }: { v: AccountabilityView }) {
  const { errors: e, values, message } = stateOf(v.form, 'assessment');
  return (
    <>
      <h3>录入考核结果</h3>
      <ErrorSummary errors={e} message={message} />
      <form method="post" action={`${PATH}/assessment?year=${v.year}`} novalidate>
        <CsrfField token={v.csrf} />
        <input type="hidden" name="year" value={String(v.year)} />
        <AgencySelect
          name="agencyId"
          label="被考核单位"
          agencies={v.supervised}
          value={values.agencyId}
          errors={e}
        />
        <TextField name="score" label="得分（0–100）" value={values.score} errors={e} />
        <Field name="grade" label="等次" errors={e}>
          {(a) => (
            <select {...a}>
              <option value="">（请选择）</option>
              {grades.map((g) => (
                <option value={g} selected={values.grade === g}>
                  {gradeLabel[g]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField name="summary" label="考核情况" value={values.summary} errors={e} />
        <button type="submit">保存考核结果</button>
      </form>
    </>
  );
}

/** What can be done with a case now: the responsible agency reports; the supervisor accepts or returns. */
function CaseActions({ v, c }: { v: AccountabilityView; c: CaseRow }) {
  if (c.status === 'open' && v.edit.has(c.agency_id)) {
    const reportError = v.form.which === c.id && v.form.errors?.reportText;
    return (
      <form method="post" action={`${PATH}/cases/${c.id}/report?year=${v.year}`}>
        <CsrfField token={v.csrf} />
        {reportError && (
          <p class="error-message" role="alert">
            {reportError}
          </p>
        )}
        <label for={`f-reportText-${c.id}`}>整改情况书面报告</label>
        <textarea id={`f-reportText-${c.id}`} name="reportText"></textarea>
        <button type="submit">报送</button>
      </form>
    );
  }
  if (c.status !== 'reported') return null;
  return (
    <>
      <p class="pre-wrap">{c.report_text}</p>
      {v.supervise.has(c.agency_id) && (
        <form method="post" action={`${PATH}/cases/${c.id}/review?year=${v.year}`} class="inline">
          <CsrfField token={v.csrf} />
          <button type="submit" name="accept" value="yes">
            验收通过
          </button>
          <button type="submit" name="accept" value="no" class="secondary">
            退回
          </button>
        </form>
      )}
    </>
  );
}

function CasesTable({ v }: { v: AccountabilityView }) {
  return (
    <table>
      <caption>{v.year}年度责任追究与整改</caption>
      <thead>
        <tr>
          <th scope="col">责任单位</th>
          <th scope="col">来源</th>
          <th scope="col">发现的问题</th>
          <th scope="col">责任人</th>
          <th scope="col">处理措施</th>
          <th scope="col">整改报告期限</th>
          <th scope="col">状态</th>
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        {v.cases.map((c) => (
          <tr>
            <th scope="row">{v.name.get(c.agency_id)}</th>
            <td>{problemSourceLabel[c.source as ProblemSource] ?? c.source}</td>
            <td>{c.problem}</td>
            <td>{c.responsible}</td>
            <td>{c.measure}</td>
            <td>
              {c.report_due_on}
              {c.report_submitted_on && `（${c.report_submitted_on} 报送）`}
            </td>
            <td>{caseStatusLabel[c.status as CaseStatus] ?? c.status}</td>
            <td>
              <CaseActions v={v} c={c} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CaseForm({ v }: { v: AccountabilityView }) {
  const { errors: e, values, message } = stateOf(v.form, 'case');
  return (
    <>
      <h3>登记责任追究</h3>
      <ErrorSummary errors={e} message={message} />
      <form method="post" action={`${PATH}/cases?year=${v.year}`} novalidate>
        <CsrfField token={v.csrf} />
        <AgencySelect
          name="agencyId"
          label="责任单位"
          agencies={v.supervised}
          value={values.agencyId}
          errors={e}
        />
        <Field name="source" label="问题来源" errors={e}>
          {(a) => (
            <select {...a}>
              <option value="">（请选择）</option>
              {problemSources.map((s) => (
                <option value={s} selected={values.source === s}>
                  {problemSourceLabel[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField name="problem" label="发现的问题" value={values.problem} errors={e} />
        <TextField name="responsible" label="责任单位或责任人" value={values.responsible} errors={e} />
        <TextField name="measure" label="处理措施" value={values.measure} errors={e} />
        <TextField
          name="reportDueOn"
          label="整改报告报送期限"
          type="date"
          value={values.reportDueOn}
          errors={e}
        />
        <button type="submit">登记</button>
      </form>
    </>
  );
}

export function AccountabilityPage({ v }: { v: AccountabilityView }) {
  return (
    <>
      <h1>考核与责任追究（{v.year}年度）</h1>
      <form method="get" action={PATH} class="inline">
        <label for="f-year">年度</label>
        <input type="number" id="f-year" name="year" value={String(v.year)} min="2008" max="2100" />
        <button type="submit">查看</button>
      </form>
      <h2>考核结果</h2>
      <AssessmentsTable v={v} />
      {v.supervised.length > 0 && <AssessmentForm v={v} />}
      <h2>责任追究</h2>
      <CasesTable v={v} />
      {v.supervised.length > 0 && <CaseForm v={v} />}
    </>
  );
}
