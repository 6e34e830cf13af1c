/**
 * The auditor as the web and the CLI run it on a file from outside: reading and auditing happen in a child
 * process of the sandbox pool (src/platform/sandbox), within the same limits for the upload page, `gongkai
 * audit FILE` and the batch. A file past a limit rejects with LimitExceeded, naming the limit.
 */
import { DomainError } from '../platform/errors.js';
import { runSandboxed } from '../platform/sandbox/sandbox.js';
import type { ParseLimits } from '../platform/sandbox/limits.js';
import { auditWithDocument, type AuditedDocument, type AuditOptions } from './audit.js';

interface AuditInput {
  bytes: Uint8Array;
  fileName: string;
  options: AuditOptions;
}

/** One file of a batch: its audit (without the lines, which a batch does not show), or why it has none. */
export type BatchOutcome =
  { ok: true; audit: Omit<AuditedDocument, 'lines'> } | { ok: false; code: string; message: string };

const TASK = new URL(import.meta.url).href;

/** Runs in the child. */
export const auditTask = (input: AuditInput, limits: ParseLimits): Promise<AuditedDocument> =>
  auditWithDocument(input.bytes, input.fileName, input.options, limits);

export const auditInSandbox = (
  bytes: Uint8Array,
  fileName: string,
  options: AuditOptions = {},
): Promise<AuditedDocument> =>
  runSandboxed<AuditedDocument>(TASK, 'auditTask', { bytes, fileName, options } satisfies AuditInput);

/** Runs in the child: the files one after another, a file past a reading limit answered as its outcome. */
export async function auditManyTask(
  input: { files: { bytes: Uint8Array; fileName: string }[]; options: AuditOptions },
  limits: ParseLimits,
): Promise<BatchOutcome[]> {
  const out: BatchOutcome[] = [];
  for (const f of input.files) {
    try {
      const { result, narrative } = await auditWithDocument(f.bytes, f.fileName, input.options, limits);
      out.push({ ok: true, audit: { result, narrative } });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      out.push({ ok: false, code: e.code, message: e.message });
    }
  }
  return out;
}

const outcomeOf = (e: unknown): BatchOutcome => {
  if (e instanceof DomainError) return { ok: false, code: e.code, message: e.message };
  throw e;
};

/**
 * Several small files in one job of the sandbox: one round trip between processes for many reports. When the
 * job as a whole is stopped (time, memory, a crash), each file is audited in a job of its own, so the outcome
 * names the file that crossed the limit and the others are audited.
 */
export async function auditManyInSandbox(
  files: { bytes: Uint8Array; fileName: string }[],
  options: AuditOptions = {},
): Promise<BatchOutcome[]> {
  try {
    return await runSandboxed<BatchOutcome[]>(TASK, 'auditManyTask', { files, options });
  } catch (e) {
    if (files.length === 1) return [outcomeOf(e)];
    if (!(e instanceof DomainError)) throw e;
  }
  const out: BatchOutcome[] = [];
  for (const f of files) {
    try {
      const { result, narrative } = await auditInSandbox(f.bytes, f.fileName, options);
      out.push({ ok: true, audit: { result, narrative } });
    } catch (e) {
      out.push(outcomeOf(e));
    }
  }
  return out;
}
