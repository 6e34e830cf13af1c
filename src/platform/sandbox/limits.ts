/**
 * The limits every reader of an untrusted file works within (issue 20): uploaded reports, attachments, import
 * sheets. The readers check the ones they can see (expanded zip size and entry count, PDF pages, text length);
 * the sandbox pool (pool.ts) enforces time and memory from outside the child process. Crossing a limit is a
 * `LimitExceeded` whose Chinese message names the limit; the web answers it with 422, the CLI exits non-zero.
 */
import { DomainError } from '../errors.js';

export interface ParseLimits {
  /** Bytes all entries of a zip container (DOCX, XLSX, PPTX) may expand to, together. */
  maxExpandedBytes: number;
  /** Entries a zip container may hold. */
  maxZipEntries: number;
  /** Pages of a PDF that are read; a longer PDF is refused before any page is parsed. */
  maxPdfPages: number;
  /** Characters of text a file may yield. */
  maxTextChars: number;
  /** Wall-clock time one file may take to read, in milliseconds. */
  timeoutMs: number;
  /** Resident memory of the child process reading a file, in MB. */
  memoryMb: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxExpandedBytes: 100 * 1024 * 1024,
  maxZipEntries: 2000,
  maxPdfPages: 500,
  maxTextChars: 2_000_000,
  timeoutMs: 8000,
  memoryMb: 400,
};

export type LimitKind = keyof ParseLimits;

const MB = 1024 * 1024;

/** The Chinese message for a crossed limit, naming it. */
export function limitMessage(kind: LimitKind, limits: ParseLimits): string {
  switch (kind) {
    case 'maxExpandedBytes':
      return `文件解压后超过 ${Math.round(limits.maxExpandedBytes / MB)} MB，已停止读取。`;
    case 'maxZipEntries':
      return `文件包含的部件超过 ${limits.maxZipEntries} 个，已停止读取。`;
    case 'maxPdfPages':
      return `PDF 超过 ${limits.maxPdfPages} 页，已停止读取。`;
    case 'maxTextChars':
      return `文件的文字超过 ${Math.round(limits.maxTextChars / 10000)} 万字，已停止读取。`;
    case 'timeoutMs':
      return `读取文件超过 ${Math.round(limits.timeoutMs / 1000)} 秒，已停止读取。`;
    case 'memoryMb':
      return `读取文件占用内存超过 ${limits.memoryMb} MB，已停止读取。`;
  }
}

/** A file crossed one of the limits: nothing read from it is used. */
export class LimitExceeded extends DomainError {
  constructor(
    readonly limit: LimitKind,
    limits: ParseLimits,
  ) {
    super('input.limit_exceeded', limitMessage(limit, limits));
    this.name = 'LimitExceeded';
  }
}

/** Throws when `text` is longer than the limit; returns it otherwise. */
export function withinTextLimit(text: string, limits: ParseLimits): string {
  if (text.length > limits.maxTextChars) throw new LimitExceeded('maxTextChars', limits);
  return text;
}
