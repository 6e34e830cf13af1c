/**
 * The dashboard groups request outcomes by table 三's six headings （一）予以公开 … （六）其他处理, through the one
 * outcome → row mapping that the annual report and the case page use (reply-types.ts `reportRowOf`), so a
 * dashboard figure always equals the sum of the report's rows. Pure.
 */
import { reportRowOf } from '../requests/reply-types.js';
import { OUTCOMES, type Outcome } from '../statute/outcomes.js';
import { table3Layout } from '../reports/model/shared-tables.js';

interface OutcomeGroup {
  /** Table 三 row id of the heading, e.g. `t3.r3.3`. */
  id: string;
  label: string;
}

const layout = table3Layout('2021');

/** The six headings under 三、本年度办理结果, in the form's order (without （七）总计). */
export const outcomeGroups: readonly OutcomeGroup[] = layout.rows
  .filter((r) => r.parentId === 't3.r3' && r.id !== 't3.r3.7')
  .map((r) => ({ id: r.id, label: r.label.replace(/（区分处理.*$/, '') }));

/** The heading an outcome is counted under, or undefined for an unknown code. */
export function outcomeGroupOf(outcome: string): OutcomeGroup | undefined {
  if (!(OUTCOMES as readonly string[]).includes(outcome)) return undefined;
  const row = reportRowOf(outcome as Outcome, '2021');
  const id = row.split('.').slice(0, 3).join('.');
  return outcomeGroups.find((g) => g.id === id);
}
