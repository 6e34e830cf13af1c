/**
 * The published report as HTML: narrative in the six sections and the three tables as real tables (never
 * images) in the form's layout, with header cells scoped for screen readers. Renders a frozen snapshot.
 */
import type { RowJson, TableJson } from '../../reports/report-json.js';
import { NARRATIVE_PARTS } from '../narrative.js';
import type { ReportSnapshot } from '../snapshot.js';
import { headerRows } from '../../reports/model/header-rows.js';

const fmt = (v: number | null) => (v === null ? '' : String(v));

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n+/)
        .filter(Boolean)
        .map((p) => (
          <p>{p}</p>
        ))}
    </>
  );
}

function Table2({ table }: { table: TableJson }) {
  const groups: { heading: RowJson; rows: RowJson[] }[] = [];
  for (const row of table.rows) {
    if (row.heading) groups.push({ heading: row, rows: [] });
    else groups.at(-1)?.rows.push(row);
  }
  return (
    <table class="report-table">
      <caption>{table.title}</caption>
      {groups.map((g) => {
        const cols = g.rows[0]?.columns ?? [];
        return (
          <tbody>
            <tr>
              <th scope="colgroup" colSpan={cols.length + 1}>
                {g.heading.label}
              </th>
            </tr>
            <tr>
              <th scope="col">信息内容</th>
              {cols.map((c) => (
                <th scope="col">{c.label}</th>
              ))}
            </tr>
            {g.rows.map((r) => (
              <tr>
                <th scope="row">{r.label}</th>
                {r.values.map((v) => (
                  <td>{fmt(v)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        );
      })}
    </table>
  );
}

function MatrixTable({ table }: { table: TableJson }) {
  const columns = table.columns ?? [];
  const header = headerRows(columns);
  const labelled = table.rows.some((r) => r.label !== '');
  return (
    <table class="report-table">
      <caption>{table.title}</caption>
      <thead>
        {header.map((cells, i) => (
          <tr>
            {i === 0 && labelled && (
              <th scope="col" rowSpan={header.length}>
                {table.note ?? '项目'}
              </th>
            )}
            {cells.map((c) => (
              <th scope={c.colSpan > 1 ? 'colgroup' : 'col'} colSpan={c.colSpan} rowSpan={c.rowSpan}>
                {c.label}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.rows.map((r) =>
          r.heading ? (
            <tr>
              <th scope="rowgroup" colSpan={columns.length + 1}>
                {r.label}
              </th>
            </tr>
          ) : (
            <tr>
              {labelled && <th scope="row">{r.label}</th>}
              {r.values.map((v) => (
                <td>{fmt(v)}</td>
              ))}
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

export const reportTitle = (s: ReportSnapshot) =>
  `${s.report.agency.name}${s.report.year}年政府信息公开工作年度报告`;

export function ReportDocument({
  snapshot,
  headingLevel = 2,
}: {
  snapshot: ReportSnapshot;
  headingLevel?: 2;
}) {
  const { report, narrative } = snapshot;
  const H = `h${headingLevel}` as 'h2';
  const H3 = `h${headingLevel + 1}` as 'h3';
  return (
    <div class="annual-report">
      <p>
        本报告根据《中华人民共和国政府信息公开条例》第四十九条、第五十条和{report.formatBasis}
        的格式编制，所列数据统计期限为{report.year}年1月1日至{report.year}年12月31日。
      </p>
      {report.sections.map((s) => {
        const table = s.table ? report.tables.find((t) => t.id === s.table) : undefined;
        const parts = NARRATIVE_PARTS.filter((p) => p.section === s.id);
        return (
          <section>
            <H>{s.label}</H>
            {parts.map((p) => (
              <>
                <H3>{p.label}</H3>
                <Paragraphs text={narrative[p.id] || '无。'} />
              </>
            ))}
            {table && (table.id === 't2' ? <Table2 table={table} /> : <MatrixTable table={table} />)}
          </section>
        );
      })}
    </div>
  );
}
