/**
 * Registration of a normative document as it is issued (统一登记、统一编号、统一印发): the unified
 * registration number from the agency's template, and the default validity period when the document names
 * no 有效期至. Runs inside the publication transaction, so a published normative document is always
 * registered and a number, once issued, is never issued again (its own counter scope, only counting up).
 */
import type { Agency } from '../../access/agency.js';
import type { Queryable } from '../../platform/db/database.js';
import { catalogStore } from '../catalog.store.js';
import { indexScope, renderIndexNumber } from '../items/index-number.js';
import type { Item } from '../items/item.js';
import { defaultExpiry, defaultRegistrationTemplate, validityRulesFrom } from './normative-rules.js';
import { registryStore } from './registry.store.js';

export async function registerDocument(
  tx: Queryable,
  agency: Agency,
  item: Item,
  day: string,
): Promise<{ registrationNo: string; expiresOn: string }> {
  const existing = await registryStore.registrationOf(tx, item.id);
  const settings = await registryStore.settings(tx, agency.id);
  const expiresOn =
    item.expiresOn ??
    defaultExpiry(item.title, item.effectiveOn ?? day, validityRulesFrom(settings?.validity_rules));
  if (existing) return { registrationNo: existing.registration_no, expiresOn };
  const template = settings?.registration_template ?? defaultRegistrationTemplate;
  const c = { creditCode: agency.creditCode, day };
  // A distinct scope prefix keeps registration numbers apart from index numbers of the same template.
  const seq = await catalogStore.nextSeq(tx, agency.id, `登记:${indexScope(template, c)}`);
  const registrationNo = renderIndexNumber(template, c, seq);
  await registryStore.insertRegistration(tx, {
    itemId: item.id,
    agencyId: agency.id,
    registrationNo,
    registeredOn: day,
  });
  return { registrationNo, expiresOn };
}
