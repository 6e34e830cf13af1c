/**
 * The demo agency tree: 安徽省 → 蚌埠市 → 固镇县人民政府 → 固镇县仲兴乡人民政府 (the seed report's township),
 * with 固镇县人民政府办公室 as the supervising office, two county departments and one more township.
 * Credit codes are made up (valid check characters, marked by the organisation code part), not real ones.
 * No agency names its 复议机关: every one is derived from the tree (行政复议法 Art. 24, access/review-body.ts).
 */
import type { AgencyInput } from '../access/agency-input.js';
import type { Role } from '../platform/actor.js';

interface DemoAgency extends Omit<AgencyInput, 'parentId' | 'supervisorId'> {
  key: string;
  parent?: string;
  supervisor?: string;
}

const office = (name: string, address: string, phone: string, email: string) => ({
  name,
  address,
  postcode: '233700',
  hours: '工作日 上午 8:00–12:00，下午 14:30–17:30（法定节假日除外）',
  phone,
  fax: phone,
  email,
});

export const demoAgencies: DemoAgency[] = [
  {
    key: 'anhui',
    name: '安徽省人民政府',
    shortName: '安徽省政府',
    creditCode: '113400000030000003',
    divisionCode: '340000',
    level: 'province',
    pathSegment: 'anhui',
    office: office(
      '安徽省人民政府办公厅',
      '安徽省合肥市包河区中山路1号',
      '0551-00000000',
      'gk@ah.example.gov.cn',
    ),
    docNoPrefixes: ['皖政', '皖政办'],
  },
  {
    key: 'bengbu',
    parent: 'anhui',
    name: '蚌埠市人民政府',
    shortName: '蚌埠市政府',
    creditCode: '113403000031000005',
    divisionCode: '340300',
    level: 'city',
    pathSegment: 'bengbu',
    office: office(
      '蚌埠市人民政府办公室',
      '安徽省蚌埠市东海大道市政府大楼',
      '0552-00000000',
      'gk@bengbu.example.gov.cn',
    ),
    docNoPrefixes: ['蚌政', '蚌政办'],
  },
  {
    key: 'guzhen',
    parent: 'bengbu',
    name: '固镇县人民政府',
    shortName: '固镇县政府',
    creditCode: '11340323003120000Y',
    divisionCode: '340323',
    level: 'county',
    pathSegment: 'guzhen',
    office: office(
      '固镇县人民政府办公室',
      '安徽省蚌埠市固镇县谷阳路1号',
      '0552-6012345',
      'gk@guzhen.example.gov.cn',
    ),
    docNoPrefixes: ['固政', '固政办'],
    sortOrder: 1,
  },
  {
    key: 'guzhen-office',
    parent: 'guzhen',
    name: '固镇县人民政府办公室',
    shortName: '县政府办',
    creditCode: '11340323MB01000015',
    divisionCode: '340323',
    level: 'general_office',
    pathSegment: 'guzhen-zfb',
    office: office(
      '固镇县人民政府办公室（县政务公开办）',
      '安徽省蚌埠市固镇县谷阳路1号',
      '0552-6012346',
      'zwgk@guzhen.example.gov.cn',
    ),
    docNoPrefixes: ['固政办'],
    sortOrder: 2,
  },
  {
    key: 'guzhen-education',
    parent: 'guzhen',
    supervisor: 'guzhen-office',
    name: '固镇县教育局',
    shortName: '县教育局',
    creditCode: '11340323MB0200002T',
    divisionCode: '340323',
    level: 'department',
    pathSegment: 'guzhen-jyj',
    office: office(
      '固镇县教育局办公室',
      '安徽省蚌埠市固镇县教育路8号',
      '0552-6012347',
      'jyj@guzhen.example.gov.cn',
    ),
    docNoPrefixes: ['固教'],
    sortOrder: 3,
  },
  {
    key: 'guzhen-resources',
    parent: 'guzhen',
    supervisor: 'guzhen-office',
    name: '固镇县自然资源和规划局',
    shortName: '县自然资源局',
    creditCode: '11340323MB0300003G',
    divisionCode: '340323',
    level: 'department',
    pathSegment: 'guzhen-zrzy',
    office: office(
      '固镇县自然资源和规划局办公室',
      '安徽省蚌埠市固镇县淮河路16号',
      '0552-6012348',
      'zrzy@guzhen.example.gov.cn',
    ),
    docNoPrefixes: ['固自然资规'],
    sortOrder: 4,
  },
  {
    key: 'zhongxing',
    parent: 'guzhen',
    supervisor: 'guzhen-office',
    name: '固镇县仲兴乡人民政府',
    shortName: '仲兴乡',
    creditCode: '11340323MB04000046',
    divisionCode: '340323207',
    level: 'township',
    pathSegment: 'zhongxing',
    office: office(
      '仲兴乡党政办公室',
      '安徽省蚌埠市固镇县仲兴乡仲兴街1号',
      '0552-6500000',
      'zhongxing@guzhen.example.gov.cn',
    ),
    docNoPrefixes: ['仲政', '仲政办'],
    sortOrder: 5,
  },
  {
    key: 'hugou',
    parent: 'guzhen',
    supervisor: 'guzhen-office',
    name: '固镇县湖沟镇人民政府',
    shortName: '湖沟镇',
    creditCode: '11340323MB0500005U',
    divisionCode: '340323102',
    level: 'township',
    pathSegment: 'hugou',
    office: office(
      '湖沟镇党政办公室',
      '安徽省蚌埠市固镇县湖沟镇人民路2号',
      '0552-6600000',
      'hugou@guzhen.example.gov.cn',
    ),
    docNoPrefixes: ['湖政'],
    sortOrder: 6,
  },
];

/** Demo accounts, one per role, all with the same documented password. */
export const demoPassword = 'Gongkai-Demo-2026';

export const demoUsers: {
  username: string;
  displayName: string;
  grants: { agency: string; role: Role }[];
}[] = [
  { username: 'admin', displayName: '平台管理员', grants: [{ agency: 'anhui', role: 'platform_admin' }] },
  {
    username: 'zx-admin',
    displayName: '仲兴乡机关管理员',
    grants: [{ agency: 'zhongxing', role: 'agency_admin' }],
  },
  { username: 'zx-editor', displayName: '仲兴乡信息编辑', grants: [{ agency: 'zhongxing', role: 'editor' }] },
  {
    username: 'zx-reviewer',
    displayName: '仲兴乡审核人员',
    grants: [{ agency: 'zhongxing', role: 'reviewer' }],
  },
  {
    username: 'zx-handler',
    displayName: '仲兴乡经办人',
    grants: [{ agency: 'zhongxing', role: 'case_handler' }],
  },
  {
    username: 'zx-head',
    displayName: '仲兴乡党政办主任',
    grants: [{ agency: 'zhongxing', role: 'office_head' }],
  },
  {
    username: 'gz-supervisor',
    displayName: '县政务公开办',
    grants: [{ agency: 'guzhen-office', role: 'supervisor' }],
  },
];
