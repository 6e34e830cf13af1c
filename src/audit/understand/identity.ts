/**
 * Who wrote the report and for which year. Taken from the title when there is one
 * ("固镇县仲兴乡人民政府 2020 年政府信息公开工作年度报告", "2022年度螅镇政府信息公开工作年度报告"), else from the
 * statistics period sentence ("统计期限自2020年1月1日起"), else from the first year in section 一.
 */
import { lineText, type Line, type SourcePos } from '../read/document.js';

export type AgencyKind =
  'township' | 'county_government' | 'city_government' | 'province_government' | 'department' | 'unknown';

export interface ReportIdentity {
  year?: number;
  yearPos?: SourcePos;
  agency?: string;
  agencyPos?: SourcePos;
  agencyKind: AgencyKind;
}

const TITLE =
  /^(.{0,40}?)\s*(\d{4})\s*年度?\s*(.{0,30}?)(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?报告/;
const PERIOD = /(?:统计期限|统计时限|数据统计期限|统计期)[^0-9]{0,12}(\d{4})\s*年\s*1\s*月\s*1\s*日/;

function plausibleYear(y: number): boolean {
  return y >= 2007 && y <= 2100;
}

export function agencyKindOf(name: string | undefined): AgencyKind {
  if (!name) return 'unknown';
  if (/(乡|镇|街道|办事处|苏木)(人民政府)?$/.test(name) || /(乡|镇)人民政府$/.test(name)) return 'township';
  if (/(省|自治区)人民政府$/.test(name) || /^(北京|天津|上海|重庆)市人民政府$/.test(name))
    return 'province_government';
  if (/(县|区|旗)人民政府$/.test(name)) return 'county_government';
  if (/(市|州|盟)人民政府$/.test(name)) return 'city_government';
  if (/(局|委员会|委|办公室|办|厅|部|署|中心|所|院|队)$/.test(name)) return 'department';
  return 'unknown';
}

export function readIdentity(lines: Line[]): ReportIdentity {
  const id: ReportIdentity = { agencyKind: 'unknown' };
  for (const line of lines.slice(0, 40)) {
    const text = lineText(line).replace(/\s+/g, ' ').trim();
    const m = TITLE.exec(text);
    if (!m) continue;
    const year = Number(m[2]);
    if (!plausibleYear(year)) continue;
    id.year = year;
    id.yearPos = line.pos;
    const before = (m[1] ?? '').replace(/[【】\s]/g, '');
    const after = (m[3] ?? '').replace(/\s/g, '');
    const name = before.length >= 2 ? before : after.length >= 2 ? after : undefined;
    if (name) {
      id.agency = name.replace(/^关于/, '');
      id.agencyPos = line.pos;
    }
    break;
  }
  if (id.year === undefined) {
    for (const line of lines.slice(0, 60)) {
      const m = PERIOD.exec(lineText(line));
      if (m && plausibleYear(Number(m[1]))) {
        id.year = Number(m[1]);
        id.yearPos = line.pos;
        break;
      }
    }
  }
  if (id.year === undefined) {
    for (const line of lines.slice(0, 30)) {
      const m = /(\d{4})\s*年/.exec(lineText(line));
      if (m && plausibleYear(Number(m[1]))) {
        id.year = Number(m[1]);
        id.yearPos = line.pos;
        break;
      }
    }
  }
  if (id.agency === undefined) {
    // "2020年,周矶街道办事处全面贯彻…": the subject of the opening sentence.
    for (const line of lines.slice(0, 30)) {
      const m =
        /\d{4}\s*年(?:度|以来)?\s*[，,]\s*([\u4e00-\u9fa5]{2,20}?(?:人民政府|街道办事处|办事处|乡|镇|局|委员会))/.exec(
          lineText(line),
        );
      if (m?.[1]) {
        id.agency = m[1];
        id.agencyPos = line.pos;
        break;
      }
    }
  }
  id.agencyKind = agencyKindOf(id.agency);
  if (id.agencyKind === 'unknown') {
    // A report without its name still says "我乡"/"我镇"/"我街道" about itself.
    const opening = lines.slice(0, 40).map(lineText).join('\n');
    if (/(我|本|全)(乡|镇|街道)/.test(opening)) id.agencyKind = 'township';
  }
  return id;
}
