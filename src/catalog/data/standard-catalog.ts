/**
 * A starter 基层政务公开标准目录 (spec §5.3 columns) for a township, two entries per pilot domain, shipped as a
 * template the agency adopts and then edits. The element lists follow the pattern of published county
 * catalogs; they are a starting point, not the State Council guidelines' text (spec §7: the authoritative
 * guideline list was not retrieved), so every entry stays editable data.
 */
import { basicDomains } from './basic-domains.js';

interface StandardEntryTemplate {
  domainCode: string;
  level1: string;
  level2: string;
  content: string;
  basis: string;
  timeLimit: string;
  channels: string[];
  audience: '全社会' | '特定群体';
  mode: '主动' | '依申请公开';
  tier: string;
}

/** 条例 Art. 26 default; some catalogs set 7 working days for 行政许可/处罚 (双公示, unverified). */
const DEFAULT_TIME_LIMIT = '信息形成或者变更之日起20个工作日内';
const REGULATION = '《中华人民共和国政府信息公开条例》';
const CHANNELS = ['政府网站', '公开查阅点', '社区/企事业单位/村公示栏（电子屏）'];

const pairs: Record<string, Array<[string, string, string, string]>> = {
  重大建设项目: [
    ['批准服务信息', '审批结果', '项目名称、审批部门、批复文号、批复时间', '《政府投资条例》'],
    ['实施信息', '施工有关信息', '项目法人、施工单位、工期、质量安全监督机构', '《建设工程质量管理条例》'],
  ],
  公共资源交易: [
    ['工程建设项目招标投标信息', '招标公告', '招标内容、招标范围、招标组织形式、投标人资格要求', '《招标投标法》'],
    ['政府采购信息', '中标（成交）结果', '采购项目名称、中标供应商、中标金额', '《政府采购法》'],
  ],
  财政预决算: [
    ['财政预算', '部门预算', '收支总表、财政拨款支出表、“三公”经费说明', '《预算法》'],
    ['财政决算', '部门决算', '收支总表、“三公”经费决算说明、绩效情况', '《预算法》'],
  ],
  涉农补贴: [
    ['惠民惠农财政补贴', '补贴政策', '补贴对象、补贴标准、申报条件、办理程序', '财政部关于惠民惠农补贴“一卡通”的文件'],
    ['惠民惠农财政补贴', '补贴发放结果', '补贴项目、发放对象（去标识化）、发放金额、发放时间', '财政部关于惠民惠农补贴“一卡通”的文件'],
  ],
};

/** Two entries per domain: named pairs where we have them, a generic policy/result pair otherwise. */
export function standardCatalogTemplate(): StandardEntryTemplate[] {
  const out: StandardEntryTemplate[] = [];
  for (const d of basicDomains) {
    const name = d.name.replace(/（.*）/, '');
    const list = pairs[name] ?? [
      [`${name}政策`, '政策文件', `${name}领域的法律法规、政策文件及解读`, REGULATION],
      [`${name}办理结果`, '结果信息', `${name}事项的办理结果、监督检查情况`, REGULATION],
    ];
    for (const [level1, level2, content, basis] of list) {
      out.push({
        domainCode: d.code,
        level1,
        level2,
        content,
        basis: basis === REGULATION ? basis : `${REGULATION}、${basis}`,
        timeLimit: DEFAULT_TIME_LIMIT,
        channels: CHANNELS,
        audience: level2.includes('结果') && name === '涉农补贴' ? '特定群体' : '全社会',
        mode: '主动',
        tier: '乡级',
      });
    }
  }
  return out;
}
