/**
 * Use case: create agencies from rows (`gongkai agency import FILE` for a county's whole tree, `gongkai agency add`
 * for one). Every row goes through createAgency — the admin form's checks (credit code under GB 32100, unique
 * path and code, the 复议机关 under 行政复议法 Art. 24) — in one transaction: all rows are stored, or none, and
 * every problem is listed by row.
 */
import type { AppContext } from '../platform/context.js';
import { DomainError } from '../platform/errors.js';
import { inOneTransaction } from '../platform/db/one-transaction.js';
import type { Actor } from '../platform/actor.js';
import type { Agency } from '../access/agency.js';
import type { AgencyInput } from '../access/agency-input.js';
import { agenciesStore } from '../access/agencies.store.js';
import { createAgency } from './save-agency.js';
import {
  columnHeader,
  parseLevel,
  problemAt,
  planAgencyImport,
  readAgencyRows,
  type AgencyField,
  type AgencyRef,
  type AgencyRow,
} from './agency-rows.js';

/** The form's field names (agency-input.ts) → the columns they came from. */
const columnOfField: Record<string, AgencyField> = {
  name: 'name',
  shortName: 'shortName',
  creditCode: 'creditCode',
  divisionCode: 'divisionCode',
  level: 'level',
  calendarRegion: 'calendarRegion',
  pathSegment: 'pathSegment',
  parentId: 'parent',
  supervisorId: 'supervisor',
  reconsiderationBody: 'reviewBody',
  reconsiderationBodyReason: 'reviewBodyReason',
  'office.name': 'officeName',
  'office.address': 'address',
  'office.postcode': 'postcode',
  'office.hours': 'hours',
  'office.phone': 'phone',
  'office.fax': 'fax',
  'office.email': 'email',
  docNoPrefixes: 'docNoPrefixes',
};

function refused(problems: readonly string[], single: boolean): DomainError {
  const fields = Object.fromEntries(problems.map((p, i) => [`问题${i + 1}`, p]));
  return new DomainError(
    'validation.failed',
    single ? '机关未新增：' : `导入文件有 ${problems.length} 处问题，未导入任何机关：`,
    fields,
  );
}

/** A row as the admin form's input, with ids of its parent and supervisor and what it inherits from its parent. */
function agencyInput(r: AgencyRow, parent: Agency | undefined, supervisorId: string | null): AgencyInput {
  const c = r.cells;
  const level = parseLevel(c.level ?? '');
  return {
    parentId: parent?.id ?? null,
    supervisorId,
    name: c.name ?? '',
    shortName: c.shortName ?? c.name ?? '',
    creditCode: c.creditCode ?? '',
    // Unset: the parent's, else the registering authority's division in the credit code (GB 32100, chars 3–8).
    divisionCode: c.divisionCode ?? parent?.divisionCode ?? (c.creditCode ?? '').slice(2, 8),
    // An unknown level reaches the form's check, which names it.
    level: (level ?? c.level ?? '') as AgencyInput['level'],
    calendarRegion: c.calendarRegion ?? parent?.calendarRegion ?? null,
    pathSegment: c.pathSegment ?? '',
    reconsiderationBody: c.reviewBody ?? '',
    reconsiderationBodyReason: c.reviewBodyReason ?? '',
    office: {
      name: c.officeName ?? '',
      address: c.address ?? '',
      postcode: c.postcode ?? '',
      hours: c.hours ?? '',
      phone: c.phone ?? '',
      fax: c.fax ?? '',
      email: c.email ?? '',
    },
    docNoPrefixes: (c.docNoPrefixes ?? '').split(/[、,，;；\s]+/).filter(Boolean),
  };
}

const levelProblem = (r: AgencyRow) =>
  r.cells.level && !parseLevel(r.cells.level)
    ? [
        problemAt(
          r,
          columnHeader('level'),
          `“${r.cells.level}”不是可用的层级（省、市、县、乡镇、街道、部门、办公室）`,
        ),
      ]
    : [];

/** Problems in row order (the header's first). */
const byRow = (problems: readonly string[]) => [...problems].sort((a, b) => rowOf(a) - rowOf(b));
const rowOf = (p: string) => Number(/^第 (\d+) 行/.exec(p)?.[1] ?? 0);

/** Creates the rows' agencies in one transaction; throws listing every problem, having stored nothing. */
export async function createAgencies(
  ctx: AppContext,
  actor: Actor,
  rows: readonly AgencyRow[],
): Promise<{ created: Agency[] }> {
  const single = rows.length === 1 && !rows[0]!.row;
  const plan = planAgencyImport(rows, await agenciesStore.all(ctx.db));
  const problems = [...plan.problems, ...rows.flatMap(levelProblem)];
  if (problems.length) throw refused(byRow(problems), single);
  return inOneTransaction(ctx.db, ctx.dialect, async (db) => {
    const unit = { ...ctx, db };
    const made = new Map<AgencyRow, Agency>();
    const found: string[] = [];
    const idOf = (ref: AgencyRef) => (!ref ? null : 'agency' in ref ? ref.agency : made.get(ref.row));
    for (const r of plan.order) {
      const { parent, supervisor } = plan.refs.get(r)!;
      const parentAgency = idOf(parent);
      const supervisorAgency = idOf(supervisor);
      if (parentAgency === undefined || supervisorAgency === undefined) {
        found.push(
          problemAt(r, columnHeader('parent'), '其上级机关或监督机关未能导入，请先改正该机关所在的行'),
        );
        continue;
      }
      const input = agencyInput(r, parentAgency ?? undefined, supervisorAgency?.id ?? null);
      try {
        const { agencyId } = await createAgency(unit, actor, input);
        made.set(r, (await agenciesStore.byId(db, agencyId))!);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        const fields = Object.entries(e.fields);
        if (!fields.length) found.push(problemAt(r, '', e.message));
        for (const [field, message] of fields) {
          const column = columnOfField[field];
          found.push(problemAt(r, column ? columnHeader(column) : '', message));
        }
      }
    }
    if (found.length) throw refused(byRow(found), single);
    return { created: [...made.values()] };
  });
}

/** `gongkai agency import`: a sheet's rows (the header first) as agencies, all or nothing. */
export async function importAgencies(
  ctx: AppContext,
  actor: Actor,
  sheet: readonly (readonly string[])[],
): Promise<{ created: Agency[] }> {
  const { rows, problems } = readAgencyRows(sheet);
  if (problems.length) throw refused(byRow(problems), false);
  return createAgencies(ctx, actor, rows);
}
