/**
 * The trial template 格式（试行） issued with 国办公开办函〔2019〕60号, used for reporting years 2019 and 2020
 * (statutory.md §3). Reconstructed from real reports: table 二 also covers Art. 20 item (九), and table 三's
 * （六）其他处理 is one row.
 */
import { SECTIONS, TABLE4_LAYOUT, table3Layout } from './shared-tables.js';
import type { ColumnDef, ReportFormat, RowDef, TableLayout } from './types.js';

const documents: readonly ColumnDef[] = [
  { id: 'made', label: '本年新制作数量', groups: [], kind: 'count' },
  { id: 'published', label: '本年新公开数量', groups: [], kind: 'count' },
  { id: 'total', label: '对外公开总数量', groups: [], kind: 'count' },
];
const previous: ColumnDef = { id: 'previous', label: '上一年项目数量', groups: [], kind: 'count' };
// 本年增/减 is negative for a decrease (湖北 2020 notes, statutory.md §3.1).
const change: ColumnDef = { id: 'change', label: '本年增/减', groups: [], kind: 'change' };
const decisions: ColumnDef = { id: 'decisions', label: '处理决定数量', groups: [], kind: 'count' };
const items: readonly ColumnDef[] = [previous, change, decisions];

const h = (id: string, label: string): RowDef => ({ id, label, heading: true, columns: [] });
const r = (id: string, label: string, parentId: string, columns: readonly ColumnDef[]): RowDef => ({
  id,
  label,
  parentId,
  heading: false,
  columns,
});

const TABLE2_2019: TableLayout = {
  id: 't2',
  title: '二、主动公开政府信息情况',
  rows: [
    h('t2.r1', '第二十条第（一）项'),
    r('t2.r1.rule', '规章', 't2.r1', documents),
    r('t2.r1.normative', '规范性文件', 't2.r1', documents),
    h('t2.r5', '第二十条第（五）项'),
    r('t2.r5.licensing', '行政许可', 't2.r5', items),
    r('t2.r5.otherServices', '其他对外管理服务事项', 't2.r5', items),
    h('t2.r6', '第二十条第（六）项'),
    r('t2.r6.penalty', '行政处罚', 't2.r6', items),
    r('t2.r6.coercion', '行政强制', 't2.r6', items),
    h('t2.r8', '第二十条第（八）项'),
    r('t2.r8.fee', '行政事业性收费', 't2.r8', [previous, change]),
    h('t2.r9', '第二十条第（九）项'),
    r('t2.r9.procurement', '政府集中采购', 't2.r9', [
      { id: 'items', label: '采购项目数量', groups: [], kind: 'count' },
      // The label carries no unit; published reports write 万元 in the cell (e.g. the seed's "63.79 万元") [D].
      { id: 'amount', label: '采购总金额', groups: [], kind: 'amount', unit: '万元' },
    ]),
  ],
};

export const FORMAT_2019: ReportFormat = {
  version: '2019',
  basis: '国办公开办函〔2019〕60号',
  sections: SECTIONS,
  tables: { t2: TABLE2_2019, t3: table3Layout('2019'), t4: TABLE4_LAYOUT },
};
