/**
 * The standard 政府信息公开 column layout (国办公开办函〔2019〕61号 and practice, portal-standards §3): four
 * first-level parts, with 法定主动公开内容 organised by the items of Art. 20, plus the Art. 21 items for
 * 设区的市, counties and townships. Agencies add their own columns beside these.
 */
import type { AgencyLevel } from '../access/agency.js';

export const columnKinds = ['guide', 'system', 'statutory', 'report', 'custom'] as const;
type ColumnKind = (typeof columnKinds)[number];

interface ColumnTemplate {
  code: string;
  name: string;
  kind: ColumnKind;
  parentCode?: string;
  articleItem?: string;
}

/** 条例 Art. 20 (一)–(十五), short labels. */
const article20Items: Array<[number, string]> = [
  [1, '行政法规、规章和规范性文件'],
  [2, '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名'],
  [3, '国民经济和社会发展规划、专项规划、区域规划及相关政策'],
  [4, '国民经济和社会发展统计信息'],
  [5, '行政许可和其他对外管理服务事项'],
  [6, '行政处罚、行政强制'],
  [7, '财政预算、决算信息'],
  [8, '行政事业性收费项目及其依据、标准'],
  [9, '政府集中采购项目的目录、标准及实施情况'],
  [10, '重大建设项目的批准和实施情况'],
  [11, '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况'],
  [12, '突发公共事件的应急预案、预警信息及应对情况'],
  [13, '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况'],
  [14, '公务员招考的职位、名额、报考条件等事项以及录用结果'],
  [15, '法律、法规、规章和国家有关规定要求主动公开的其他政府信息'],
];

/** 条例 Art. 21: the extra scope of 设区的市/county governments and of townships. */
const article21: Partial<Record<AgencyLevel, string>> = {
  city: '市政建设、公共服务、公益事业、土地征收、房屋征收、治安管理、社会救助等',
  county: '市政建设、公共服务、公益事业、土地征收、房屋征收、治安管理、社会救助等',
  township:
    '贯彻落实农业农村政策、农田水利工程建设运营、农村土地承包经营权流转、宅基地使用情况审核、土地征收、房屋征收、筹资筹劳、社会救助等',
  street: '市政建设、公共服务、公益事业、土地征收、房屋征收、治安管理、社会救助等',
};

export const pad2 = (n: number) => String(n).padStart(2, '0');

/** The standard columns an agency of `level` starts with. */
export function standardColumns(level: AgencyLevel): ColumnTemplate[] {
  const out: ColumnTemplate[] = [
    { code: 'guide', name: '政府信息公开指南', kind: 'guide' },
    { code: 'system', name: '政府信息公开制度', kind: 'system' },
    { code: 'statutory', name: '法定主动公开内容', kind: 'statutory' },
  ];
  for (const [n, label] of article20Items) {
    out.push({
      code: `a20-${pad2(n)}`,
      name: label,
      kind: 'statutory',
      parentCode: 'statutory',
      articleItem: `20.${n}`,
    });
  }
  const extra = article21[level];
  if (extra)
    out.push({ code: 'a21', name: extra, kind: 'statutory', parentCode: 'statutory', articleItem: '21' });
  out.push({ code: 'report', name: '政府信息公开年报', kind: 'report' });
  return out;
}

/** Column codes are URL segments: lower-case letters, digits and hyphens. */
export const isColumnCode = (s: string) => /^[a-z0-9][a-z0-9-]{0,39}$/.test(s);
