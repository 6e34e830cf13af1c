/**
 * Admin pages for an agency's notice templates: the list of notice kinds, an edit form per kind with the default
 * wording and the placeholders, a preview on a sample case, and restoring the default.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { agenciesStore } from '../../access/agencies.store.js';
import type { Agency } from '../../access/agency.js';
import { can } from '../../access/permissions.js';
import { reviewBodyOf } from '../../access/review-body.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError, forbidden, notFound } from '../../platform/errors.js';
import { DEFAULT_OUTCOME_ROWS, type Outcome } from '../../statute/outcomes.js';
import { agenciesInScope, requireUser, sendAdminPage } from '../../web/admin-kit.js';
import { sendPage } from '../../web/render.js';
import { CsrfField, ErrorSummary, Field, type Errors } from '../../web/views/forms.js';
import { REPLY_TYPES } from '../reply-types.js';
import { todayOf } from '../actions/case-action.js';
import { noticeText } from './notice-content.js';
import { NoticePage } from './notice-html.js';
import { NOTICE_KINDS, type NoticeKind } from './notice-kinds.js';
import { sampleCase, SAMPLE_REF } from './notice-sample.js';
import {
  allowedPlaceholders,
  isNoticeKind,
  MAX_SLOT_CHARS,
  parseTemplateTexts,
  PLACEHOLDERS,
  slotsOf,
  STATUTORY_PARTS,
  type TemplateTexts,
} from './notice-templates.js';
import { noticeTemplatesStore } from './notice-templates.store.js';
import { resetNoticeTemplate, saveNoticeTemplate } from './save-notice-template.js';

type Form = Record<string, string | undefined>;
const BASE = '/admin/requests/templates';

async function agencyFor(ctx: AppContext, request: FastifyRequest, agencyId: string): Promise<Agency> {
  const user = requireUser(request);
  const all = await agenciesStore.all(ctx.db);
  const agency = all.find((a) => a.id === agencyId);
  if (!agency || !can(user.actor, 'requests.handle', agency.id, all)) throw notFound('该机关');
  if (!can(user.actor, 'requests.approve', agency.id, all))
    throw forbidden('只有政府信息公开工作机构负责人可以修改文书模板。');
  return agency;
}

function kindOf(kind: string): NoticeKind {
  if (!isNoticeKind(kind)) throw notFound('该文书模板');
  return kind;
}

function TemplateForm(props: {
  agency: Agency;
  kind: NoticeKind;
  values: Form;
  errors: Errors;
  csrf: string;
  customised: boolean;
  message?: string;
}) {
  const { agency, kind, values: v, errors: e } = props;
  const action = `${BASE}/${agency.id}/${kind}`;
  return (
    <>
      <h1>
        {agency.shortName || agency.name} · {NOTICE_KINDS[kind]}模板
      </h1>
      <ErrorSummary errors={e} message={props.message} />
      <p>
        <a href={`${BASE}?agency=${agency.id}`}>返回文书模板列表</a>
      </p>
      <h2>始终由系统生成、不能删改的法定内容</h2>
      <p>{STATUTORY_PARTS[kind]}。模板只能修改下列可编辑段落。</p>
      <h2>可用的占位符</h2>
      <dl>
        {allowedPlaceholders(kind).map((p) => (
          <>
            <dt>
              <code>{`{${p}}`}</code>
            </dt>
            <dd>{PLACEHOLDERS[p]}</dd>
          </>
        ))}
      </dl>
      <form method="post" action={action} novalidate>
        <CsrfField token={props.csrf} />
        {slotsOf(kind).map((s) => (
          <Field
            name={s.id}
            label={s.label}
            errors={e}
            hint={`默认：${s.default || '（无此段）'}；不超过${MAX_SLOT_CHARS}字${s.required ? '' : '，留空则不出现'}`}
          >
            {(a) => (
              <textarea {...a} rows={3}>
                {v[s.id] ?? ''}
              </textarea>
            )}
          </Field>
        ))}
        {kind === 'reply' && (
          <Field name="previewOutcome" label="预览时使用的答复类型" errors={e}>
            {(a) => (
              <select {...a}>
                {Object.values(REPLY_TYPES).map((t) => (
                  <option value={t.code} selected={v.previewOutcome === t.code}>
                    {DEFAULT_OUTCOME_ROWS[t.code].label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <button type="submit">保存</button>{' '}
        <button type="submit" class="secondary" formaction={`${action}/preview`}>
          预览（示例案件）
        </button>
      </form>
      {props.customised && (
        <form method="post" action={`${action}/reset`}>
          <CsrfField token={props.csrf} />
          <button type="submit" class="secondary">
            恢复默认
          </button>
        </form>
      )}
    </>
  );
}

function formValues(kind: NoticeKind, texts: TemplateTexts): Form {
  return Object.fromEntries(slotsOf(kind).map((s) => [s.id, texts[s.id] ?? s.default]));
}

type Customisation = Awaited<ReturnType<typeof noticeTemplatesStore.customised>>[number];

/** The list of notice kinds for one agency, each marked default or customised (by whom, when). */
function TemplateList(props: {
  agencies: Agency[];
  agency: Agency;
  customised: Map<string, Customisation>;
  saved: boolean;
}) {
  const { agencies, agency, customised } = props;
  return (
    <>
      <h1>依申请公开文书模板</h1>
      {props.saved && (
        <p class="notice" role="status">
          已保存。
        </p>
      )}
      <p>
        可按本机关的行文习惯修改各类文书的开头、结尾、联系方式和答复决定表述；法律依据、期限和救济途径等法定内容始终由系统生成。
      </p>
      {agencies.length > 1 && (
        <form method="get" action={BASE}>
          <Field name="agency" label="机关">
            {(a) => (
              <select {...a}>
                {agencies.map((x) => (
                  <option value={x.id} selected={x.id === agency.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" class="secondary">
            查看
          </button>
        </form>
      )}
      <table>
        <caption>{agency.name}的文书模板</caption>
        <thead>
          <tr>
            <th scope="col">文书</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {(Object.keys(NOTICE_KINDS) as NoticeKind[]).map((k) => {
            const c = customised.get(k);
            return (
              <tr>
                <td>
                  <a href={`${BASE}/${agency.id}/${k}`}>{NOTICE_KINDS[k]}</a>
                </td>
                <td>{c ? `已自定义（${c.updatedBy}，${c.updatedAt.slice(0, 10)}）` : '默认'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/** A refused save or preview: the form again with the submitted values and the errors (422). */
async function sendRefused(
  ctx: AppContext,
  request: FastifyRequest,
  reply: Parameters<typeof sendAdminPage>[0],
  agency: Agency,
  kind: NoticeKind,
  e: unknown,
) {
  if (!(e instanceof DomainError) || e.code !== 'validation.failed') throw e;
  const customised = Object.keys(await noticeTemplatesStore.texts(ctx.db, agency.id, kind)).length > 0;
  return sendAdminPage(
    reply,
    request,
    `${NOTICE_KINDS[kind]}模板`,
    <TemplateForm
      agency={agency}
      kind={kind}
      values={(request.body ?? {}) as Form}
      errors={e.fields}
      csrf={request.csrfToken}
      customised={customised}
      message={e.message}
    />,
    422,
  );
}

export function registerNoticeTemplateRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { agency?: string; saved?: string } }>(BASE, async (request, reply) => {
    const user = requireUser(request);
    const agencies = await agenciesInScope(ctx, user, 'requests.approve');
    if (!agencies.length) throw forbidden('只有政府信息公开工作机构负责人可以修改文书模板。');
    const agency = agencies.find((a) => a.id === request.query.agency) ?? agencies[0]!;
    const customised = new Map(
      (await noticeTemplatesStore.customised(ctx.db, agency.id)).map((c) => [c.kind, c]),
    );
    return sendAdminPage(
      reply,
      request,
      '文书模板',
      <TemplateList
        agencies={agencies}
        agency={agency}
        customised={customised}
        saved={!!request.query.saved}
      />,
    );
  });

  app.get<{ Params: { agencyId: string; kind: string } }>(
    `${BASE}/:agencyId/:kind`,
    async (request, reply) => {
      const agency = await agencyFor(ctx, request, request.params.agencyId);
      const kind = kindOf(request.params.kind);
      const texts = await noticeTemplatesStore.texts(ctx.db, agency.id, kind);
      return sendAdminPage(
        reply,
        request,
        `${NOTICE_KINDS[kind]}模板`,
        <TemplateForm
          agency={agency}
          kind={kind}
          values={formValues(kind, texts)}
          errors={{}}
          csrf={request.csrfToken}
          customised={Object.keys(texts).length > 0}
        />,
      );
    },
  );

  app.post<{ Params: { agencyId: string; kind: string }; Body: Form }>(
    `${BASE}/:agencyId/:kind`,
    async (request, reply) => {
      const user = requireUser(request);
      const agency = await agencyFor(ctx, request, request.params.agencyId);
      const kind = kindOf(request.params.kind);
      try {
        await saveNoticeTemplate(ctx, user.actor, { agencyId: agency.id, kind, texts: request.body ?? {} });
      } catch (e) {
        return sendRefused(ctx, request, reply, agency, kind, e);
      }
      return reply.redirect(`${BASE}?agency=${agency.id}&saved=1`, 303);
    },
  );

  app.post<{ Params: { agencyId: string; kind: string } }>(
    `${BASE}/:agencyId/:kind/reset`,
    async (request, reply) => {
      const user = requireUser(request);
      const agency = await agencyFor(ctx, request, request.params.agencyId);
      const kind = kindOf(request.params.kind);
      await resetNoticeTemplate(ctx, user.actor, { agencyId: agency.id, kind });
      return reply.redirect(`${BASE}/${agency.id}/${kind}`, 303);
    },
  );

  // Preview renders the unsaved form on a sample case; nothing is stored.
  app.post<{ Params: { agencyId: string; kind: string }; Body: Form }>(
    `${BASE}/:agencyId/:kind/preview`,
    async (request, reply) => {
      const agency = await agencyFor(ctx, request, request.params.agencyId);
      const kind = kindOf(request.params.kind);
      const form = request.body ?? {};
      let texts: TemplateTexts;
      try {
        texts = parseTemplateTexts(kind, form);
      } catch (e) {
        return sendRefused(ctx, request, reply, agency, kind, e);
      }
      const outcome = (
        form.previewOutcome && Object.hasOwn(REPLY_TYPES, form.previewOutcome)
          ? form.previewOutcome
          : 'disclosed'
      ) as Outcome;
      const body = reviewBodyOf(await agenciesStore.all(ctx.db), agency).name;
      const n = noticeText(kind, agency, sampleCase(kind, outcome, body), todayOf(ctx), SAMPLE_REF, texts);
      return sendPage(
        reply,
        <NoticePage n={{ ...n, title: `${n.title}（预览）` }} back={`${BASE}/${agency.id}/${kind}`} />,
      );
    },
  );
}
