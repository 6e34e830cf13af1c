/**
 * The State Council's 22 主题分类 (gov.cn 政策文件库 usage, portal-standards §4 [K]) with a few sub-categories.
 * Shipped as seed data: provinces localise the list, so it lives in a table the platform admin edits.
 */
interface SubjectSeed {
  code: string;
  name: string;
  children?: string[];
}

export const stateCouncilSubjects: SubjectSeed[] = [
  { code: '01', name: '国务院组织机构' },
  { code: '02', name: '综合政务', children: ['政务公开', '政务督查', '应急管理', '文秘工作', '电子政务'] },
  { code: '03', name: '国民经济管理、国有资产监管', children: ['发展规划', '统计', '国有资产监管'] },
  { code: '04', name: '财政、金融、审计', children: ['财政', '审计', '金融'] },
  { code: '05', name: '国土资源、能源', children: ['土地', '矿产', '能源'] },
  { code: '06', name: '农业、林业、水利', children: ['农业、畜牧业、渔业', '林业', '水利'] },
  { code: '07', name: '工业、交通', children: ['公路', '工业'] },
  { code: '08', name: '商贸、海关、旅游', children: ['国内贸易', '旅游'] },
  { code: '09', name: '市场监管、安全生产监管', children: ['市场监管', '安全生产监管', '食品药品监管'] },
  { code: '10', name: '城乡建设、环境保护', children: ['城乡建设', '环境监测、保护与治理', '住房保障'] },
  { code: '11', name: '科技、教育', children: ['教育', '科技'] },
  { code: '12', name: '文化、广电、新闻出版', children: ['文化'] },
  { code: '13', name: '卫生、体育', children: ['卫生', '体育', '医药管理'] },
  { code: '14', name: '人口与计划生育、妇女儿童工作', children: ['人口与计划生育', '妇女儿童'] },
  { code: '15', name: '劳动、人事、监察', children: ['就业', '社会保障', '人事工作'] },
  { code: '16', name: '公安、安全、司法', children: ['公安', '司法'] },
  { code: '17', name: '民政、扶贫、救灾', children: ['社会救助', '扶贫', '救灾', '乡村振兴'] },
  { code: '18', name: '民族、宗教' },
  { code: '19', name: '对外事务' },
  { code: '20', name: '港澳台侨工作' },
  { code: '21', name: '国防' },
  { code: '22', name: '其他' },
];
