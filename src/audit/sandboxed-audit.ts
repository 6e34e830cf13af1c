/**
 * The auditor as the web and the CLI run it on a file from outside: reading and auditing happen in a child
 * process of the sandbox pool (src/platform/sandbox), within the same limits for the upload page, `gongkai
 * audit FILE` and the batch. A file past a limit rejects with LimitExceeded, naming the limit.
 */
import { runSandboxed } from '../platform/sandbox/sandbox.js';
import type { ParseLimits } from '../platform/sandbox/limits.js';
import { auditWithDocument, type AuditedDocument, type AuditOptions } from './audit.js';

interface AuditInput {
  bytes: Uint8Array;
  fileName: string;
  options: AuditOptions;
}

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
