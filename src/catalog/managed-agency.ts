/**
 * The agency a catalog settings screen works on: the one asked for when the user may manage it, otherwise the
 * first in the user's scope; none at all is refused with the screen's own message.
 */
import type { FastifyRequest } from 'fastify';
import type { Agency } from '../access/agency.js';
import type { AppContext } from '../platform/context.js';
import { DomainError } from '../platform/errors.js';
import { agenciesInScope, requireUser } from '../web/admin-kit.js';

export async function managedAgency(
  ctx: AppContext,
  request: FastifyRequest,
  agencyId: string | undefined,
  refusal: string,
): Promise<Agency> {
  const agencies = await agenciesInScope(ctx, requireUser(request), 'catalog.manage');
  const agency = agencies.find((a) => a.id === agencyId) ?? agencies[0];
  if (!agency) throw new DomainError('auth.forbidden', refusal);
  return agency;
}
