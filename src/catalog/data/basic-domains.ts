/**
 * The 26 pilot domains of 基层政务公开标准化规范化 (国办发〔2019〕54号; spec §5.2). Four names are marked [M]
 * in the spec (unconfirmed), so this is data: the key-area field of an item and the standard catalog both
 * refer to these codes, and an agency may add its own domains.
 */
interface BasicDomain {
  code: string;
  name: string;
  issuer: string;
  /** false where spec §5.2 marks the name [M] (from memory, not seen in a retrieved catalog). */
  confirmed: boolean;
}

const d = (n: number, name: string, issuer: string, confirmed = true): BasicDomain => ({
  code: `d${String(n).padStart(2, '0')}`,
  name,
  issuer,
  confirmed,
});

export const basicDomains: BasicDomain[] = [
  d(1, '重大建设项目', '国家发展改革委'),
  d(2, '公共资源交易', '国家发展改革委'),
  d(3, '财政预决算', '财政部'),
  d(4, '涉农补贴', '财政部、农业农村部'),
  d(5, '安全生产', '应急管理部'),
  d(6, '救灾', '应急管理部'),
  d(7, '税收管理', '税务总局'),
  d(8, '征地补偿', '自然资源部'),
  d(9, '城乡规划', '自然资源部'),
  d(10, '国有土地上房屋征收与补偿', '住房城乡建设部', false),
  d(11, '农村危房改造', '住房城乡建设部'),
  d(12, '保障性住房', '住房城乡建设部'),
  d(13, '城市综合执法', '住房城乡建设部', false),
  d(14, '市政服务', '住房城乡建设部', false),
  d(15, '生态环境', '生态环境部'),
  d(16, '公共文化服务', '文化和旅游部'),
  d(17, '公共法律服务', '司法部'),
  d(18, '扶贫（乡村振兴）', '国务院扶贫办'),
  d(19, '食品药品监管', '市场监管总局、药监局'),
  d(20, '就业', '人力资源社会保障部'),
  d(21, '社会保险', '人力资源社会保障部'),
  d(22, '社会救助', '民政部'),
  d(23, '养老服务', '民政部'),
  d(24, '户籍管理', '公安部'),
  d(25, '义务教育', '教育部'),
  d(26, '卫生健康', '国家卫生健康委'),
];

export const basicDomainName = new Map(basicDomains.map((x) => [x.code, x.name]));
