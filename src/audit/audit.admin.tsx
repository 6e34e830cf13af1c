/**
 * /admin/audit — supervisors (reports.supervise) and platform admins audit a report that an agency
 * published elsewhere: paste its text or upload the file, and see the findings beside the document.
 * The audit is computed for the request and shown; the supervisor may also save it for one of the agencies
 * it supervises and a reporting year (save-audit.ts), so the annual-report roll-up shows it. Saved audits
 * are listed per agency at /admin/audit/saved.
 *
 * Uploads are multipart, parsed by the web kit's acceptUploads (src/web/uploads.ts) registered in this plugin
 * only, with fields attached to the body before the app's CSRF check runs (preValidation comes before
 * preHandler), so the form's `_csrf` field is checked like any other form's. Sign-in and permission are checked at onRequest,
 * before any upload is read.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { agenciesStore } from '../access/agencies.store.js';
import { can, roleAllows } from '../access/permissions.js';
import type { AppContext } from '../platform/context.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { isTooLarge, MB } from '../platform/uploads.js';
import { agenciesInScope, requireUser, sendAdminPage } from '../web/admin-kit.js';
import { fileOf, acceptUploads } from '../web/uploads.js';
import { ErrorSummary, type Errors } from '../web/views/forms.js';
import type { AuditedDocument, AuditOptions } from './audit.js';
import { auditInSandbox } from './sandboxed-audit.js';
import { LimitExceeded } from '../platform/sandbox/limits.js';
import { saveAudit } from './save-audit.js';
import { storedAuditsStore } from './stored-audits.store.js';
import {
  AuditForm,
  AuditResultView,
  MAX_UPLOAD_MB,
  type AuditFormValues,
  type SaveTargets,
} from './web/audit-page.js';
import { AgencyPicker, savedAuditHref, StoredAuditList, StoredAuditView } from './web/stored-audits-page.js';

interface AuditBody {
  text?: string;
  year?: string;
  province?: string;
  saveAgency?: string;
}

function maySupervise(request: FastifyRequest): boolean {
  const user = requireUser(request);
  return user.actor.grants.some(
    (g) => g.role === 'platform_admin' || roleAllows(g.role, 'reports.supervise'),
  );
}

const TITLE = '年报审查';

function Intro() {
  return (
    <>
      <h1>{TITLE}</h1>
      <p>
        审查下级机关在其他网站发布的政府信息公开工作年度报告：粘贴年报文本或上传文件，系统列出格式、统计表勾稽关系、缺项和照抄等问题，并在原文中标出位置。选择“保存审查结果”时，只保存审查结果和文档的
        SHA-256 摘要，不保存文档本身。
      </p>
      <p>
        <a href="/admin/audit/saved">查看已保存的审查结果</a>
      </p>
    </>
  );
}

/** The uploaded report, when a file was chosen. */
const uploadOf = (body: AuditBody) => {
  const file = fileOf(body, 'file');
  return file && file.fileName !== '' ? file : undefined;
};

/** Field values and errors from the posted body; `options` only when there are no errors. */
function readForm(body: AuditBody): { values: AuditFormValues; errors: Errors; options: AuditOptions } {
  const values: AuditFormValues = {
    text: typeof body.text === 'string' ? body.text : '',
    year: typeof body.year === 'string' ? body.year.trim() : '',
    province: typeof body.province === 'string' ? body.province.trim() : '',
    saveAgency: typeof body.saveAgency === 'string' ? body.saveAgency.trim() : '',
  };
  const errors: Errors = {};
  const options: AuditOptions = {};
  const file = uploadOf(body);
  const hasText = (values.text ?? '').trim() !== '';
  if (file && isTooLarge(file, MAX_UPLOAD_MB * MB))
    errors.file = `上传的文件超过 ${MAX_UPLOAD_MB} MB，请粘贴文本或上传较小的文件。`;
  else if (file && file.data.length === 0) errors.file = '上传的文件是空的，请重新选择。';
  else if (file && hasText) errors.text = '请只粘贴文本或只上传文件，不要同时提供。';
  else if (!file && !hasText) errors.text = '请粘贴年报文本，或选择要上传的年报文件。';
  if (values.year) {
    const year = Number(values.year);
    if (!/^\d{4}$/.test(values.year) || year < 2007 || year > 2100)
      errors.year = '报告年度应为四位年份，如 2023。';
    else options.year = year;
  }
  if (values.province) options.province = values.province;
  return { values, errors, options };
}

/** The agencies the user may save an audit for (reports.supervise), for the form's select. */
async function saveTargets(ctx: AppContext, request: FastifyRequest): Promise<SaveTargets> {
  return (await agenciesInScope(ctx, requireUser(request), 'reports.supervise')).map((a) => ({
    id: a.id,
    name: a.name,
  }));
}

