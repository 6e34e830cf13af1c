/**
 * The report as a file for the CLI (`gongkai report <agency> <year> --format html|docx|pdf|md`): the latest
 * published version, or — before publication — the working copy (tables computed now, the saved narrative or
 * the computed draft), with a note saying so.
 */
import { renderToString } from 'preact-render-to-string';
import type { Agency } from '../access/agency.js';
import type { AppContext } from '../platform/context.js';
import { validationFailed } from '../platform/errors.js';
import { annualReportsStore } from './annual-reports.store.js';
import { reportToDocx } from './render/report-docx.js';
import { ReportDocument, reportTitle } from './render/report-html.js';
import { reportToMarkdown } from './render/report-markdown.js';
import { reportToPdf } from './render/report-pdf.js';
import { makeSnapshot, parseSnapshot, type ReportSnapshot } from './snapshot.js';
import { computeWorkingReport } from './working-report.js';

const FILE_FORMATS = ['html', 'docx', 'pdf', 'md'] as const;
type FileFormat = (typeof FILE_FORMATS)[number];

export function isFileFormat(f: string): f is FileFormat {
  return (FILE_FORMATS as readonly string[]).includes(f);
}

async function snapshotFor(ctx: AppContext, agency: Agency, year: number) {
  const latest = (await annualReportsStore.versionsOf(ctx.db, agency.id, year)).at(-1);
  if (latest) return { snapshot: parseSnapshot(latest.snapshot), note: `已公开的第 ${latest.version} 版` };
  const w = await computeWorkingReport(ctx, agency, year);
  const narrative = w.record?.narrative ?? w.draft;
  return {
    snapshot: parseSnapshot(makeSnapshot(w.report, w.checks, narrative).text),
    note: '该年报尚未公开，输出的是当前工作稿',
  };
}

const html = (s: ReportSnapshot) =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${reportTitle(s)}</title></head><body><h1>${reportTitle(s)}</h1>${renderToString(ReportDocument({ snapshot: s }))}</body></html>`;

export async function reportFile(
  ctx: AppContext,
  agency: Agency,
  year: number,
  format: string,
): Promise<{ body: Buffer | string; note: string }> {
  if (!isFileFormat(format))
    throw validationFailed(
      { format: '应为 json、html、docx、pdf 或 md' },
      '输出格式应为 json、html、docx、pdf 或 md。',
    );
  const { snapshot, note } = await snapshotFor(ctx, agency, year);
  const body =
    format === 'html'
      ? html(snapshot)
      : format === 'md'
        ? reportToMarkdown(snapshot)
        : format === 'docx'
          ? await reportToDocx(snapshot)
          : await reportToPdf(snapshot);
  return { body, note };
}
