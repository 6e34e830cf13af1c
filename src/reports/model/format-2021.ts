/**
 * The current template: 《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号, used from
 * reporting year 2021 (statutory.md §2). Table 二 covers Art. 20 items (一)(五)(六)(八) only.
 */
import { SECTIONS, TABLE4_LAYOUT, table3Layout } from './shared-tables.js';
import type { ColumnDef, ReportFormat, RowDef, TableLayout } from './types.js';

const decisions: ColumnDef = { id: 'decisions', label: '本年处理决定数量', groups: [], kind: 'count' };
const documents: readonly ColumnDef[] = [
  { id: 'issued', label: '本年制发件数', groups: [], kind: 'count' },
  { id: 'repealed', label: '本年废止件数', groups: [], kind: 'count' },
  { id: 'inForce', label: '现行有效件数', groups: [], kind: 'count' },
];

const h = (id: string, label: string): RowDef => ({ id, label, heading: true, columns: [] });
const r = (id: string, label: string, parentId: string, columns: readonly ColumnDef[]): RowDef => ({
  id,
  label,
  parentId,
  heading: false,
  columns,
});

const TABLE2_2021: TableLayout = {
  id: 't2',
  title: '二、主动公开政府信息情况',
  rows: [
    h('t2.r1', '第二十条第（一）项'),
    r('t2.r1.rule', '规章', 't2.r1', documents),
    r('t2.r1.normative', '行政规范性文件', 't2.r1', documents),
    h('t2.r5', '第二十条第（五）项'),
    r('t2.r5.licensing', '行政许可', 't2.r5', [decisions]),
    h('t2.r6', '第二十条第（六）项'),
    r('t2.r6.penalty', '行政处罚', 't2.r6', [decisions]),
    r('t2.r6.coercion', '行政强制', 't2.r6', [decisions]),
    h('t2.r8', '第二十条第（八）项'),
    r('t2.r8.fee', '行政事业性收费', 't2.r8', [
      { id: 'amount', label: '本年收费金额（单位：万元）', groups: [], kind: 'amount', unit: '万元' },
    ]),
  ],
};

export const FORMAT_2021: ReportFormat = {
  version: '2021',
  basis: '国办公开办函〔2021〕30号',
  sections: SECTIONS,
  tables: { t2: TABLE2_2021, t3: table3Layout('2021'), t4: TABLE4_LAYOUT },
};
