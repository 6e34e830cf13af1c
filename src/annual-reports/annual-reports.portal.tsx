/**
 * The agency's 政府信息公开年报 column: every year's published report in order, and each report page with its
 * versions (a re-issue keeps the earlier version visible with its reason), SHA-256 digest, override reasons,
 * and downloads (DOCX, Markdown, JSON).
 */
import { reportColumnHref } from '../catalog/portal/portal-sections.js';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { limited } from '../web/concurrency.js';
import { agencyBySegment, sendPortalPage, type PortalSectionProvider } from '../web/portal-kit.js';
import { annualReportsStore, type PublishedVersion } from './annual-reports.store.js';
import { reportToDocx } from './render/report-docx.js';
import { ReportDocument, reportTitle } from './render/report-html.js';
import { reportToMarkdown } from './render/report-markdown.js';
import { cjkFont, reportToPdf } from './render/report-pdf.js';
import { parseSnapshot } from './snapshot.js';
import { versionDifferences } from './differences.js';

/** The 年报 entry appears only once a report is published. */
/** 年报 in the portal nav when a report is published here or earlier reports sit in the catalog's 年报 column. */
export const annualReportSection: PortalSectionProvider = async (ctx, a) =>
  (await annualReportsStore.publishedYears(ctx.db, a.id)).length || (await reportColumnHref(ctx, a))
    ? [{ href: `/${a.pathSegment}/xxgk/ndbg/`, label: '政府信息公开年报' }]
    : [];

async function versionFor(ctx: AppContext, agencyId: string, yearText: string, versionText?: string) {
  const year = Number(yearText);
  const versions = Number.isInteger(year) ? await annualReportsStore.versionsOf(ctx.db, agencyId, year) : [];
  const wanted =
    versionText === undefined ? versions.at(-1) : versions.find((v) => v.version === Number(versionText));
  if (!wanted) throw notFound(`${yearText}年的政府信息公开工作年度报告`);
  return { versions, version: wanted };
}

