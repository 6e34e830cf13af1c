/**
 * Use case: import historical cases (an agency that starts using the platform mid-year brings the cases it
 * received before). Every row passes the same checks as staff intake — the applicant (ID check digit, credit
 * code), the information sought, the form and delivery — plus the import's own: a known channel, receipt and
 * reply days that exist on the calendar and are in order, a known reply type. All or nothing: any bad row
 * means nothing is stored, and every problem is reported with its row and column. Good files are stored in
 * one transaction; each case carries its events (registered, receipt, and the reply or ending), so it counts
 * in table 三 like a case handled here.
 */
import { agenciesStore } from '../../access/agencies.store.js';
import type { Agency } from '../../access/agency.js';
import { can } from '../../access/permissions.js';
import { type Actor } from '../../platform/actor.js';
import { isIsoDate } from '../../calendar/dates.js';
import { RECEIPT_CHANNELS } from '../../calendar/rules.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { DomainError, forbidden, notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import type { Outcome } from '../../statute/outcomes.js';
import { todayOf } from '../actions/case-action.js';
import { calendarFor } from '../calendar-for.js';
import { caseClock } from '../case-clock.js';
import type { DraftReply } from '../actions/draft-reply.js';
import { IMPORT_COLUMNS, isEnding } from './import-columns.js';
import type { ImportTable } from './import-file.js';
import { parseApplication, type ApplicationContent } from '../intake.js';
import { createCase } from '../registration.js';
import { requestsStore } from '../requests.store.js';

export const MAX_IMPORT_ROWS = 5000;

export interface RowProblem {
  row: number;
  column: string;
  problem: string;
}

export class ImportRefused extends DomainError {
  constructor(readonly problems: RowProblem[]) {
    super(
      'import.invalid',
      `导入文件中有 ${problems.length} 处错误，未导入任何案件。请按提示修改后重新上传。`,
    );
  }
}

/** "第 3 行「证件号码」：……" */
export const problemText = (p: RowProblem) =>
  p.row ? `第 ${p.row} 行「${p.column}」：${p.problem}` : p.problem;

interface GoodRow {
  row: number;
  content: ApplicationContent;
  channel: keyof typeof RECEIPT_CHANNELS;
  receivedOn: string;
  outcome?: Outcome;
  outcomeOn?: string;
}

const headerOfField = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.field, c.header]));

/** Checks every row; returns the good rows or every problem. Pure apart from `today`. */
function checkImport(table: ImportTable, today: string): { rows: GoodRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !table.headers.includes(c.header));
  for (const c of missing)
    problems.push({ row: 0, column: c.header, problem: `缺少“${c.header}”列，请使用导入模板。` });
  if (missing.length) return { rows: [], problems };
  if (table.rows.length === 0) problems.push({ row: 0, column: '', problem: '文件中没有案件。' });
  if (table.rows.length > MAX_IMPORT_ROWS)
    problems.push({ row: 0, column: '', problem: `一次最多导入 ${MAX_IMPORT_ROWS} 件，请分批导入。` });
  if (problems.length) return { rows: [], problems };
  const rows: GoodRow[] = [];
  for (const r of table.rows) {
    const form: Record<string, string> = {};
    const add = (field: string, problem: string) =>
      problems.push({ row: r.row, column: headerOfField[field] ?? field, problem });
    const before = problems.length;
    for (const c of IMPORT_COLUMNS) {
      const raw = r.values[c.header] ?? '';
      if (!raw) {
        if (c.required) add(c.field, `请填写${c.header}`);
        continue;
      }
      if (c.choices) {
        const code = c.choices[raw];
        if (code === undefined)
          add(c.field, `“${raw}”不是可选的值，可填：${Object.keys(c.choices).join('、')}`);
        else form[c.field] = code;
      } else form[c.field] = raw;
    }
    // The same checks as staff intake (applicant, information, form and delivery).
    const { content, errors } = parseApplication(form);
    for (const [field, message] of Object.entries(errors)) {
      // A missing value already reported above is not reported twice.
      if (!problems.some((p) => p.row === r.row && p.column === (headerOfField[field] ?? field)))
        add(field, message);
    }
    const receivedOn = form.receivedOn ?? '';
    if (receivedOn && !isIsoDate(receivedOn)) add('receivedOn', '不是日历上的有效日期，格式应为 YYYY-MM-DD');
    else if (receivedOn > today) add('receivedOn', '不能晚于今天');
    const outcome = form.outcome as Outcome | undefined;
    const outcomeOn = form.outcomeOn;
    if (outcomeOn && !isIsoDate(outcomeOn)) add('outcomeOn', '不是日历上的有效日期，格式应为 YYYY-MM-DD');
    else if (outcomeOn && outcomeOn > today) add('outcomeOn', '不能晚于今天');
    else if (outcomeOn && isIsoDate(receivedOn) && outcomeOn < receivedOn)
      add('outcomeOn', '不能早于收到申请日期');
    if (outcome && !outcomeOn) add('outcomeOn', '填写了答复类型的，请填写答复日期');
    if (outcomeOn && !outcome && !r.values['答复类型']) add('outcome', '填写了答复日期的，请填写答复类型');
    if (problems.length > before || !content) continue;
    rows.push({
      row: r.row,
      content,
      channel: form.channel as GoodRow['channel'],
      receivedOn,
      ...(outcome ? { outcome, outcomeOn: outcomeOn! } : {}),
    });
  }
  return { rows, problems };
}

