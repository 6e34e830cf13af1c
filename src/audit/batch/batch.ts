/**
 * Auditing many reports at once (a supervisor's folder of subordinate agencies' reports): each file is
 * audited on its own in the sandbox (a child process, within the reading limits; several at a time), then the
 * batch is compared for copied narrative (similarity.ts). A file that cannot be opened or read, or crosses a
 * limit, is an entry with a status and the reason, never an exception that stops the batch.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { sortFindings, type AuditOptions, type AuditResult } from '../audit.js';
import { auditInSandbox } from '../sandboxed-audit.js';
import { DomainError } from '../../platform/errors.js';
import { sandboxPool } from '../../platform/sandbox/sandbox.js';
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

type Audited = Awaited<ReturnType<typeof auditInSandbox>>;

/** Each file read and audited in the sandbox, as many at a time as the pool has children, in order. */
async function auditEach(
  files: { path: string; label: string }[],
  options: AuditOptions,
  onProgress: (done: number, file: string) => void,
): Promise<(BatchItem & { narrative?: Audited['narrative'] })[]> {
  const out: (BatchItem & { narrative?: Audited['narrative'] })[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const one = async (file: { path: string; label: string }) => {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file.path));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? '文件不存在' : `无法打开文件（${code ?? '读取失败'}）`;
      return { file: file.label, status: 'unopenable' as const, reason };
    }
    try {
      const audited = await auditInSandbox(bytes, file.label, options);
      const r = audited.result;
      if (!r.readable)
        return {
          file: file.label,
          status: 'unreadable' as const,
          reason: r.findings[0]?.message ?? '文档没有可读的文字',
          result: r,
        };
      return { file: file.label, status: 'audited' as const, result: r, narrative: audited.narrative };
    } catch (e) {
      // Past a reading limit, or a file the reader could not survive: the batch goes on and says why.
      if (e instanceof DomainError)
        return { file: file.label, status: 'unreadable' as const, reason: e.message };
      return { file: file.label, status: 'failed' as const, reason: `审查出错：${(e as Error).message}` };
    }
  };
  const lane = async () => {
    while (next < files.length) {
      const n = next++;
      out[n] = await one(files[n]!);
      onProgress(++done, files[n]!.label);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, sandboxPool().options.workers) }, lane));
  return out;
}

export async function auditBatch(
  files: { path: string; label: string }[],
  options: AuditOptions = {},
  onProgress: (done: number, file: string) => void = () => {},
): Promise<BatchItem[]> {
  const audited = await auditEach(files, options, onProgress);
  const items: BatchItem[] = [];
  const entries: (BatchEntry & { item: number })[] = [];
  for (const { narrative, ...item } of audited) {
    if (item.status === 'audited' && narrative) {
      const r = item.result!;
      entries.push({
        fileName: item.file,
        ...(r.agency ? { agency: r.agency } : {}),
        ...(r.year !== undefined ? { year: r.year } : {}),
        narrative,
        item: items.length,
      });
    }
    items.push(item);
  }
  for (const [index, found] of copiedAcrossBatch(entries)) {
    const result = items[entries[index]!.item]!.result!;
    result.findings.push(...found);
    sortFindings(result.findings);
  }
  return items;
}
