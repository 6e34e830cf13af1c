/**
 * The text of an attachment, for the personal-data check: read in a child process of the sandbox
 * (src/platform/sandbox) within the reading limits, because an attachment is a file from outside — a DOCX or
 * XLSX is checked as a zip container before it is opened, a PDF is read for its first 50 pages.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { withinTextLimit, type ParseLimits } from '../../platform/sandbox/limits.js';
import { runSandboxed } from '../../platform/sandbox/sandbox.js';
import { checkZip } from '../../platform/sandbox/zip-limits.js';

interface TextInput {
  type: string;
  data: Uint8Array;
}

const TASK = new URL(import.meta.url).href;
const PDF_PAGES_READ = 50;

/** Runs in the child. */
export async function attachmentTextTask({ type, data }: TextInput, limits: ParseLimits): Promise<string> {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (type.endsWith('wordprocessingml.document')) {
    checkZip(buffer, limits);
    return withinTextLimit((await mammoth.extractRawText({ buffer })).value, limits);
  }
  if (type.endsWith('spreadsheetml.sheet')) {
    checkZip(buffer, limits);
    const zip = await JSZip.loadAsync(buffer);
    const shared = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
    const sheets = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => n.startsWith('xl/worksheets/') && n.endsWith('.xml'))
        .map((n) => zip.file(n)!.async('string')),
    );
    return withinTextLimit([shared, ...sheets].join(' ').replace(/<[^>]+>/g, ' '), limits);
  }
  if (type === 'application/pdf') return withinTextLimit(await pdfText(data), limits);
  return '';
}

async function pdfText(data: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: data.slice(), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const parts: string[] = [];
  try {
    for (let p = 1; p <= Math.min(doc.numPages, PDF_PAGES_READ); p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      parts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
    }
  } finally {
    await doc.destroy();
  }
  return parts.join('\n');
}

/** Text files are read here; Office files and PDFs in the sandbox. Rejects with LimitExceeded past a limit. */
export async function attachmentText(type: string, data: Buffer): Promise<string> {
  if (type.startsWith('text/')) return data.toString('utf8');
  if (!/wordprocessingml\.document$|spreadsheetml\.sheet$|^application\/pdf$/.test(type)) return '';
  return runSandboxed<string>(TASK, 'attachmentTextTask', { type, data: new Uint8Array(data) });
}