export async function registerAuditAdminRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', async (request) => {
    // Without a user, the app's own guard redirects (GET) or refuses (POST) — but refuse a POST here, so
    // an upload is never read for an anonymous request.
    if (!request.user) {
      if (request.method !== 'GET') throw new DomainError('auth.required', '登录已超时，请重新登录。');
      return;
    }
    if (!maySupervise(request)) throw forbidden('只有负责年报监督的工作人员可以使用年报审查。');
  });
  // Pasted reports are long: text fields up to 8 MB.
  await acceptUploads(app, { maxBytes: MAX_UPLOAD_MB * MB, maxFiles: 1, maxFieldBytes: 8 * MB });

  app.get('/admin/audit', async (request, reply) =>
    sendAdminPage(
      reply,
      request,
      TITLE,
      <>
        <Intro />
        <AuditForm
          values={{}}
          errors={{}}
          csrf={request.csrfToken}
          saveTargets={await saveTargets(ctx, request)}
        />
      </>,
    ),
  );

  app.post('/admin/audit', async (request, reply) => {
    const body = (request.body ?? {}) as AuditBody;
    const { values, errors, options } = readForm(body);
    const targets = await saveTargets(ctx, request);
    const refuse = async (errs: Errors, status = 400) =>
      sendAdminPage(
        reply,
        request,
        `${TITLE}（有错误）`,
        <>
          <Intro />
          <ErrorSummary errors={errs} />
          <AuditForm values={values} errors={errs} csrf={request.csrfToken} saveTargets={targets} />
        </>,
        status,
      );
    if (Object.keys(errors).length > 0) return refuse(errors);
    const upload = uploadOf(body);
    const bytes = upload ? new Uint8Array(upload.data) : new TextEncoder().encode(values.text ?? '');
    const name = upload ? upload.fileName : '粘贴的文本.txt';
    let audited: AuditedDocument;
    try {
      // In a child process of the sandbox, within the reading limits (a bomb ends there, not in the server).
      audited = await auditInSandbox(bytes, name, options);
    } catch (e) {
      if (e instanceof LimitExceeded) return refuse({ [upload ? 'file' : 'text']: e.message }, 422);
      throw e;
    }
    let savedId: string | undefined;
    if (values.saveAgency) {
      try {
        savedId = await saveAudit(ctx, requireUser(request).actor, {
          agencyId: values.saveAgency,
          year: options.year ?? audited.result.year,
          result: audited.result,
          bytes,
        });
      } catch (e) {
        if (e instanceof DomainError && e.code === 'validation.failed') return refuse(e.fields);
        throw e;
      }
    }
    return sendAdminPage(
      reply,
      request,
      `${TITLE}：${audited.result.agency ?? name}`,
      <>
        <Intro />
        {savedId && (
          <div class="notice" role="status">
            <p>
              审查结果已保存：<a href={savedAuditHref(savedId)}>查看保存的审查结果</a>
            </p>
          </div>
        )}
        <AuditResultView result={audited.result} lines={audited.lines} />
        <h2>再审查一份</h2>
        <AuditForm values={{}} errors={{}} csrf={request.csrfToken} saveTargets={targets} />
      </>,
    );
  });

  app.get<{ Querystring: { agency?: string } }>('/admin/audit/saved', async (request, reply) => {
    const targets = await saveTargets(ctx, request);
    const chosen = targets.find((t) => t.id === request.query.agency);
    if (request.query.agency && !chosen) throw notFound('该机关');
    const audits = chosen ? await storedAuditsStore.ofAgency(ctx.db, chosen.id) : [];
    return sendAdminPage(
      reply,
      request,
      '已保存的年报审查结果',
      <>
        <h1>已保存的年报审查结果</h1>
        <AgencyPicker agencies={targets} {...(chosen ? { selected: chosen.id } : {})} />
        {chosen && <StoredAuditList agencyName={chosen.name} audits={audits} />}
      </>,
    );
  });

  app.get<{ Params: { id: string } }>('/admin/audit/saved/:id', async (request, reply) =>
    showSaved(ctx, request, reply, request.params.id),
  );
}

async function showSaved(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, id: string) {
  const audit = await storedAuditsStore.byId(ctx.db, id);
  const all = await agenciesStore.all(ctx.db);
  // Outside the user's scope it does not exist, as for other agencies' records.
  if (!audit || !can(requireUser(request).actor, 'reports.supervise', audit.agencyId, all))
    throw notFound('该审查结果');
  const agencyName = all.find((a) => a.id === audit.agencyId)?.name ?? '';
  return sendAdminPage(
    reply,
    request,
    `${agencyName}${audit.year}年年报审查结果`,
    <>
      <StoredAuditView audit={audit} agencyName={agencyName} />
      <p>
        <a href={`/admin/audit/saved?agency=${encodeURIComponent(audit.agencyId)}`}>
          {agencyName}的全部审查结果
        </a>
      </p>
    </>,
  );
}