function History({
  base,
  versions,
  current,
}: {
  base: string;
  versions: PublishedVersion[];
  current: number;
}) {
  return (
    <section aria-labelledby="versions">
      <h2 id="versions">发布记录</h2>
      <table>
        <caption>本年报的各个版本（更正重发不删除原版本）</caption>
        <thead>
          <tr>
            <th scope="col">版本</th>
            <th scope="col">发布日期</th>
            <th scope="col">说明</th>
            <th scope="col">SHA-256 摘要</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr>
              <th scope="row">
                {v.version === current ? (
                  `第 ${v.version} 版（本页）`
                ) : (
                  <a href={`${base}v${v.version}`}>第 {v.version} 版</a>
                )}
              </th>
              <td>{v.publishedOn}</td>
              <td>
                {v.version === 1 ? '首次发布' : `更正重发：${v.reason ?? ''}`}
                {v.overrideReason && `；存在勾稽关系错误时经说明理由公开：${v.overrideReason}`}
              </td>
              <td>
                <code class="digest">{v.digest}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A re-issue shows its reason and what it changed against the version before. */
function Corrections({ version, previous }: { version: PublishedVersion; previous: PublishedVersion }) {
  const d = versionDifferences(parseSnapshot(previous.snapshot), parseSnapshot(version.snapshot));
  return (
    <section aria-labelledby="corrections" class="notice">
      <h2 id="corrections">更正说明（与第 {previous.version} 版相比）</h2>
      <p>更正理由：{version.reason}</p>
      {d.parts.length > 0 && <p>修改的正文部分：{d.parts.join('、')}</p>}
      {d.cells.length > 0 && (
        <ul>
          {d.cells.map((c) => (
            <li>
              {c.table} {c.row} {c.column}：{c.before ?? '空'} → {c.after ?? '空'}
            </li>
          ))}
        </ul>
      )}
      {d.parts.length === 0 && d.cells.length === 0 && <p>内容无变化。</p>}
    </section>
  );
}

export function registerAnnualReportPortal(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { agency: string } }>('/:agency/xxgk/ndbg/', async (request, reply) => {
    const agency = await agencyBySegment(ctx, request.params.agency);
    const years = await annualReportsStore.publishedYears(ctx.db, agency.id);
    const documents = await reportColumnHref(ctx, agency);
    return sendPortalPage(
      ctx,
      request,
      reply,
      agency,
      '政府信息公开年报',
      <>
        <h1>政府信息公开年报</h1>
        {years.length === 0 ? (
          <p>本机关尚未发布政府信息公开工作年度报告。</p>
        ) : (
          <ul>
            {years.map((y) => (
              <li>
                <a href={`/${agency.pathSegment}/xxgk/ndbg/${y}`}>
                  {agency.name}
                  {y}年政府信息公开工作年度报告
                </a>
              </li>
            ))}
          </ul>
        )}
        {documents && (
          <p>
            <a href={documents}>以公开文件形式发布的年度报告</a>
          </p>
        )}
      </>,
    );
  });

  app.get<{ Params: { agency: string; year: string; version?: string; ext?: string } }>(
    '/:agency/xxgk/ndbg/:year',
    async (request, reply) => {
      const agency = await agencyBySegment(ctx, request.params.agency);
      const m = /^(\d{4})(?:v(\d+))?(?:\.(docx|pdf|md|json))?$/.exec(request.params.year);
      if (!m) throw notFound('该年度报告');
      const { versions, version } = await versionFor(ctx, agency.id, m[1]!, m[2]);
      const snapshot = parseSnapshot(version.snapshot);
      const file = `${agency.shortName}${m[1]}年政府信息公开工作年度报告（第${version.version}版）`;
      const disposition = (ext: string) =>
        `attachment; filename="report.${ext}"; filename*=UTF-8''${encodeURIComponent(`${file}.${ext}`)}`;
      if (m[3] === 'docx')
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', disposition('docx'))
          .send(await limited(request, 'export', () => reportToDocx(snapshot)));
      if (m[3] === 'pdf') {
        if (!cjkFont()) throw notFound('PDF 版本（服务器没有中文字体）');
        return reply
          .type('application/pdf')
          .header('content-disposition', disposition('pdf'))
          .send(await limited(request, 'pdf', () => reportToPdf(snapshot)));
      }
      if (m[3] === 'md')
        return reply
          .type('text/markdown; charset=utf-8')
          .header('content-disposition', disposition('md'))
          .send(reportToMarkdown(snapshot));
      if (m[3] === 'json') return reply.type('application/json; charset=utf-8').send(version.snapshot);
      const base = `/${agency.pathSegment}/xxgk/ndbg/${m[1]}`;
      const self = `${base}${m[2] ? `v${m[2]}` : ''}`;
      return sendPortalPage(
        ctx,
        request,
        reply,
        agency,
        reportTitle(snapshot),
        <>
          <h1>{reportTitle(snapshot)}</h1>
          {version.version < versions.length && (
            <p class="notice">
              这是第 {version.version} 版，已被更正。<a href={base}>查看最新版本</a>
            </p>
          )}
          <p>
            发布日期：{version.publishedOn}　下载：<a href={`${self}.docx`}>Word 文档</a>　
            {cjkFont() && (
              <>
                <a href={`${self}.pdf`}>PDF</a>　
              </>
            )}
            <a href={`${self}.md`}>Markdown</a>　<a href={`${self}.json`}>JSON 数据</a>
          </p>
          {version.version > 1 && (
            <Corrections
              version={version}
              previous={versions.find((v) => v.version === version.version - 1)!}
            />
          )}
          <ReportDocument snapshot={snapshot} />
          <History base={base} versions={versions} current={version.version} />
        </>,
      );
    },
  );
}
