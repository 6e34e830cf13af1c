/**
 * Auditing many reports at once (a supervisor's folder of subordinate agencies' reports): each file is
 * audited on its own in the sandbox (child processes, within the reading limits; small files a chunk per job,
 * several jobs at a time), then the
 * batch is compared for copied narrative (similarity.ts). A file that cannot be opened or read, or crosses a
 * limit, is an entry with a status and the reason, never an exception that stops the batch.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { sortFindings, type AuditOptions, type AuditResult } from '../audit.js';
import { auditManyInSandbox, type BatchOutcome } from '../sandboxed-audit.js';
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

type Audited = BatchItem & { narrative?: Set<string> };

/** Files go to the sandbox in chunks of at most this many, and this many bytes (a big file goes alone). */
const CHUNK_FILES = 16;
const CHUNK_BYTES = 2 * 1024 * 1024;

async function readAll(files: { path: string; label: string }[]) {
  return Promise.all(
    files.map(async (file) => {
      try {
        return { file, bytes: new Uint8Array(await readFile(file.path)) };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return { file, reason: code === 'ENOENT' ? '文件不存在' : `无法打开文件（${code ?? '读取失败'}）` };
      }
    }),
  );
}

function itemOf(label: string, outcome: BatchOutcome): Audited {
  if (!outcome.ok)
    // Past a reading limit, or a file the reader could not survive: the batch goes on and says why.
    return outcome.code === 'internal'
      ? { file: label, status: 'failed', reason: `审查出错：${outcome.message}` }
      : { file: label, status: 'unreadable', reason: outcome.message };
  const r = outcome.audit.result;
  if (!r.readable)
    return {
      file: label,
      status: 'unreadable',
      reason: r.findings[0]?.message ?? '文档没有可读的文字',
      result: r,
    };
  return { file: label, status: 'audited', result: r, narrative: outcome.audit.narrative };
}

/** Consecutive runs of files, each at most CHUNK_FILES long and CHUNK_BYTES large (by size on disk). */
async function chunksOf(files: { path: string; label: string }[]): Promise<number[][]> {
  const sizes = await Promise.all(
    files.map((f) =>
      stat(f.path).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  );
  const chunks: number[][] = [];
  let cur: number[] = [];
  let bytes = 0;
  sizes.forEach((size, n) => {
    if (cur.length > 0 && (cur.length >= CHUNK_FILES || bytes + size > CHUNK_BYTES)) {
      chunks.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(n);
    bytes += size;
  });
  if (cur.length > 0) chunks.push(cur);
  return chunks;
}

/** Each file read and audited in the sandbox, a chunk per job, as many jobs at a time as the pool has children. */
async function auditEach(
  files: { path: string; label: string }[],
  options: AuditOptions,
  onProgress: (done: number, file: string) => void,
): Promise<Audited[]> {
  const out: Audited[] = new Array(files.length);
  const chunks = await chunksOf(files);
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++]!;
      const read = await readAll(chunk.map((n) => files[n]!));
      const readable = read.flatMap((r) => (r.bytes ? [{ bytes: r.bytes, fileName: r.file.label }] : []));
      const outcomes = readable.length > 0 ? await auditManyInSandbox(readable, options) : [];
      let k = 0;
      read.forEach((r, i) => {
        const n = chunk[i]!;
        out[n] = r.bytes
          ? itemOf(r.file.label, outcomes[k++]!)
          : { file: r.file.label, status: 'unopenable', reason: r.reason };
        onProgress(++done, r.file.label);
      });
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
