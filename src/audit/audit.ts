/**
 * The annual-report auditor: reads any published report (text, HTML, DOCX, PDF, .doc/.wps) and lists its
 * defects as findings with stable rule codes (see findings.ts). Never throws on bad input: what could not be
 * read or checked is said in the result (`notChecked`), never passed over as "all checks pass" — except a file
 * past a reading limit (LimitExceeded). Files from outside are audited in the sandbox (sandboxed-audit.ts).
 */
import { readDocument } from './read/read-document.js';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../platform/sandbox/limits.js';
import { lineText, type Line, type SourceKind } from './read/document.js';
import { narrativeBigrams } from './batch/similarity.js';
import type { Encoding } from './read/decode.js';
import { findSections, sectionLines } from './understand/sections.js';
import { readIdentity, type AgencyKind } from './understand/identity.js';
import { endState } from './understand/truncation.js';
import { extractLabelled, extractReview, type ExtractedTable, type TableFormat } from './map/extract.js';
import { finding, type AuditFinding } from './findings.js';
import type { AuditOptions, Understood } from './understood.js';
import { structureRules } from './rules/structure.js';
import { formatRules } from './rules/format.js';
import { cellRules } from './rules/cells.js';
import { copiedTextRule, requiredContentRule, templateTextRule } from './rules/content.js';
import { narrativeRule } from './rules/narrative.js';
import { publicationRule } from './rules/publication.js';
import { sharedChecks } from './rules/shared-checks.js';

export type { AuditOptions } from './understood.js';

export interface AuditResult {
  fileName: string;
  source: SourceKind;
  encoding?: Encoding;
  /** False when nothing could be read (image-only PDF, unreadable file). */
  readable: boolean;
  year?: number;
  agency?: string;
  agencyKind: AgencyKind;
  formats: { t2: TableFormat; t3: TableFormat; t4: TableFormat };
  sections: { no: number; title: string; found: boolean; line?: number }[];
  truncated: boolean;
  /** The extracted tables, each cell with its source position. */
  tables: ExtractedTable[];
  findings: AuditFinding[];
  /** What could not be checked, and why (Chinese). */
  notChecked: string[];
  /** Reading notes that are not defects (e.g. converted from 繁体). */
  notes: string[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Errors first, then by position in the document. */
export function sortFindings(findings: AuditFinding[]): void {
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.location.line ?? 1e9) - (b.location.line ?? 1e9),
  );
}

export function understand(doc: Awaited<ReturnType<typeof readDocument>>, options: AuditOptions): Understood {
  const sections = findSections(doc.lines);
  const identity = readIdentity(doc.lines);
  const year = options.year ?? identity.year;
  const region = (no: 2 | 3 | 4) => sectionLines(doc.lines, sections, no);
  const t2 = extractLabelled('t2', sections[1]?.found ? region(2) : doc.lines, year);
  const t3 = extractLabelled('t3', sections[2]?.found ? region(3) : doc.lines, year);
  // Section 四 is over when a later heading follows — even one cut short ("五、存在的主", the 雄县 fixture).
  const lastLine = doc.lines[doc.lines.length - 1];
  const closed =
    sections.some((s) => s.no > 4 && s.found) || (!!lastLine && /^[五六][、.]/.test(lineText(lastLine)));
  const t4 = extractReview(sections[3]?.found ? region(4) : [], year, closed);
  return {
    doc,
    sections,
    identity,
    ...(year !== undefined ? { year } : {}),
    end: endState(doc.lines, sections),
    tables: { t2, t3, t4 },
    options,
  };
}

export async function auditDocument(
  bytes: Uint8Array,
  fileName: string,
  options: AuditOptions = {},
): Promise<AuditResult> {
  return (await auditWithDocument(bytes, fileName, options)).result;
}

/** The audit with what was read: the document's lines (for showing findings in place) and its narrative. */
export interface AuditedDocument {
  result: AuditResult;
  lines: Line[];
  /** Character bigrams of the narrative paragraphs, for comparing reports across a batch. */
  narrative: Set<string>;
}

export async function auditWithDocument(
  bytes: Uint8Array,
  fileName: string,
  options: AuditOptions = {},
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): Promise<AuditedDocument> {
  const doc = await readDocument(bytes, fileName, limits);
  const u = understand(doc, options);
  const findings: AuditFinding[] = [];
  const notes: string[] = [];
  const notChecked: string[] = [];
  for (const n of doc.notes) {
    if (n.code === 'document.traditional') notes.push(n.message);
    else findings.push(finding(n.code, n.message));
  }
  const readable = doc.lines.length > 0;
  if (readable) {
    const shared = sharedChecks(u);
    findings.push(
      ...structureRules(u),
      ...formatRules(u),
      ...cellRules(u),
      ...shared.findings,
      ...narrativeRule(u),
      ...templateTextRule(u),
      ...copiedTextRule(u),
      ...requiredContentRule(u),
      ...publicationRule(u),
    );
    notChecked.push(...shared.notChecked);
    if (u.year === undefined) notChecked.push('未能确定报告年度：格式是否过时、发布是否逾期无法判断。');
    if (u.identity.agency === undefined)
      notChecked.push('未能确定报告机关：规章制定权、是否照抄其他机关无法判断。');
  } else {
    if (doc.notes.length === 0)
      findings.push(finding('document.unreadable', '文档没有任何文字内容，未能审查。'));
    notChecked.push('文档没有可读的文字，全部内容未能审查。');
  }
  sortFindings(findings);
  const result: AuditResult = {
    fileName,
    source: doc.source,
    ...(doc.encoding ? { encoding: doc.encoding } : {}),
    readable,
    ...(u.year !== undefined ? { year: u.year } : {}),
    ...(u.identity.agency ? { agency: u.identity.agency } : {}),
    agencyKind: u.identity.agencyKind,
    formats: { t2: u.tables.t2.format, t3: u.tables.t3.format, t4: u.tables.t4.format },
    sections: u.sections.map((s) => ({
      no: s.no,
      title: s.title ?? '',
      found: s.found,
      ...(s.pos ? { line: s.pos.line } : {}),
    })),
    truncated: findings.some((f) => f.ruleId === 'document.truncated'),
    tables: [u.tables.t2, u.tables.t3, u.tables.t4],
    findings,
    notChecked,
    notes,
  };
  return { result, lines: doc.lines, narrative: narrativeBigrams(doc.lines, u.sections) };
}
