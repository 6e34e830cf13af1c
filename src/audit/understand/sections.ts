/**
 * The six sections of an annual report (Art. 50; the same six headings in the 2019 and 2021 formats,
 * spec §2.1/§3). A heading is recognised by its ordinal and a keyword, on a short line, in order — so
 * table rows such as "四、结转下年度继续办理" or a numbered list inside section 六 are not taken for
 * headings, and "二、行政机关主动公开政府信息情况" (a common local variant) still is.
 */
import { lineText, type Line, type SourcePos } from '../read/document.js';
import { matchKey } from '../read/normalise.js';

export type SectionNo = 1 | 2 | 3 | 4 | 5 | 6;

/** Template heading text, for messages; the keywords decide recognition. */
export const SECTION_TITLES: Record<SectionNo, string> = {
  1: '一、总体情况',
  2: '二、主动公开政府信息情况',
  3: '三、收到和处理政府信息公开申请情况',
  4: '四、政府信息公开行政复议、行政诉讼情况',
  5: '五、存在的主要问题及改进情况',
  6: '六、其他需要报告的事项',
};

const ORDINALS: Record<SectionNo, string> = { 1: '一', 2: '二', 3: '三', 4: '四', 5: '五', 6: '六' };

const KEYWORDS: Record<SectionNo, RegExp> = {
  1: /总体情况|概述/,
  2: /主动公开/,
  3: /(收到|处理).*申请/,
  4: /复议|诉讼/,
  5: /问题|改进/,
  6: /其他/,
};

export interface SectionFound {
  no: SectionNo;
  found: boolean;
  title?: string;
  pos?: SourcePos;
  /** Index in `lines` of the heading line; the section runs until the next found heading. */
  index?: number;
}

export function headingOf(line: Line): SectionNo | undefined {
  if (line.cells.length > 2) return undefined;
  const key = matchKey(lineText(line));
  if (key.length > 40) return undefined;
  for (const no of [1, 2, 3, 4, 5, 6] as SectionNo[]) {
    const ord = ORDINALS[no];
    if (
      (key.startsWith(`${ord}、`) || key.startsWith(`${ord}.`) || key.startsWith(`第${ord}部分`)) &&
      KEYWORDS[no].test(key)
    ) {
      return no;
    }
  }
  return undefined;
}

/** Locate the six headings, in order: each is searched only after the previous one found. */
export function findSections(lines: Line[]): SectionFound[] {
  const found: SectionFound[] = [];
  let from = 0;
  for (const no of [1, 2, 3, 4, 5, 6] as SectionNo[]) {
    let hit = -1;
    for (let i = from; i < lines.length; i++) {
      const line = lines[i];
      if (line && headingOf(line) === no) {
        hit = i;
        break;
      }
    }
    const line = hit >= 0 ? lines[hit] : undefined;
    if (line) {
      found.push({ no, found: true, title: lineText(line).trim(), pos: line.pos, index: hit });
      from = hit + 1;
    } else {
      found.push({ no, found: false });
    }
  }
  return found;
}

/** Lines belonging to section `no` (from its heading to the next found heading), or [] if not found. */
export function sectionLines(lines: Line[], sections: SectionFound[], no: SectionNo): Line[] {
  const s = sections.find((x) => x.no === no);
  if (!s?.found || s.index === undefined) return [];
  const next = sections.find((x) => x.no > no && x.found && x.index !== undefined);
  return lines.slice(s.index + 1, next?.index ?? lines.length);
}
