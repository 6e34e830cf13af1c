/**
 * Use cases: create an agency, or update one. Validates the form (credit code check character, unique
 * path segment and code), keeps the tree acyclic, checks the 复议机关 (named only when the tree cannot derive
 * it, or with a reason; never the agency itself unless a provincial government), and records what changed.
 * Where an agency stands — parent, supervising office, level, 复议机关 — only the platform administrator or the
 * office supervising it changes (mayChangeStructure); its own administrator edits the rest.
 */
import type { AppContext } from '../platform/context.js';
import { DomainError, forbidden, notFound, validationFailed } from '../platform/errors.js';
import { appendEvent } from '../platform/events.js';
import { newId } from '../platform/ids.js';
import { subtreeIds, type Agency } from '../access/agency.js';
import { reviewBodyFindings } from '../access/review-body.js';
import { parseAgencyInput, type ValidAgencyInput } from '../access/agency-input.js';
import { agenciesStore } from '../access/agencies.store.js';
import { can, isPlatformAdmin, mayChangeStructure } from '../access/permissions.js';
import { type Actor } from '../platform/actor.js';

async function checkRelations(
  ctx: AppContext,
  a: ValidAgencyInput,
  selfId: string | undefined,
  all: Agency[],
) {
  const fields: Record<string, string> = {};
  if (a.parentId && !all.some((x) => x.id === a.parentId)) fields.parentId = '上级机关不存在';
  if (a.supervisorId && !all.some((x) => x.id === a.supervisorId)) fields.supervisorId = '主管部门不存在';
  if (selfId && a.parentId && subtreeIds(all, selfId).has(a.parentId))
    fields.parentId = '上级机关不能是本机关或其下级';
  const byCode = await agenciesStore.byCreditCode(ctx.db, a.creditCode);
  if (byCode && byCode.id !== selfId) fields.creditCode = `该统一社会信用代码已属于“${byCode.name}”`;
  const bySegment = await agenciesStore.byPathSegment(ctx.db, a.pathSegment);
  if (bySegment && bySegment.id !== selfId) fields.pathSegment = `该网站路径已被“${bySegment.name}”使用`;
  // The 复议机关 as it will stand in the tree after saving (行政复议法 Art. 24; review-body.ts).
  const placed = { ...a, id: selfId ?? '(new)' };
  for (const f of reviewBodyFindings([...all.filter((x) => x.id !== selfId), placed], placed))
    fields[f.field] ??= f.message;
  if (Object.keys(fields).length) throw validationFailed(fields);
}

export async function createAgency(
  ctx: AppContext,
  actor: Actor,
  input: unknown,
): Promise<{ agencyId: string }> {
  const a = parseAgencyInput(input);
  const all = await agenciesStore.all(ctx.db);
  const root = all.length === 0;
  // A new agency hangs under one the actor manages; only the platform (or the very first) adds a root.
  if (
    !root &&
    !(a.parentId
      ? can(actor, 'agency.manage', a.parentId, all)
      : actor.kind === 'system' || isPlatformAdmin(actor))
  ) {
    throw forbidden('您无权在此处新增机关。');
  }
  await checkRelations(ctx, a, undefined, all);
  const agencyId = newId();
  await ctx.db.transaction().execute(async (tx) => {
    await agenciesStore.insert(tx, agencyId, a, ctx.now().toISOString());
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId,
      entityType: 'agency',
      entityId: agencyId,
      action: 'agency.created',
      data: { name: a.name },
    });
  });
  return { agencyId };
}

export async function updateAgency(
  ctx: AppContext,
  actor: Actor,
  agencyId: string,
  input: unknown,
): Promise<void> {
  const all = await agenciesStore.all(ctx.db);
  const before = all.find((x) => x.id === agencyId);
  if (!before) throw notFound('该机关');
  const restructure = mayChangeStructure(actor, before, all);
  const manage = can(actor, 'agency.manage', agencyId, all);
  if (!manage && !restructure) throw forbidden('您无权修改该机关的信息。');
  const a = parseAgencyInput(input);
  const changed = diff(before, a);
  const keys = Object.keys(changed);
  const structural = keys.filter((k) => k in structureFields);
  if (structural.length && !restructure) {
    throw new DomainError(
      'agency.structure_forbidden',
      '机关的上级机关、主管部门、层级和复议机关只能由平台管理员或主管部门调整，本次修改未保存。',
      Object.fromEntries(structural.map((k) => [k, `${structureFields[k]}只能由平台管理员或主管部门调整`])),
    );
  }
  // The supervising office adjusts where the agency stands; the rest of the record is the agency's own.
  if (!manage && keys.some((k) => !(k in structureFields))) {
    throw forbidden('主管部门只能调整该机关的上级机关、主管部门、层级和复议机关。');
  }
  await checkRelations(ctx, a, agencyId, all);
  if (Object.keys(changed).length === 0) return;
  await ctx.db.transaction().execute(async (tx) => {
    await agenciesStore.update(tx, agencyId, a, ctx.now().toISOString());
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId,
      entityType: 'agency',
      entityId: agencyId,
      action: 'agency.updated',
      data: { changed },
    });
  });
}

/** Where an agency stands (行政复议法 Art. 24 derives its 复议机关 from the tree), with the names users read. */
const structureFields: Record<string, string> = {
  parentId: '上级机关',
  supervisorId: '主管部门',
  level: '机关层级',
  reconsiderationBody: '复议机关',
  reconsiderationBodyReason: '另行指定复议机关的理由',
};

function diff(before: Agency, after: ValidAgencyInput): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof ValidAgencyInput)[]) {
    const from = JSON.stringify(before[key]);
    const to = JSON.stringify(after[key]);
    if (from !== to) out[key] = { from: before[key], to: after[key] };
  }
  return out;
}
