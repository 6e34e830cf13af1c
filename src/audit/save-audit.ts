/**
 * Saves an audit of a report an agency published elsewhere, for that agency and a reporting year, so the
 * supervisor's roll-up can show it. Only a supervisor of the agency (reports.supervise in scope) may save;
 * the audit result is stored as computed, with the SHA-256 of what was audited, and an event.
 */
import { createHash } from 'node:crypto';
import { agenciesStore } from '../access/agencies.store.js';
import { can } from '../access/permissions.js';
import { type Actor } from '../platform/actor.js';
import type { AppContext } from '../platform/context.js';
import { forbidden, notFound, validationFailed } from '../platform/errors.js';
import { appendEvent } from '../platform/events.js';
import { newId } from '../platform/ids.js';
import type { AuditResult } from './audit.js';
import { storedAuditsStore } from './stored-audits.store.js';

interface SaveAuditInput {
  agencyId: string;
  /** The reporting year; a string from a form is accepted. */
  year: unknown;
  result: AuditResult;
  /** The bytes audited: the uploaded file, or the pasted text as UTF-8. */
  bytes: Uint8Array;
}

function parseAuditYear(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^\d{4}$/.test(text)) return undefined;
  const year = Number(text);
  return year >= 2007 && year <= 2100 ? year : undefined;
}

export async function saveAudit(ctx: AppContext, actor: Actor, input: SaveAuditInput): Promise<string> {
  const year = parseAuditYear(input.year);
  if (year === undefined)
    throw validationFailed({ year: '保存审查结果需要报告年度，应为四位年份，如 2023。' });
  const all = await agenciesStore.all(ctx.db);
  if (!all.some((a) => a.id === input.agencyId)) throw notFound('该机关');
  if (!can(actor, 'reports.supervise', input.agencyId, all))
    throw forbidden('您不是该机关的主管部门，不能为其保存年报审查结果。');
  const r = input.result;
  const count = (s: string) => r.findings.filter((f) => f.severity === s).length;
  const id = newId();
  const at = ctx.now().toISOString();
  const digest = createHash('sha256').update(input.bytes).digest('hex');
  await ctx.db.transaction().execute(async (tx) => {
    await storedAuditsStore.insert(tx, {
      id,
      agencyId: input.agencyId,
      year,
      fileName: r.fileName,
      digest,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      detectedYear: r.year ?? null,
      detectedAgency: r.agency ?? null,
      findings: r.findings,
      notChecked: r.notChecked,
      auditedBy: actor.kind === 'user' ? actor.userId : null,
      auditedByLabel: actor.label,
      auditedAt: at,
    });
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: input.agencyId,
      entityType: 'stored_audit',
      entityId: id,
      action: 'audit.saved',
      data: { year, fileName: r.fileName, digest, errors: count('error'), warnings: count('warning') },
    });
  });
  return id;
}
