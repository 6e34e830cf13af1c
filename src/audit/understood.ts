/** Everything the auditor understood about one document, before any rule runs. */
import type { ReadDocument } from './read/document.js';
import type { SectionFound } from './understand/sections.js';
import type { ReportIdentity } from './understand/identity.js';
import type { EndState } from './understand/truncation.js';
import type { ExtractedTable } from './map/extract.js';

export interface AuditOptions {
  /** Reporting year, when the caller knows it better than the document (`--year`). */
  year?: number;
  /** Province of the agency (e.g. "安徽"), for spotting text copied from another region. */
  province?: string;
  /** Publication date `YYYY-MM-DD`, when known (else taken from the page's 发布时间, if any). */
  publishedOn?: string;
}

export interface Understood {
  doc: ReadDocument;
  sections: SectionFound[];
  identity: ReportIdentity;
  /** The year used for the checks: the option, else the document's. */
  year?: number;
  end: EndState;
  tables: { t2: ExtractedTable; t3: ExtractedTable; t4: ExtractedTable };
  options: AuditOptions;
}
