/**
 * Content defects that need no arithmetic: template guidance left in, text copied from another region or
 * agency, and the Art. 50(四) content a government's report must carry.
 */
import { lineText, type Line } from '../read/document.js';
import { finding, type AuditFinding } from '../findings.js';
import type { Understood } from '../understood.js';
import {
  ASSESSMENT_TERMS,
  AUTONOMOUS_REGIONS,
  COUNTY_PROVINCE,
  PROVINCES,
  TEMPLATE_PHRASES,
} from './content-data.js';

function sectionOf(u: Understood, lineIndex: number): number | undefined {
  let no: number | undefined;
  for (const s of u.sections) if (s.found && s.index !== undefined && s.index <= lineIndex) no = s.no;
  return no;
}

export function templateTextRule(u: Understood): AuditFinding[] {
  const out: AuditFinding[] = [];
  u.doc.lines.forEach((line, i) => {
    const text = lineText(line);
    const hit = TEMPLATE_PHRASES.find((p) => p.test(text));
    if (!hit) return;
    const section = sectionOf(u, i);
    out.push(
      finding(
        'content.template_text',
        `第 ${line.pos.line} 行保留了模板或编写通知中的说明文字：“${text.slice(0, 40)}${text.length > 40 ? '…' : ''}”。`,
        {
          line: line.pos.line,
          ...(section ? { section } : {}),
          ...(line.pos.page ? { page: line.pos.page } : {}),
        },
      ),
    );
  });
  return out;
}

/** The agency's province: the option, a province named in the agency's name, or a known county. */
export function provinceOf(u: Understood): string | undefined {
  if (u.options.province)
    return PROVINCES.find((p) => u.options.province!.startsWith(p)) ?? u.options.province;
  const name = u.identity.agency ?? '';
  const named = PROVINCES.find((p) => name.startsWith(p));
  if (named) return named;
  for (const [county, province] of Object.entries(COUNTY_PROVINCE))
    if (name.includes(county)) return province;
  return undefined;
}

const PROVINCE_ALT = PROVINCES.join('|');
const OTHER_PROVINCE = new RegExp(
  `(?:全|我|本)(${PROVINCE_ALT})|(${PROVINCE_ALT})(?:省|市|自治区)(?:人民政府|政府|政务公开|政府信息公开)`,
  'g',
);

/** Place name at the start of the agency's name ("固镇县仲兴乡人民政府" → "仲兴"), for comparing townships. */
function ownTownship(name: string | undefined): string | undefined {
  const m = /([\u4e00-\u9fa5]{2,4}?)(乡|镇|街道)(人民政府|办事处)?$/.exec(name ?? '');
  return m?.[1];
}

export function copiedTextRule(u: Understood): AuditFinding[] {
  const out: AuditFinding[] = [];
  const name = u.identity.agency ?? '';
  const province = provinceOf(u);
  const autonomous =
    /自治/.test(name) ||
    (province !== undefined && (AUTONOMOUS_REGIONS as readonly string[]).includes(province));
  const own = ownTownship(name);
  const seen = new Set<string>();
  u.doc.lines.forEach((line: Line, i) => {
    if (line.kind === 'row') return;
    const text = lineText(line);
    const section = sectionOf(u, i);
    const loc = { line: line.pos.line, ...(section ? { section } : {}) };
    // "自治区…统一平台" in a report of an agency that is not in an autonomous region.
    if (!autonomous && name !== '') {
      const m = /自治区[\u4e00-\u9fa5]{0,12}?(统一平台|平台|人民政府|政府|党委|办公厅)|自治区/.exec(text);
      if (m && !/民族区域自治/.test(text) && !seen.has('autonomous')) {
        seen.add('autonomous');
        const where = province ? `位于${province}` : '名称不含“自治”';
        out.push(
          finding(
            'content.copied',
            `第 ${line.pos.line} 行提到“${m[0]}”，但本机关（${name}）${where}，不属于自治区，疑似照抄其他地区的报告。`,
            loc,
            {
              actual: m[0],
            },
          ),
        );
      }
    }
    // Another province named as "our" province.
    if (province) {
      for (const m of text.matchAll(OTHER_PROVINCE)) {
        const p = m[1] ?? m[2]!;
        if (p === province || seen.has(p)) continue;
        seen.add(p);
        out.push(
          finding(
            'content.copied',
            `第 ${line.pos.line} 行提到${p}，但本机关位于${province}，疑似照抄其他地区的报告。`,
            loc,
            { actual: p },
          ),
        );
      }
    }
    // Another township's government named where the report speaks of itself.
    if (own) {
      const re = /([\u4e00-\u9fa5]{2,4}?)(乡|镇)(人民政府|党委)/g;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const other = m[1]!;
        if (other.endsWith(own) || own.endsWith(other) || seen.has(other) || /[各全本我该]/.test(other))
          continue;
        seen.add(other);
        out.push(
          finding(
            'content.copied',
            `第 ${line.pos.line} 行提到“${m[0]}”，与本机关（${name}）不符，疑似照抄其他机关的报告。`,
            loc,
            { actual: m[0] },
          ),
        );
      }
    }
  });
  return out;
}

/** Art. 50(四): reports of 各级人民政府 (townships included) state assessment, rating and accountability results. */
export function requiredContentRule(u: Understood): AuditFinding[] {
  const kind = u.identity.agencyKind;
  if (kind === 'department' || kind === 'unknown') return [];
  if (u.end.truncated) return [];
  const text = u.doc.lines.map(lineText).join('\n');
  const missing = ASSESSMENT_TERMS.filter((t) => !t.pattern.test(text)).map((t) => t.term);
  if (missing.length === 0) return [];
  const s1 = u.sections[0];
  return [
    finding(
      'content.missing_required',
      `政府的年报应报告工作考核、社会评议和责任追究结果情况（《条例》第五十条），本报告未提及：${missing.join('、')}。`,
      { section: 1, ...(s1?.pos ? { line: s1.pos.line } : {}) },
      { expected: ASSESSMENT_TERMS.map((t) => t.term).join('、'), actual: missing.join('、') },
    ),
  ];
}
