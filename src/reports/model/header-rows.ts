/**
 * Merged header cells from the columns' group labels (e.g. 申请人情况 › 法人或其他组织 › 商业企业), as the forms
 * print them: one header row per level; a column's own label spans down to the last header row.
 */
interface HeaderCell {
  label: string;
  colSpan: number;
  rowSpan: number;
}

/** Works on the model's column definitions and on their JSON form alike. */
export function headerRows(columns: readonly { label: string; groups: readonly string[] }[]): HeaderCell[][] {
  const depth = Math.max(0, ...columns.map((c) => c.groups.length)) + 1;
  const rows: HeaderCell[][] = Array.from({ length: depth }, () => []);
  for (let level = 0; level < depth; level++) {
    let i = 0;
    while (i < columns.length) {
      const c = columns[i]!;
      if (level > c.groups.length) {
        i++;
        continue;
      }
      if (level === c.groups.length) {
        rows[level]!.push({ label: c.label, colSpan: 1, rowSpan: depth - level });
        i++;
        continue;
      }
      const prefix = c.groups.slice(0, level + 1).join('›');
      let j = i + 1;
      while (
        j < columns.length &&
        columns[j]!.groups.length > level &&
        columns[j]!.groups.slice(0, level + 1).join('›') === prefix
      )
        j++;
      rows[level]!.push({ label: c.groups[level]!, colSpan: j - i, rowSpan: 1 });
      i = j;
    }
  }
  return rows;
}
