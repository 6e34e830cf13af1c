/**
 * Import of the review and litigation register: one line per stage (争议编号, 关联申请编号, 阶段, 复议机关或法院,
 * 申请（起诉）日期, 决定（裁判）日期, 结果); lines with the same 争议编号 are one dispute, stages in file order.
 * Every line and every dispute is checked; then all are registered in one transaction, or none.
 */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import {
  disputeProblems,
  LITIGATION_RESULTS,
  RECONSIDERATION_RESULTS,
  type DisputeStage,
} from '../disputes/register.js';
import { registerDisputes, STAGE_KINDS, type DisputeInput } from '../entry/register-dispute.js';
import { importRefused, readSheet, writeSheet, type SheetKind } from '../../sheets/sheet.js';

const DISPUTES_HEADER = [
  '争议编号',
  '关联申请编号',
  '阶段',
  '复议机关或法院',
  '申请（起诉）日期',
  '决定（裁判）日期',
  '结果',
] as const;

const KIND_BY_LABEL: Record<string, DisputeStage['kind']> = {
  行政复议: 'reconsideration',
  复议: 'reconsideration',
  行政诉讼: 'lawsuit',
  一审: 'lawsuit',
  '行政诉讼（一审）': 'lawsuit',
  上诉: 'appeal',
  二审: 'appeal',
  '上诉（二审）': 'appeal',
};

function resultKey(kind: DisputeStage['kind'], label: string): string | undefined {
  const table: Record<string, string> =
    kind === 'reconsideration' ? RECONSIDERATION_RESULTS : LITIGATION_RESULTS;
  return Object.keys(table).find((k) => table[k] === label);
}

export function disputesTemplate(kind: SheetKind): Promise<Buffer> {
  const rows = [
    [...DISPUTES_HEADER],
    ['固政复〔2025〕12号', '', '行政复议', '固镇县人民政府', '2025-04-10', '2025-05-20', '维持'],
    ['固政复〔2025〕12号', '', '行政诉讼', '蚌埠铁路运输法院', '2025-06-01', '', ''],
  ];
  return writeSheet(rows, kind, '行政复议和行政诉讼');
}

const day = /^\d{4}-\d{2}-\d{2}$/;

function parseDisputeRows(
  agencyId: string,
  lines: readonly (readonly string[])[],
): { disputes: DisputeInput[]; problems: string[] } {
  const problems: string[] = [];
  const header = lines[0] ?? [];
  if (DISPUTES_HEADER.some((h, i) => header[i] !== h)) {
    return { disputes: [], problems: [`第1行应为表头：${DISPUTES_HEADER.join('、')}。请使用下载的模板。`] };
  }
  const groups = new Map<string, { input: DisputeInput; lines: number[] }>();
  lines.slice(1).forEach((cells, i) => {
    const n = i + 2;
    if (cells.every((c) => c === '')) return;
    const [
      reference = '',
      requestId = '',
      kindLabel = '',
      body = '',
      filedOn = '',
      decidedOn = '',
      resultLabel = '',
    ] = cells;
    const bad = (m: string) => void problems.push(`第${n}行：${m}`);
    if (!reference) return bad('请填写争议编号（同一争议的各阶段填同一编号）。');
    const kind = KIND_BY_LABEL[kindLabel];
    if (!kind) return bad(`阶段应为“行政复议”“行政诉讼”或“上诉”（当前为“${kindLabel}”）。`);
    if (!body) return bad('请填写复议机关或法院名称。');
    if (!day.test(filedOn)) return bad(`申请（起诉）日期应为YYYY-MM-DD（当前为“${filedOn}”）。`);
    if (decidedOn && !day.test(decidedOn))
      return bad(`决定（裁判）日期应为YYYY-MM-DD（当前为“${decidedOn}”）。`);
    const result = resultLabel ? resultKey(kind, resultLabel) : undefined;
    if (resultLabel && !result) {
      const allowed = Object.values(
        kind === 'reconsideration' ? RECONSIDERATION_RESULTS : LITIGATION_RESULTS,
      );
      return bad(`${STAGE_KINDS[kind]}的结果应为：${allowed.join('、')}（当前为“${resultLabel}”）。`);
    }
    const stage = {
      kind,
      body,
      filedOn,
      ...(decidedOn ? { decidedOn } : {}),
      ...(result ? { result } : {}),
    } as DisputeStage;
    const group = groups.get(reference) ?? { input: { reference, stages: [] }, lines: [] };
    if (requestId) group.input.requestId = requestId;
    group.input.stages.push(stage);
    group.lines.push(n);
    groups.set(reference, group);
  });
  for (const [reference, g] of groups) {
    const found = disputeProblems({ id: '', agencyId, stages: g.input.stages });
    if (found.length) problems.push(`争议“${reference}”（第${g.lines.join('、')}行）：${found.join('')}`);
  }
  if (!problems.length && !groups.size) problems.push('文件中没有填写任何争议。');
  return { disputes: [...groups.values()].map((g) => g.input), problems };
}

export async function importDisputes(
  ctx: AppContext,
  actor: Actor,
  agencyId: string,
  data: Buffer,
  kind: SheetKind,
): Promise<{ disputes: number }> {
  const { disputes, problems } = parseDisputeRows(agencyId, await readSheet(data, kind));
  if (problems.length) throw importRefused(problems);
  try {
    await registerDisputes(ctx, actor, agencyId, disputes, 'import');
  } catch (e) {
    if (e instanceof DomainError && e.code === 'validation.failed' && Object.keys(e.fields).length)
      throw importRefused(Object.values(e.fields));
    throw e;
  }
  return { disputes: disputes.length };
}
