/**
 * Where one cell's number comes from: the cases or disputes behind it (one list item each, so the list's
 * length is the cell's count), the source of an entered figure, or the cells a total adds up.
 */
import { findRow, formatOf, splitCellId, tableOf } from '../model/formats.js';
import type { AnnualReport, CellId } from '../model/types.js';
import type { RegisteredDispute } from '../stores/disputes.store.js';
import { reportPaths } from './paths.js';

/** "row label · column label" of a cell in the report's format. */
export function cellLabel(report: AnnualReport, id: CellId): string | undefined {
  const { rowId, columnId } = splitCellId(id);
  const row = findRow(report.format, rowId);
  const column = row?.columns.find((c) => c.id === columnId);
  if (!row || !column) return undefined;
  const layout = formatOf(report.format).tables[tableOf(rowId)];
  const parent = layout.rows.find((r) => r.id === row.parentId);
  const rowLabel = [parent?.label, row.label].filter(Boolean).join(' ');
  return [layout.title, rowLabel || undefined, [...column.groups, column.label].join(' · ')]
    .filter(Boolean)
    .join(' — ');
}

export function ProvenanceView(props: {
  report: AnnualReport;
  cellId: CellId;
  disputes?: readonly RegisteredDispute[];
}) {
  const { report } = props;
  const id = props.cellId;
  const p = report.provenance?.[id] ?? { kind: 'missing' as const };
  const value = report.tables[tableOf(splitCellId(id).rowId)][id];
  const label = cellLabel(report, id) ?? id;
  return (
    <>
      <h1>数据来源</h1>
      <dl class="meta">
        <dt>单元格</dt>
        <dd>{label}</dd>
        <dt>数值</dt>
        <dd id="cell-value">{value === null || value === undefined ? '空' : String(value)}</dd>
      </dl>
      {p.kind === 'cases' && (
        <>
          <h2>依申请公开案件（共 {p.caseIds.length} 件）</h2>
          <ul class="provenance-list">
            {p.caseIds.map((c) => (
              <li>{c}</li>
            ))}
          </ul>
        </>
      )}
      {p.kind === 'disputes' && (
        <>
          <h2>行政复议、行政诉讼登记（共 {p.disputeIds.length} 件）</h2>
          <ul class="provenance-list">
            {p.disputeIds.map((d) => {
              const dispute = props.disputes?.find((x) => x.id === d);
              return (
                <li>
                  <a href={`${reportPaths.register(report.agency.id, report.year)}#d-${d}`}>
                    {dispute?.reference || d}
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {p.kind === 'entered' && (
        <p>
          人工填报或导入的数据，来源：<strong>{p.source || '（未注明）'}</strong>
        </p>
      )}
      {p.kind === 'derived' && (
        <>
          <h2>由下列单元格相加得出</h2>
          <ul class="provenance-list">
            {p.from.map((c) => (
              <li>
                <a href={reportPaths.cell(report.agency.id, report.year, c)}>{cellLabel(report, c) ?? c}</a>：
                {String(report.tables[tableOf(c)][c] ?? '空')}
              </li>
            ))}
          </ul>
        </>
      )}
      {p.kind === 'missing' && <p>尚未填报该数据，年报中此格为空。</p>}
      <p>
        <a href={reportPaths.report(report.agency.id, report.year)}>返回年报</a>
      </p>
    </>
  );
}
