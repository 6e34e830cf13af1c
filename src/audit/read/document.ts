/**
 * What every reader produces: the document as a list of lines, each a list of cells with the place in
 * the source where it was found. A paragraph is a line with one cell; a table row (tab-, pipe- or
 * space-separated text, an HTML <tr>, a PDF line with wide gaps) is a line with several cells.
 * Tables in the source are not trusted to be well formed: the mapping onto the report model works on
 * this cell stream, so a header or label broken across lines still matches.
 */
import type { Encoding } from './decode.js';

export type SourceKind = 'text' | 'html' | 'docx' | 'pdf' | 'doc';

export interface SourcePos {
  /** 1-based line in the source text (text, HTML) or in the extracted text (DOCX, PDF, DOC). */
  line: number;
  /** 1-based cell index within the line, for table cells. */
  cell?: number;
  /** 1-based page, for PDF. */
  page?: number;
}

export interface Cell {
  /** Readable text: simplified characters, half-width digits, trimmed. */
  text: string;
  pos: SourcePos;
}

export interface Line {
  cells: Cell[];
  /** 'row' when the source marked cells (tabs, pipes, <td>, wide gaps); 'text' for running text. */
  kind: 'text' | 'row';
  pos: SourcePos;
}

/** A reading problem, turned into a finding by the auditor (document.image_only, document.unreadable). */
export interface ReadNote {
  code: 'document.image_only' | 'document.unreadable' | 'document.partly_read' | 'document.traditional';
  message: string;
}

export interface ReadDocument {
  source: SourceKind;
  encoding?: Encoding;
  lines: Line[];
  notes: ReadNote[];
}

/** The text of a line as one string (cells joined by a tab). */
export function lineText(line: Line): string {
  return line.cells.map((c) => c.text).join('\t');
}
