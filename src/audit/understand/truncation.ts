/**
 * Does the document stop before its end? Saved copies and pasted text often lose their tail (a page
 * that did not load, a paste cut short). The evidence is the end itself: the last heading found is not
 * 六, the last line is a table row or a heading, or the last sentence breaks off without punctuation.
 */
import { lineText, type Line, type SourcePos } from '../read/document.js';
import { headingOf, type SectionFound } from './sections.js';

export interface EndState {
  truncated: boolean;
  /** Chinese reasons, joined into the finding's message. */
  reasons: string[];
  lastPos?: SourcePos;
  lastText?: string;
}

const FINAL = /[。！？!?；;”」』）)\]】…]$/;
const SIGNATURE = /(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|人民政府|办事处|办公室|局|委员会|[乡镇])$/;

export function endState(lines: Line[], sections: SectionFound[]): EndState {
  const last = lines[lines.length - 1];
  if (!last) return { truncated: false, reasons: [] };
  const reasons: string[] = [];
  const lastFound = [...sections].reverse().find((s) => s.found);
  const text = lineText(last).trim();
  const lastNo = lastFound?.no ?? 0;
  if (lastNo > 0 && lastNo < 6)
    reasons.push(`文档在第${'一二三四五六'[lastNo - 1]}部分之后就结束了，其后各部分均未出现`);
  if (headingOf(last) !== undefined) reasons.push('文档以一个标题结尾，标题下没有内容');
  else if (last.kind === 'row' || (lastNo > 1 && lastNo < 5 && !FINAL.test(text))) {
    reasons.push('文档在表格中间结束');
  } else if (!FINAL.test(text) && !SIGNATURE.test(text) && text.length > 4) {
    reasons.push(`最后一句“${text.slice(-20)}”没有结束`);
  }
  return { truncated: reasons.length > 0, reasons, lastPos: last.pos, lastText: text.slice(-40) };
}
