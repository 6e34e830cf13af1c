/** Admin screens for the agency record: the list in the user's scope, and the edit form (Art. 12 details). */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { forbidden, notFound } from '../platform/errors.js';
import { agenciesInScope, requireUser, sendAdminPage } from '../web/admin-kit.js';
import { CsrfField, ErrorSummary, Field, TextField, type Errors } from '../web/views/forms.js';
import { agenciesStore } from '../access/agencies.store.js';
import { agencyLevelLabel, agencyLevels, type Agency } from '../access/agency.js';
import { can, mayChangeStructure } from '../access/permissions.js';
import { derivedReviewBody, reviewBodyFindings } from '../access/review-body.js';
import { updateAgency } from './save-agency.js';
import { formRoute } from '../web/form-route.js';

type Form = Record<string, string | undefined>;

/** The flat form fields → the use case's input shape. */
function agencyFormToInput(f: Form, current: Agency) {
  return {
    parentId: current.parentId,
    name: f.name,
    shortName: f.shortName,
    creditCode: f.creditCode,
    divisionCode: f.divisionCode,
    level: f.level,
    calendarRegion: f.calendarRegion,
    pathSegment: f.pathSegment,
    supervisorId: f.supervisorId,
    reconsiderationBody: f.reconsiderationBody,
    reconsiderationBodyReason: f.reconsiderationBodyReason,
    deliveryMarginDays: f.deliveryMarginDays,
    hasRulemakingPower: f.hasRulemakingPower === 'on',
    office: {
      name: f['office.name'],
      address: f['office.address'],
      postcode: f['office.postcode'],
      hours: f['office.hours'],
      phone: f['office.phone'],
      fax: f['office.fax'],
      email: f['office.email'],
    },
    docNoPrefixes: (f.docNoPrefixes ?? '')
      .split(/[,，、\s]+/)
      .map((s) => s.trim())
      .filter(Boolean),
    sortOrder: current.sortOrder,
  };
}

/**
 * The 复议机关: the body the tree derives under 行政复议法 Art. 24 as the hint; another body only with a reason.
 * Findings of the stored record (it names itself, an override without a reason) show above the fields.
 */
function ReviewBodyFields(props: {
  agency: Agency;
  all: Agency[];
  values: Form;
  errors: Errors;
  locked: boolean;
}) {
  const derived = derivedReviewBody(props.all, props.agency.id);
  const findings = reviewBodyFindings(props.all, props.agency);
  return (
    <>
      {findings.map((f) => (
        <p class="warning">{f.message}</p>
      ))}
      <TextField
        name="reconsiderationBody"
        label="另行指定的行政复议机关"
        value={props.values.reconsiderationBody}
        errors={props.errors}
        readonly={props.locked}
        hint={
          derived.name
            ? `依照${derived.basis}，本机关的行政复议机关为${derived.name}，留空即采用；仅在法律另有规定时（如第二十七条规定的实行垂直领导的机关、税务机关）填写其他机关`
            : '本机关的上级人民政府不在本平台，无法依照《中华人民共和国行政复议法》第二十四条推导，请填写答复书中载明的行政复议机关'
        }
      />
      <TextField
        name="reconsiderationBodyReason"
        label="另行指定的理由"
        value={props.values.reconsiderationBodyReason}
        errors={props.errors}
        readonly={props.locked}
        hint="另行指定的复议机关与依法推导的不同时必填，写明法律依据"
      />
    </>
  );
}

