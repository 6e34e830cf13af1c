/** Use case: an agency's registry rules — the 统一登记号 template and the default validity periods. */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError, validationFailed } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { managed } from '../manage-catalog.js';
import { checkRegistrationTemplate, checkValidityRules } from './normative-rules.js';
import { registryStore } from './registry.store.js';

export async function setRegistryRules(
  ctx: AppContext,
  actor: Actor,
  agencyId: string,
  input: { registrationTemplate: string; defaultYears: string; trialYears: string; trialWords: string },
): Promise<void> {
  const fields: Record<string, string> = {};
  let template = '';
  let rules: ReturnType<typeof checkValidityRules> | undefined;
  try {
    template = checkRegistrationTemplate(input.registrationTemplate);
  } catch (e) {
    if (e instanceof DomainError) Object.assign(fields, e.fields);
    else throw e;
  }
  try {
    rules = checkValidityRules(input);
  } catch (e) {
    if (e instanceof DomainError) Object.assign(fields, e.fields);
    else throw e;
  }
  if (Object.keys(fields).length || !rules) throw validationFailed(fields);
  await managed(ctx, actor, agencyId);
  await ctx.db.transaction().execute(async (tx) => {
    await registryStore.putSettings(tx, agencyId, template, JSON.stringify(rules));
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId,
      entityType: 'agency',
      entityId: agencyId,
      action: 'catalog.registry_rules_set',
      data: { template, ...rules },
    });
  });
}
