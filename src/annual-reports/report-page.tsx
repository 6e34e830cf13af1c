/**
 * One annual report's admin page: status and deadline, the cross-checks and writing warnings, the narrative editor
 * beside the computed draft, and the workflow forms the user may submit now.
 */
import { legalDayOf } from '../calendar/legal-day.js';
import { deadlineLabel, deadlineStatus, reportDueOn } from '../reports/deadline.js';
import { CsrfField, ErrorSummary, Field, type Errors } from '../web/views/forms.js';
import { NARRATIVE_PARTS, type Narrative } from './narrative.js';
import { canStep, statusLabel } from './workflow.js';
import type { WorkingReport } from './working-report.js';
import type { WritingWarning } from './writing/narrative-numbers.js';

interface ReportPageView {
  w: WorkingReport;
  /** The narrative shown: the one just submitted when the save was refused, else the stored one. */
  narrative: Narrative | undefined;
  warnings: WritingWarning[];
  mayEdit: boolean;
  maySupervise: boolean;
  /** Today's legal day, for the deadline's status. */
  today: string;
  csrf: string;
  errors: Errors;
  message?: string;
}

const sectionTitle = (section: string) =>
  section === 's1'
    ? '一、总体情况'
    : section === 's5'
      ? '五、存在的主要问题及改进情况'
      : '六、其他需要报告的事项';

/** Status, published versions, the Art. 49 deadline and the supervising office's return comment. */
function ReportStatus({ v }: { v: ReportPageView }) {
  const { agency, year, record: r } = v.w;
  const dueOn = reportDueOn(agency.level, year);
  return (
    <>
      <p>
        状态：<strong id="report-status">{statusLabel[r?.status ?? 'not_started']}</strong>
        {r && r.publishedVersions > 0 && (
          <>
            　
            <a href={`/${agency.pathSegment}/xxgk/ndbg/${year}`}>
              查看已公开的年报（{r.publishedVersions} 个版本）
            </a>
          </>
        )}
      </p>
      <p>
        公开期限：{dueOn}（
        {
          deadlineLabel[
            deadlineStatus(dueOn, r?.firstPublishedAt ? legalDayOf(r.firstPublishedAt) : null, v.today)
          ]
        }
        ；《条例》第四十九条）
      </p>
      {r?.status === 'returned' && r.returnComment && (
        <div class="notice" role="status">
          <h2>主管部门退回意见</h2>
          <p id="return-comment">{r.returnComment}</p>
        </div>
      )}
    </>
  );
}

function FailedChecks({ w }: { w: WorkingReport }) {
  const failed = w.checks.filter((c) => c.status === 'failed');
  return (
    <section aria-labelledby="checks">
      <h2 id="checks">勾稽关系检查</h2>
      {failed.length === 0 ? (
        <p>全部通过。</p>
      ) : (
        <ul id="failed-checks">
          {failed.map((c) => (
            <li>
              <strong>{c.severity === 'error' ? '错误' : '提示'}</strong>：{c.title}
              <ul>
                {c.findings.slice(0, 5).map((f) => (
                  <li>{f.message}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function WritingWarnings({ warnings }: { warnings: WritingWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <section aria-labelledby="writing">
      <h2 id="writing">文字检查提示</h2>
      <ul id="writing-warnings">
        {warnings.map((x) => (
          <li>{x.message}</li>
        ))}
      </ul>
    </section>
  );
}

/** The computed draft, shown beside the editor so staff can copy its computed sentences. */
function DraftText({ draft }: { draft: Record<string, string> }) {
  return (
    <details>
      <summary>查看系统生成的初稿（数字由表格计算）</summary>
      {NARRATIVE_PARTS.map((p) => (
        <p>
          <strong>{p.label}</strong> {draft[p.id]}
        </p>
      ))}
    </details>
  );
}

/** The narrative editor: read-only unless the user may edit the report in its present status. */
function NarrativeForm({ v, base, editable }: { v: ReportPageView; base: string; editable: boolean }) {
  return (
    <form method="post" action={`${base}/save`} novalidate>
      <CsrfField token={v.csrf} />
      <h2>正文</h2>
      {NARRATIVE_PARTS.map((p) => (
        <Field name={p.id} label={`${sectionTitle(p.section)} ${p.label}`} errors={v.errors}>
          {(a) => (
            <textarea {...a} rows={5} readOnly={!editable}>
              {v.narrative?.[p.id] ?? ''}
            </textarea>
          )}
        </Field>
      ))}
      <DraftText draft={v.w.draft} />
      {editable && <button type="submit">保存正文</button>}
    </form>
  );
}

function ReturnOrAccept({ v, base }: { v: ReportPageView; base: string }) {
  return (
    <>
      <form method="post" action={`${base}/return`} novalidate>
        <CsrfField token={v.csrf} />
        <Field name="comment" label="退回修改意见" errors={v.errors}>
          {(a) => <textarea {...a} rows={3}></textarea>}
        </Field>
        <button type="submit">退回修改</button>
      </form>
      <form method="post" action={`${base}/accept`}>
        <CsrfField token={v.csrf} />
        <button type="submit">审核通过</button>
      </form>
    </>
  );
}

function PublishForm({ v, base }: { v: ReportPageView; base: string }) {
  return (
    <form method="post" action={`${base}/publish`} novalidate>
      <CsrfField token={v.csrf} />
      {v.w.failingErrors.length > 0 && (
        <Field
          name="overrideReason"
          label="强制公开的理由（存在勾稽关系错误时必填，将在发布记录中公开）"
          errors={v.errors}
        >
          {(a) => <textarea {...a} rows={3}></textarea>}
        </Field>
      )}
      <button type="submit">公开年报</button>
    </form>
  );
}

function ReopenForm({ v, base }: { v: ReportPageView; base: string }) {
  return (
    <form method="post" action={`${base}/reopen`} novalidate>
      <CsrfField token={v.csrf} />
      <Field name="reason" label="更正理由（更正后将作为新版本重新公开，原版本保留）" errors={v.errors}>
        {(a) => <textarea {...a} rows={3}></textarea>}
      </Field>
      <button type="submit">更正重发</button>
    </form>
  );
}

export function ReportPage({ v }: { v: ReportPageView }) {
  const { agency, year, record: r } = v.w;
  const base = `/admin/annual-reports/${agency.id}/${year}`;
  const may = (by: boolean, step: Parameters<typeof canStep>[1]) => !!r && by && canStep(r.status, step);
  return (
    <>
      <h1>
        {agency.name}
        {year}年政府信息公开工作年度报告
      </h1>
      <ErrorSummary errors={v.errors} message={v.message} />
      <ReportStatus v={v} />
      <FailedChecks w={v.w} />
      <WritingWarnings warnings={v.warnings} />
      {!r && v.mayEdit && (
        <form method="post" action={`${base}/start`}>
          <CsrfField token={v.csrf} />
          <p>系统将根据表格数据生成正文初稿，其中的数字均由系统计算。</p>
          <button type="submit">开始编写</button>
        </form>
      )}
      {r && <NarrativeForm v={v} base={base} editable={may(v.mayEdit, 'edit')} />}
      {may(v.mayEdit, 'submit') && (
        <form method="post" action={`${base}/submit`}>
          <CsrfField token={v.csrf} />
          <button type="submit">报送主管部门</button>
        </form>
      )}
      {may(v.maySupervise, 'return') && <ReturnOrAccept v={v} base={base} />}
      {may(v.mayEdit, 'publish') && <PublishForm v={v} base={base} />}
      {may(v.mayEdit, 'reopen') && <ReopenForm v={v} base={base} />}
    </>
  );
}
