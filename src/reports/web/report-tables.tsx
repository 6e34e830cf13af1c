/**
 * The computed report's tables as real HTML tables in the form's layout: table 二 as one block per
 * Art. 20 item with its own column heads, tables 三 and 四 with merged group heads (申请人情况 → 法人或其他组织,
 * 行政诉讼 → 复议后起诉). Every number links to the page that shows where it comes from.
 */
import { cellId, formatOf } from '../model/formats.js';
import type { AnnualReport, CellValue, ColumnDef, RowDef, TableLayout } from '../model/types.js';
import { reportPaths } from './paths.js';

const show = (v: CellValue | undefined) => (v === null || v === undefined ? '空' : String(v));

interface HeadCell {
  label: string;
  colspan: number;
  rowspan: number;
}

/** Header rows from the columns' group paths: equal consecutive groups merge; a short path spans down. */
export function headerRows(columns: readonly ColumnDef[]): HeadCell[][] {
  const depth = Math.max(...columns.map((c) => c.groups.length)) + 1;
  const rows: HeadCell[][] = Array.from({ length: depth }, () => []);
  for (let level = 0; level < depth; level++) {
    let i = 0;
    while (i < columns.length) {
      const c = columns[i]!;
      if (level > c.groups.length) {
        i++;
        continue;
      }
      if (level === c.groups.length) {
        rows[level]!.push({ label: c.label, colspan: 1, rowspan: depth - level });
        i++;
        continue;
      }
      const path = c.groups.slice(0, level + 1).join('/');
      let j = i + 1;
      while (
        j < columns.length &&
        columns[j]!.groups.length > level &&
        columns[j]!.groups.slice(0, level + 1).join('/') === path
      )
        j++;
      rows[level]!.push({ label: c.groups[level]!, colspan: j - i, rowspan: 1 });
      i = j;
    }
  }
  return rows;
}

function depthOf(layout: TableLayout, row: RowDef): number {
  let d = 0;
  let parent = row.parentId;
  while (parent) {
    d++;
    parent = layout.rows.find((r) => r.id === parent)?.parentId;
  }
  return d;
}

function NumberCell(props: { report: AnnualReport; table: 't2' | 't3' | 't4'; id: string }) {
  const { report, table, id } = props;
  return (
    <td class="num">
      <a href={reportPaths.cell(report.agency.id, report.year, id)}>{show(report.tables[table][id])}</a>
    </td>
  );
}

function Table2(props: { report: AnnualReport }) {
  const layout = formatOf(props.report.format).tables.t2;
  const groups = layout.rows.filter((r) => r.heading);
  return (
    <>
      {groups.map((g) => {
        const rows = layout.rows.filter((r) => r.parentId === g.id);
        const columns = rows[0]?.columns ?? [];
        const sameColumns = rows.every(
          (r) => r.columns.map((c) => c.id).join() === columns.map((c) => c.id).join(),
        );
        return (
          <table class="report-table">
            <caption>{g.label}</caption>
            {sameColumns && (
              <thead>
                <tr>
                  <th scope="col">信息内容</th>
                  {columns.map((c) => (
                    <th scope="col">{c.unit ? `${c.label}（${c.unit}）` : c.label}</th>
                  ))}
                </tr>
              </thead>
            )}
            <tbody>
              {rows.map((r) => (
                <tr>
                  <th scope="row">
                    {r.label}
                    {!sameColumns && ` （${r.columns.map((c) => c.label).join('、')}）`}
                  </th>
                  {r.columns.map((c) => (
                    <NumberCell report={props.report} table="t2" id={cellId(r.id, c.id)} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </>
  );
}

function GridTable(props: { report: AnnualReport; table: 't3' | 't4' }) {
  const layout = formatOf(props.report.format).tables[props.table];
  const columns = layout.rows.find((r) => !r.heading)!.columns;
  const head = headerRows(columns);
  const labelled = layout.rows.some((r) => r.label !== '');
  return (
    <table class="report-table">
      <caption>{layout.title}</caption>
      <thead>
        {head.map((cells, level) => (
          <tr>
            {level === 0 && labelled && (
              <td rowspan={head.length} class="note">
                {layout.note ?? ''}
              </td>
            )}
            {cells.map((c) => (
              <th scope={c.colspan > 1 ? 'colgroup' : 'col'} colspan={c.colspan} rowspan={c.rowspan}>
                {c.label}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {layout.rows.map((r) => (
          <tr>
            {labelled && (
              <th
                scope="row"
                colspan={r.heading ? columns.length + 1 : 1}
                class={`depth-${depthOf(layout, r)}`}
              >
                {r.label}
              </th>
            )}
            {!r.heading &&
              r.columns.map((c) => (
                <NumberCell report={props.report} table={props.table} id={cellId(r.id, c.id)} />
              ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReportTables(props: { report: AnnualReport }) {
  const format = formatOf(props.report.format);
  return (
    <>
      {format.sections.map((s) => (
        <section>
          <h2>{s.label}</h2>
          {s.table === 't2' && <Table2 report={props.report} />}
          {(s.table === 't3' || s.table === 't4') && <GridTable report={props.report} table={s.table} />}
          {!s.table && <p class="hint">文字部分由机关撰写（不在本页计算）。</p>}
        </section>
      ))}
    </>
  );
}