function AgencyForm(props: {
  agency: Agency;
  all: Agency[];
  values: Form;
  errors: Errors;
  csrf: string;
  message?: string;
  /** The level, supervising office and 复议机关 are shown but not offered for change (mayChangeStructure). */
  structureLocked: boolean;
}) {
  const v = props.values;
  const e = props.errors;
  const locked = props.structureLocked;
  const lockedHint = locked ? '只能由平台管理员或主管部门调整' : undefined;
  return (
    <>
      <h1>{props.agency.name}</h1>
      <ErrorSummary errors={e} message={props.message} />
      <form method="post" action={`/admin/agencies/${props.agency.id}`} novalidate>
        <CsrfField token={props.csrf} />
        <h2>基本信息</h2>
        <TextField name="name" label="机关名称" value={v.name} errors={e} />
        <TextField name="shortName" label="简称" value={v.shortName} errors={e} />
        <TextField
          name="creditCode"
          label="统一社会信用代码"
          value={v.creditCode}
          errors={e}
          hint="18 位，系统会核对校验位"
        />
        <TextField name="divisionCode" label="行政区划代码" value={v.divisionCode} errors={e} />
        <Field name="level" label="机关层级" errors={e} hint={lockedHint}>
          {(a) => (
            <select {...a}>
              {agencyLevels
                .filter((l) => !locked || l === props.agency.level)
                .map((l) => (
                  <option value={l} selected={v.level === l}>
                    {agencyLevelLabel[l]}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <TextField
          name="pathSegment"
          label="网站路径"
          value={v.pathSegment}
          errors={e}
          hint="本机关网页的地址段，如 zhongxing"
        />
        <TextField
          name="calendarRegion"
          label="地方节假日地区代码"
          value={v.calendarRegion}
          errors={e}
          hint="适用地方性节假日的省级行政区划代码，如广西为 450000；无则留空"
        />
        <Field name="supervisorId" label="主管部门（政府信息公开工作主管部门）" errors={e} hint={lockedHint}>
          {(a) => (
            <select {...a}>
              {(!locked || !props.agency.supervisorId) && <option value="">（无）</option>}
              {props.all
                .filter((x) => x.id !== props.agency.id && (!locked || x.id === props.agency.supervisorId))
                .map((x) => (
                  <option value={x.id} selected={v.supervisorId === x.id}>
                    {x.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <div class="field">
          <input
            type="checkbox"
            id="f-hasRulemakingPower"
            name="hasRulemakingPower"
            checked={v.hasRulemakingPower === 'on'}
          />{' '}
          <label for="f-hasRulemakingPower" class="inline-label">
            有规章制定权
          </label>
        </div>
        <TextField
          name="docNoPrefixes"
          label="发文字号代字"
          value={v.docNoPrefixes}
          errors={e}
          hint="多个用逗号分隔，如：仲政，仲政办"
        />
        <h2>送达与救济</h2>
        <TextField
          name="deliveryMarginDays"
          label="邮寄送达在途天数"
          value={v.deliveryMarginDays}
          errors={e}
          type="number"
          hint="0 至 15 个工作日：用于推定邮寄的告知书、答复书的送达日，以及征求第三方意见时暂停答复期限的上限（15 个工作日加在途天数）"
        />
        <ReviewBodyFields agency={props.agency} all={props.all} values={v} errors={e} locked={locked} />
        <h2>政府信息公开工作机构（条例第十二条）</h2>
        <TextField name="office.name" label="机构名称" value={v['office.name']} errors={e} />
        <TextField name="office.address" label="办公地址" value={v['office.address']} errors={e} />
        <TextField name="office.postcode" label="邮政编码" value={v['office.postcode']} errors={e} />
        <TextField name="office.hours" label="办公时间" value={v['office.hours']} errors={e} />
        <TextField name="office.phone" label="联系电话" value={v['office.phone']} errors={e} type="tel" />
        <TextField name="office.fax" label="传真" value={v['office.fax']} errors={e} type="tel" />
        <TextField name="office.email" label="电子邮箱" value={v['office.email']} errors={e} type="email" />
        <button type="submit">保存</button>
      </form>
    </>
  );
}

/** The edit form filled with the agency as stored (also how tests post a change the way the browser does). */
export function agencyToForm(a: Agency): Form {
  return {
    name: a.name,
    shortName: a.shortName,
    creditCode: a.creditCode,
    divisionCode: a.divisionCode,
    level: a.level,
    pathSegment: a.pathSegment,
    calendarRegion: a.calendarRegion ?? '',
    supervisorId: a.supervisorId ?? '',
    reconsiderationBody: a.reconsiderationBody,
    reconsiderationBodyReason: a.reconsiderationBodyReason,
    deliveryMarginDays: String(a.deliveryMarginDays),
    hasRulemakingPower: a.hasRulemakingPower ? 'on' : '',
    docNoPrefixes: a.docNoPrefixes.join('，'),
    'office.name': a.office.name,
    'office.address': a.office.address,
    'office.postcode': a.office.postcode,
    'office.hours': a.office.hours,
    'office.phone': a.office.phone,
    'office.fax': a.office.fax,
    'office.email': a.office.email,
  };
}

export function registerAgencyAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/admin/agencies', async (request, reply) => {
    const user = requireUser(request);
    const agencies = await agenciesInScope(ctx, user, 'agency.read');
    return sendAdminPage(
      reply,
      request,
      '机关信息',
      <>
        <h1>机关信息</h1>
        <table>
          <caption>您可查看的机关</caption>
          <thead>
            <tr>
              <th scope="col">名称</th>
              <th scope="col">层级</th>
              <th scope="col">统一社会信用代码</th>
              <th scope="col">网站路径</th>
            </tr>
          </thead>
          <tbody>
            {agencies.map((a) => (
              <tr>
                <td>
                  <a href={`/admin/agencies/${a.id}`}>{a.name}</a>
                </td>
                <td>{agencyLevelLabel[a.level]}</td>
                <td>{a.creditCode}</td>
                <td>/{a.pathSegment}/</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>,
    );
  });

  app.get<{ Params: { id: string }; Querystring: { saved?: string } }>(
    '/admin/agencies/:id',
    async (request, reply) => {
      const user = requireUser(request);
      const all = await agenciesStore.all(ctx.db);
      const agency = all.find((a) => a.id === request.params.id);
      const restructure = agency !== undefined && mayChangeStructure(user.actor, agency, all);
      if (!agency || !(restructure || can(user.actor, 'agency.read', agency.id, all)))
        throw notFound('该机关');
      if (!restructure && !can(user.actor, 'agency.manage', agency.id, all)) {
        throw forbidden('您可以查看该机关，但无权修改其信息。');
      }
      return sendAdminPage(
        reply,
        request,
        agency.name,
        <>
          {request.query.saved && (
            <p class="notice" role="status">
              已保存。
            </p>
          )}
          <AgencyForm
            agency={agency}
            all={all}
            values={agencyToForm(agency)}
            errors={{}}
            csrf={request.csrfToken}
            structureLocked={!restructure}
          />
        </>,
      );
    },
  );

  app.post<{ Params: { id: string }; Body: Form }>('/admin/agencies/:id', async (request, reply) => {
    const user = requireUser(request);
    const all = await agenciesStore.all(ctx.db);
    const agency = all.find((a) => a.id === request.params.id);
    const restructure = agency !== undefined && mayChangeStructure(user.actor, agency, all);
    if (!agency || !(restructure || can(user.actor, 'agency.read', agency.id, all))) throw notFound('该机关');
    const form = request.body ?? {};
    return formRoute(reply, {
      run: () => updateAgency(ctx, user.actor, agency.id, agencyFormToInput(form, agency)),
      redirect: () => `/admin/agencies/${agency.id}?saved=1`,
      refusals: ['validation.failed', 'agency.structure_forbidden'],
      again: (e) =>
        sendAdminPage(
          reply,
          request,
          agency.name,
          <AgencyForm
            agency={agency}
            all={all}
            values={form}
            errors={e.fields}
            csrf={request.csrfToken}
            message={e.message}
            structureLocked={!restructure}
          />,
          e.code === 'agency.structure_forbidden' ? 403 : 422,
        ),
    });
  });
}
