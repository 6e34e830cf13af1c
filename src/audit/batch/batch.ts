/**
 * Auditing many reports at once (a supervisor's folder of subordinate agencies' reports): each file is
 * audited on its own, then the batch is compared for copied narrative (similarity.ts). A file that cannot
 * be opened or read is an entry with a status, never an exception that stops the batch.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { auditWithDocument, sortFindings, type AuditOptions, type AuditResult } from '../audit.js';
import { copiedAcrossBatch, type BatchEntry } from './similarity.js';

type BatchStatus = 'audited' | 'unreadable' | 'unopenable' | 'failed';

export const STATUS_LABEL: Record<BatchStatus, string> = {
  audited: '已审查',
  unreadable: '无法读取',
  unopenable: '无法打开',
  failed: '审查出错',
};

export interface BatchItem {
  /** The path as given, or relative to the folder in --dir mode. */
  file: string;
  status: BatchStatus;
  /** Why the file was not audited (Chinese), when status is not 'audited'. */
  reason?: string;
  result?: AuditResult;
}

/** Regular files under `dir`, recursively, sorted; hidden files and folders are skipped. */
export async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter(
      (p) =>
        !relative(dir, p)
          .split(/[\\/]/)
          .some((part) => part.startsWith('.')),
    )
    .sort();
}

export async function auditBatch(
  files: { path: string; label: string }[],
  options: AuditOptions = {},
  onProgress: (done: number, file: string) => void = () => {},
): Promise<BatchItem[]> {
  const items: BatchItem[] = [];
  const entries: (BatchEntry & { item: number })[] = [];
  for (const [n, file] of files.entries()) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file.path));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      items.push({
        file: file.label,
        status: 'unopenable',
        reason: code === 'ENOENT' ? '文件不存在' : `无法打开文件（${code ?? '读取失败'}）`,
      });
      onProgress(n + 1, file.label);
      continue;
    }
    try {
      const audited = await auditWithDocument(bytes, file.label, options);
      const r = audited.result;
      if (!r.readable) {
        items.push({
          file: file.label,
          status: 'unreadable',
          reason: r.findings[0]?.message ?? '文档没有可读的文字',
          result: r,
        });
      } else {
        entries.push({
          fileName: file.label,
          ...(r.agency ? { agency: r.agency } : {}),
          ...(r.year !== undefined ? { year: r.year } : {}),
          narrative: audited.narrative,
          item: items.length,
        });
        items.push({ file: file.label, status: 'audited', result: r });
      }
    } catch (e) {
      // The auditor is built never to throw; if it does, the batch still goes on and says so.
      items.push({ file: file.label, status: 'failed', reason: `审查出错：${(e as Error).message}` });
    }
    onProgress(n + 1, file.label);
  }
  for (const [index, found] of copiedAcrossBatch(entries)) {
    const result = items[entries[index]!.item]!.result!;
    result.findings.push(...found);
    sortFindings(result.findings);
  }
  return items;
}
