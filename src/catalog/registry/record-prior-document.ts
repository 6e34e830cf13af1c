/**
 * Use cases: enter a normative document issued before the agency kept its register here (存量规范性文件), and
 * record its repeal. Without them an agency that starts on the platform would report only the documents it
 * published here as 现行有效 (table 二 of the annual report), though its earlier ones are still in force.
 * An entered document keeps the 有效期至 it names, or gets the registry's default period from the day it took
 * effect, as a document published here does; its 文号 is unique in the agency, so it is never counted twice.
 */
import type { Actor } from '../../platform/actor.js';
import { legalDayOf } from '../../calendar/legal-day.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError, notFound, validationFailed } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { newId } from '../../platform/ids.js';
import { managed } from '../manage-catalog.js';
import { defaultExpiry, validityRulesFrom } from './normative-rules.js';
import { forgetColumnsCache } from '../portal/portal-data.js';
import { parsePriorDocument, parseRepealDay } from './prior-document-input.js';
import { registryStore } from './registry.store.js';

export async function recordPriorDocument(
  ctx: AppContext,
  actor: Actor,
  agencyId: string,
  input: unknown,
): Promise<{ id: string; expiresOn: string }> {
  const at = ctx.now().toISOString();
  const doc = parsePriorDocument(input, legalDayOf(at));
  await managed(ctx, actor, agencyId);
  const id = newId();
  let expiresOn = '';
  await ctx.db.transaction().execute(async (tx) => {
    if (await registryStore.priorDocumentByDocNo(tx, agencyId, doc.docNo))
      throw validationFailed({ docNo: `文号“${doc.docNo}”的文件已登记，不能重复登记` });
    const settings = await registryStore.settings(tx, agencyId);
    expiresOn =
      doc.expiresOn ??
      defaultExpiry(
        doc.title,
        doc.effectiveOn ?? doc.publishedOn,
        validityRulesFrom(settings?.validity_rules),
      );
    await registryStore.insertPriorDocument(tx, {
      id,
      agency_id: agencyId,
      title: doc.title,
      doc_no: doc.docNo,
      registration_no: doc.registrationNo,
      published_on: doc.publishedOn,
      effective_on: doc.effectiveOn,
      expires_on: expiresOn,
      repealed_on: doc.repealedOn,
      source_url: doc.sourceUrl,
      created_by: actor.label,
      created_at: at,
      updated_at: at,
    });
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId,
      entityType: 'prior_document',
      entityId: id,
      action: 'catalog.prior_document_recorded',
      data: { docNo: doc.docNo, publishedOn: doc.publishedOn, expiresOn, repealedOn: doc.repealedOn },
    });
  });
  await forgetColumnsCache(ctx.db);
  return { id, expiresOn };
}

export async function repealPriorDocument(
  ctx: AppContext,
  actor: Actor,
  id: string,
  repealedOnInput: unknown,
): Promise<void> {
  const at = ctx.now().toISOString();
  const doc = await registryStore.priorDocument(ctx.db, id);
  if (!doc) throw notFound('该存量文件');
  await managed(ctx, actor, doc.agency_id);
  if (doc.repealed_on)
    throw new DomainError('catalog.transition_refused', `该文件已于 ${doc.repealed_on} 废止。`);
  const repealedOn = parseRepealDay(repealedOnInput, doc.published_on, legalDayOf(at));
  await ctx.db.transaction().execute(async (tx) => {
    await registryStore.repealPriorDocument(tx, id, repealedOn, at);
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: doc.agency_id,
      entityType: 'prior_document',
      entityId: id,
      action: 'catalog.prior_document_repealed',
      data: { docNo: doc.doc_no, repealedOn },
    });
  });
  await forgetColumnsCache(ctx.db);
}
