/**
 * Use case: 一事一申请 — an application asking for several unrelated things is split: the original keeps the
 * first item, each other item becomes its own case with the same applicant and the same receipt day (each
 * counts as one 件 for the fee, 109号 Art. 4). Recorded on every case involved.
 */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { personalDataCipher } from '../../platform/personal-data.js';
import { validationFailed } from '../../platform/errors.js';
import { effectiveDay, loadCase, runCaseAction, type CaseResult } from './case-action.js';
import type { ApplicantInput } from '../applicant.js';
import type { ApplicationContent, Delivery, ProvisionForm } from '../intake.js';
import { createCase, type NewCase } from '../registration.js';
import { RECEIPT_CHANNELS, type ReceiptChannel } from '../../calendar/rules.js';

export async function splitApplication(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string; items?: unknown; on?: string },
): Promise<CaseResult & { created: NewCase[] }> {
  const c = await loadCase(ctx, actor, input.caseId);
  const items = (
    Array.isArray(input.items)
      ? input.items
      : (typeof input.items === 'string' ? input.items : '').split(/\r?\n/)
  )
    .map((s) => String(s).trim())
    .filter(Boolean);
  if (items.length < 2) throw validationFailed({ items: '请逐行填写拆分后的各项申请内容（至少两项）' });
  if (items.some((s) => s.length > 200)) throw validationFailed({ items: '每项申请内容不能超过 200 个字' });
  const cipher = personalDataCipher(ctx.config.dataKey);
  const r = c.row;
  const content = (title: string): ApplicationContent => ({
    applicant: JSON.parse(cipher.decrypt(r.applicant_sealed)) as ApplicantInput,
    info: { title, docNo: '', indexNo: '', description: '' },
    form: r.form as ProvisionForm,
    delivery: r.delivery as Delivery,
    purpose: r.purpose,
    helpRequested: r.help_requested === 1,
    agent: r.agent_sealed
      ? (JSON.parse(cipher.decrypt(r.agent_sealed)) as { name: string; phone: string })
      : null,
  });
  const channel = r.channel as ReceiptChannel;
  const created: NewCase[] = [];
  const result = await runCaseAction(ctx, actor, c, 'split', {
    day: effectiveDay(ctx, r, input.on),
    events: [{ type: 'split', data: { items } }],
    patch: {
      info_title: items[0]!,
      info_description: r.info_title ? `原申请：${r.info_title}` : r.info_description,
    },
    also: async (tx) => {
      for (const title of items.slice(1)) {
        created.push(
          await createCase(
            ctx,
            actor,
            c.agency,
            content(title),
            { channel, day: r.received_on, event: RECEIPT_CHANNELS[channel].receiptEvent },
            { tx, parentId: r.id, assigneeId: r.assignee_id, audit: { splitFrom: r.id } },
          ),
        );
      }
    },
  });
  return { ...result, created };
}
