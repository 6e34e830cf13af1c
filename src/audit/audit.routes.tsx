/**
 * /admin/audit — supervisors (reports.supervise) and platform admins audit a report that an agency
 * published elsewhere: paste its text or upload the file, and see the findings beside the document.
 * Nothing is stored: the audit is computed for the request and shown.
 *
 * Uploads are multipart, parsed by @fastify/multipart registered in this plugin only, with fields
 * attached to the body before the app's CSRF check runs (preValidation comes before preHandler), so the
 * form's `_csrf` field is checked like any other form's. Sign-in and permission are checked at onRequest,
 * before any upload is read.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { roleAllows } from '../agencies/permissions.js';
import type { AppContext } from '../platform/context.js';
import { DomainError, forbidden } from '../platform/errors.js';
import { requireUser, sendAdminPage } from '../web/admin-kit.js';
import { ErrorSummary, type Errors } from '../web/views/forms.js';
import { auditWithDocument, type AuditOptions } from './audit.js';
import { AuditForm, AuditResultView, MAX_UPLOAD_MB, type AuditFormValues } from './web/audit-page.js';

interface Upload {
  fileName: string;
  data: Buffer;
  tooLarge: boolean;
}

interface AuditBody {
  text?: string;
  year?: string;
  province?: string;
  file?: Upload;
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
        审查下级机关在其他网站发布的政府信息公开工作年度报告：粘贴年报文本或上传文件，系统列出格式、统计表勾稽关系、缺项和照抄等问题，并在原文中标出位置。审查内容不保存。
      </p>
    </>
  );
}

/** Field values and errors from the posted body; `options` only when there are no errors. */
function readForm(body: AuditBody): { values: AuditFormValues; errors: Errors; options: AuditOptions } {
  const values: AuditFormValues = {
    text: typeof body.text === 'string' ? body.text : '',
    year: typeof body.year === 'string' ? body.year.trim() : '',
    province: typeof body.province === 'string' ? body.province.trim() : '',
  };
  const errors: Errors = {};
  const options: AuditOptions = {};
  const file = body.file && body.file.fileName !== '' ? body.file : undefined;
  const hasText = (values.text ?? '').trim() !== '';
  if (file?.tooLarge) errors.file = `上传的文件超过 ${MAX_UPLOAD_MB} MB，请粘贴文本或上传较小的文件。`;
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

export async function registerAuditAdminRoutes(app: FastifyInstance, _ctx: AppContext): Promise<void> {
  app.addHook('onRequest', async (request) => {
    // Without a user, the app's own guard redirects (GET) or refuses (POST) — but refuse a POST here, so
    // an upload is never read for an anonymous request.
    if (!request.user) {
      if (request.method !== 'GET') throw new DomainError('auth.required', '登录已超时，请重新登录。');
      return;
    }
    if (!maySupervise(request)) throw forbidden('只有负责年报监督的工作人员可以使用年报审查。');
  });
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: {
      fileSize: MAX_UPLOAD_MB * 1024 * 1024,
      files: 1,
      fields: 8,
      fieldSize: 8 * 1024 * 1024,
      parts: 10,
    },
    async onFile(part) {
      const data = await part.toBuffer();
      const upload: Upload = { fileName: part.filename, data, tooLarge: part.file.truncated };
      part.value = upload;
    },
  });

  app.get('/admin/audit', async (request, reply) =>
    sendAdminPage(
      reply,
      request,
      TITLE,
      <>
        <Intro />
        <AuditForm values={{}} errors={{}} csrf={request.csrfToken} />
      </>,
    ),
  );

  app.post('/admin/audit', async (request, reply) => {
    const body = (request.body ?? {}) as AuditBody;
    const { values, errors, options } = readForm(body);
    if (Object.keys(errors).length > 0) {
      return sendAdminPage(
        reply,
        request,
        `${TITLE}（有错误）`,
        <>
          <Intro />
          <ErrorSummary errors={errors} />
          <AuditForm values={values} errors={errors} csrf={request.csrfToken} />
        </>,
        400,
      );
    }
    const upload = body.file && body.file.fileName !== '' ? body.file : undefined;
    const bytes = upload ? new Uint8Array(upload.data) : new TextEncoder().encode(values.text ?? '');
    const name = upload ? upload.fileName : '粘贴的文本.txt';
    const audited = await auditWithDocument(bytes, name, options);
    return sendAdminPage(
      reply,
      request,
      `${TITLE}：${audited.result.agency ?? name}`,
      <>
        <Intro />
        <AuditResultView result={audited.result} lines={audited.lines} />
        <h2>再审查一份</h2>
        <AuditForm values={{}} errors={{}} csrf={request.csrfToken} />
      </>,
    );
  });
}