async function storeRow(ctx: AppContext, tx: Tx, actor: Actor, agency: Agency, g: GoodRow, at: string) {
  const receipt = { channel: g.channel, day: g.receivedOn, event: RECEIPT_CHANNELS[g.channel].receiptEvent };
  // Everything reads through the transaction: SQLite has one connection, held by it.
  const inTx: AppContext = { ...ctx, db: tx };
  const created = await createCase(inTx, actor, agency, g.content, receipt, {
    tx,
    audit: { imported: true, row: g.row },
  });
  if (!g.outcome || !g.outcomeOn) return created.caseId;
  const ending = isEnding(g.outcome);
  const closing = ending
    ? [{ type: 'closed', day: g.outcomeOn, data: { outcome: g.outcome, imported: true } }]
    : [
        { type: 'accepted', day: g.receivedOn, data: { imported: true } },
        {
          type: 'replied',
          day: g.outcomeOn,
          data: { outcome: g.outcome, method: 'imported', imported: true },
        },
      ];
  const all = [
    { type: 'registered', day: g.receivedOn, data: { channel: g.channel } },
    { type: receipt.event, day: g.receivedOn, data: {} },
    ...closing,
  ];
  const clock = caseClock(await calendarFor(inTx, agency), all, todayOf(ctx), agency.deliveryMarginDays);
  for (const e of closing)
    await requestsStore.insertEvent(tx, created.caseId, { at, ...e, actorLabel: actor.label });
  const reply: DraftReply = { outcome: g.outcome, text: '（历史案件导入）', fields: {} };
  await requestsStore.update(tx, created.caseId, 'registered', {
    state: ending ? 'closed' : 'replied',
    open: 0,
    outcome: g.outcome,
    outcome_on: g.outcomeOn,
    due_date: clock.dueDate,
    paused: 0,
    clock_findings: JSON.stringify(clock.findings),
    reply: ending ? null : JSON.stringify(reply),
    updated_at: at,
  });
  return created.caseId;
}

export async function importCases(
  ctx: AppContext,
  actor: Actor,
  agencyId: string,
  table: ImportTable,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ imported: number; caseIds: string[] }> {
  const agencies = await agenciesStore.all(ctx.db);
  const agency = agencies.find((a) => a.id === agencyId || a.pathSegment === agencyId);
  if (!agency) throw notFound('该机关');
  if (!can(actor, 'requests.handle', agency.id, agencies))
    throw forbidden('您无权为该机关导入政府信息公开申请。');
  const { rows, problems } = checkImport(table, todayOf(ctx));
  if (problems.length) throw new ImportRefused(problems);
  const at = ctx.now().toISOString();
  const caseIds = await ctx.db.transaction().execute(async (tx) => {
    const ids: string[] = [];
    for (const g of rows) {
      ids.push(await storeRow(ctx, tx, actor, agency, g, at));
      onProgress(ids.length, rows.length);
    }
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: agency.id,
      entityType: 'request',
      entityId: agency.id,
      action: 'request.imported',
      data: { cases: ids.length },
    });
    return ids;
  });
  return { imported: caseIds.length, caseIds };
}
