/**
 * Use case: a member of the public gives an opinion on a draft during its period. Name and contact are
 * optional and encrypted at rest; an opinion outside the period is refused with the period in Chinese.
 * "Received" means stored: it returns after the transaction commits.
 */
import { publicActor } from '../../platform/actor.js';
import { legalToday } from '../../calendar/legal-day.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError, notFound, validationFailed, type FieldErrors } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { newId } from '../../platform/ids.js';
import { personalDataCipher } from '../../platform/personal-data.js';
import { stageOf } from './consultation.js';
import { consultationsStore } from './consultations.store.js';
import { formText } from '../../platform/form-values.js';

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function submitOpinion(
  ctx: AppContext,
  consultationId: string,
  input: Record<string, unknown>,
): Promise<{ opinionId: string }> {
  if (formText(input.website))
    throw new DomainError('consultation.refused', '提交未能通过校验，请刷新页面后重新填写。');
  const c = await consultationsStore.byId(ctx.db, consultationId);
  if (!c) throw notFound('该意见征集');
  const today = legalToday(ctx);
  if (stageOf(c, today) !== 'open')
    throw new DomainError(
      'consultation.closed',
      `本次意见征集的时间为 ${c.opens_on} 至 ${c.closes_on}，当前不在征集期内，意见未能提交。`,
    );
  const f: FieldErrors = {};
  const body = formText(input.body);
  const name = formText(input.name);
  const contact = formText(input.contact).replace(/\s/g, '');
  if (!body) f.body = '请填写您的意见建议';
  else if ([...body].length > 2000) f.body = '意见建议不能超过 2000 个字';
  if ([...name].length > 30) f.name = '姓名不能超过 30 个字';
  if (contact && !PHONE.test(contact) && !EMAIL.test(contact))
    f.contact = '联系方式请填写手机号、固定电话或电子邮箱';
  if (Object.keys(f).length) throw validationFailed(f);
  const cipher = name || contact ? personalDataCipher(ctx.config.dataKey) : null;
  const opinionId = newId();
  await ctx.db.transaction().execute(async (tx) => {
    await consultationsStore.insertOpinion(tx, {
      id: opinionId,
      consultation_id: c.id,
      body,
      name_enc: name && cipher ? cipher.encrypt(name) : null,
      contact_enc: contact && cipher ? cipher.encrypt(contact) : null,
      submitted_at: ctx.now().toISOString(),
      decision: null,
      reason: null,
    });
    await appendEvent(tx, {
      at: ctx.now(),
      actor: publicActor(),
      agencyId: c.agency_id,
      entityType: 'consultation',
      entityId: c.id,
      action: 'consultation.opinion_received',
      data: { opinionId, named: Boolean(name), withContact: Boolean(contact) },
    });
  });
  return { opinionId };
}
