/**
 * Admin screens for the working-day calendar (platform administrators, `calendar.manage`): the years and
 * where each arrangement comes from, a year's days and its history of changes, and pasting a new or
 * corrected arrangement (validated whole; nothing is stored on an error).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { requireUser, sendAdminPage } from '../web/admin-kit.js';
import { CsrfField, ErrorSummary, Field, TextField, type Errors } from '../web/views/forms.js';
import { calendarStore, type SavedVersionMeta } from './calendar.store.js';
import { formatDateZh } from './dates.js';
import { effectiveCalendar } from './effective-calendar.js';
import type { NamedRecomputer } from './recompute-registry.js';
import { mayManageCalendar, parseArrangementInput, saveArrangement } from './save-arrangement.js';
import { type YearSource, missingYearWarnings, yearStatuses } from './year-status.js';
import type { DayStatus } from './work-calendar.js';

const SOURCE_ZH: Record<YearSource, string> = {
  shipped: '随系统提供',
  imported: '管理员载入',
  missing: '缺失（按周末推算，暂定）',
};

const STATUS_ZH: Partial<Record<DayStatus, string>> = {
  holiday: '放假',
  makeup: '调休上班',
};

function requireCalendarManager(request: FastifyRequest) {
  const user = requireUser(request);
  if (!mayManageCalendar(user.actor)) throw forbidden('只有平台管理员可以管理工作日历。');
  return user;
}

const when = (iso: string) => iso.replace('T', ' ').slice(0, 16);

function History(props: { versions: SavedVersionMeta[]; caption: string; showYear?: boolean }) {
  if (!props.versions.length) return <p>尚无管理员修改记录。</p>;
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          {props.showYear && <th scope="col">年度</th>}
          <th scope="col">范围</th>
          <th scope="col">版本</th>
          <th scope="col">保存时间（UTC）</th>
          <th scope="col">操作人</th>
          <th scope="col">来源</th>
          <th scope="col">变化天数</th>
          <th scope="col">说明</th>
        </tr>
      </thead>
      <tbody>
        {props.versions.map((v) => (
          <tr>
            {props.showYear && (
              <td>
                <a href={`/admin/calendar/${v.year}`}>{v.year}</a>
              </td>
            )}
            <td>{v.region ? `地方（${v.region}）` : '全国'}</td>
            <td>第{v.version}版</td>
            <td>{when(v.savedAt)}</td>
            <td>{v.savedByLabel}</td>
            <td>{v.source}</td>
            <td>{v.changedDays}</td>
            <td>{v.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ImportForm(props: {
  csrf: string;
  values: Record<string, string>;
  errors: Errors;
  message?: string;
}) {
  const v = props.values;
  return (
    <>
      <h2 id="import">载入或更正放假安排</h2>
      <ErrorSummary errors={props.errors} message={props.message} />
      <form method="post" action="/admin/calendar" novalidate>
        <CsrfField token={props.csrf} />
        <Field
          name="text"
          label="放假安排（JSON）"
          errors={props.errors}
          hint="粘贴一个年度的安排：本系统格式、holiday-cn 格式（year、papers、days），或带 region 的地方节假日（同一年度）。保存前会完整校验，有误则不做任何更改。"
        >
          {(a) => (
            <textarea {...a} rows={12} spellcheck={false}>
              {v.text ?? ''}
            </textarea>
          )}
        </Field>
        <TextField
          name="source"
          label="来源"
          value={v.source}
          errors={props.errors}
          hint="如通知文号或网址"
        />
        <TextField name="note" label="修改说明" value={v.note} errors={props.errors} />
        <button type="submit">保存</button>
      </form>
    </>
  );
}

async function overviewPage(
  ctx: AppContext,
  request: FastifyRequest,
  form?: { values: Record<string, string>; error: DomainError },
) {
  const [years, warnings, history] = await Promise.all([
    yearStatuses(ctx),
    missingYearWarnings(ctx),
    calendarStore.allHistory(ctx.db, 50),
  ]);
  const errors: Errors = form ? { text: form.error.message, ...form.error.fields } : {};
  return (
    <>
      <h1>工作日历</h1>
      {warnings.map((w) => (
        <p class="warning">{w}</p>
      ))}
      <p>
        期限按工作日计算：周一至周五，扣除国务院办公厅通知的放假日，加上调休上班的周末；机关所在地区另有地方节假日的，再叠加地方安排。
      </p>
      <table>
        <caption>各年度国务院节假日安排</caption>
        <thead>
          <tr>
            <th scope="col">年度</th>
            <th scope="col">状态</th>
            <th scope="col">依据</th>
            <th scope="col">最后修改</th>
          </tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr>
              <td>
                <a href={`/admin/calendar/${y.year}`}>{y.year}年</a>
              </td>
              <td>
                {y.source === 'missing' ? (
                  <span class="tag error">{SOURCE_ZH[y.source]}</span>
                ) : (
                  SOURCE_ZH[y.source]
                )}
              </td>
              <td>{y.notices.join('；')}</td>
              <td>
                {y.saved ? `${when(y.saved.savedAt)} ${y.saved.savedByLabel}（第${y.saved.version}版）` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ImportForm
        csrf={request.csrfToken}
        values={form?.values ?? {}}
        errors={errors}
        message={form?.error.message}
      />
      <h2>修改记录</h2>
      <History versions={history} caption="最近的修改（新的在前）" showYear />
    </>
  );
}

/** `recomputers`: the platform's due-date recomputers, run when an arrangement is saved (src/app/). */
export function registerCalendarAdminRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  recomputers: readonly NamedRecomputer[],
): void {
  app.get('/admin/calendar', async (request, reply) => {
    requireCalendarManager(request);
    return sendAdminPage(reply, request, '工作日历', await overviewPage(ctx, request));
  });

  app.post<{ Body: Record<string, string | undefined> }>('/admin/calendar', async (request, reply) => {
    const user = requireCalendarManager(request);
    const body = request.body ?? {};
    const values = { text: body.text ?? '', source: body.source ?? '', note: body.note ?? '' };
    try {
      if (!values.text.trim()) {
        throw new DomainError('calendar.arrangement_missing', '请粘贴放假安排的 JSON 内容。未做任何更改。');
      }
      const input = parseArrangementInput(values.text, values.source || '管理后台');
      const r = await saveArrangement(
        ctx,
        user.actor,
        input,
        { source: values.source || '管理后台', note: values.note },
        recomputers,
      );
      const cases = r.recomputed.reduce((n, x) => n + x.changed, 0);
      const q = new URLSearchParams({
        saved: String(r.version),
        days: String(r.changedDays.length),
        cases: String(cases),
        ...(r.region ? { region: r.region } : {}),
      });
      return reply.redirect(`/admin/calendar/${r.year}?${q.toString()}`, 303);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code === 'auth.forbidden') throw e;
      return sendAdminPage(
        reply,
        request,
        '工作日历',
        await overviewPage(ctx, request, { values, error: e }),
        422,
      );
    }
  });

  app.get<{ Params: { year: string }; Querystring: Record<string, string | undefined> }>(
    '/admin/calendar/:year',
    async (request, reply) => {
      requireCalendarManager(request);
      const yearText = request.params.year;
      if (!/^\d{4}$/.test(yearText) || Number(yearText) < 1970 || Number(yearText) > 2169) {
        throw notFound('该年度');
      }
      const year = Number(yearText);
      const [cal, history, status] = await Promise.all([
        effectiveCalendar(ctx),
        calendarStore.allHistory(ctx.db, 1000),
        yearStatuses(ctx),
      ]);
      const st = status.find((s) => s.year === year);
      const q = request.query;
      const days: { date: string; label: string; name: string }[] = [];
      const working = cal.workingDaysOfYear(year);
      for (
        let d = new Date(Date.UTC(year, 0, 1));
        d.getUTCFullYear() === year;
        d.setUTCDate(d.getUTCDate() + 1)
      ) {
        const info = cal.dayInfo(d.toISOString().slice(0, 10));
        const label = STATUS_ZH[info.status];
        if (label) days.push({ date: info.date, label, name: info.name ?? '' });
      }
      return sendAdminPage(
        reply,
        request,
        `${year}年工作日历`,
        <>
          <p class="breadcrumbs">
            <a href="/admin/calendar">工作日历</a> › {year}年
          </p>
          <h1>{year}年工作日历</h1>
          {q.saved && (
            <p class="notice" role="status">
              已保存{q.region ? `地方（${q.region}）` : ''}第{q.saved}版：{q.days ?? 0}天有变化，重新计算了
              {q.cases ?? 0}件未办结事项的期限。
            </p>
          )}
          {st?.source === 'missing' || !st ? (
            <p class="warning">本年度尚未载入国务院节假日安排，以下按周末推算，为暂定结果。</p>
          ) : (
            <p>
              来源：{SOURCE_ZH[st.source]}。{st.notices.length > 0 && `依据：${st.notices.join('；')}。`}
            </p>
          )}
          <p>全年工作日共 {working.length} 天（全国安排，不含地方节假日）。</p>
          <table>
            <caption>放假与调休上班的日期</caption>
            <thead>
              <tr>
                <th scope="col">日期</th>
                <th scope="col">安排</th>
                <th scope="col">节日</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr>
                  <td>{formatDateZh(d.date)}</td>
                  <td>{d.label}</td>
                  <td>{d.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>修改记录</h2>
          <History
            versions={history.filter((h) => h.year === year)}
            caption={`${year}年的修改（新的在前）`}
          />
          <p>
            <a href="/admin/calendar#import">载入或更正放假安排</a>
          </p>
        </>,
      );
    },
  );
}
