/**
 * The append-only audit trail: every use case that changes data appends one event in its transaction.
 * Nothing updates or deletes events.
 */
import type { Actor } from './actor.js';
import type { Queryable } from './db/database.js';

interface NewEvent {
  /** When it happened: the use case's `ctx.now()`, never the machine clock, so tests own the time. */
  at: Date;
  actor: Actor;
  agencyId: string | null;
  entityType: string;
  entityId: string;
  /** Dotted verb, e.g. `agency.updated`, `request.extension_approved`. */
  action: string;
  /** What changed; personal data must be masked before it gets here. */
  data?: Record<string, unknown>;
  requestId?: string;
}

export interface AuditEvent {
  id: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  agencyId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  data: Record<string, unknown>;
}

export async function appendEvent(db: Queryable, e: NewEvent): Promise<void> {
  await db
    .insertInto('events')
    .values({
      at: e.at.toISOString(),
      actor_id: e.actor.kind === 'user' ? e.actor.userId : null,
      actor_label: e.actor.label,
      agency_id: e.agencyId,
      entity_type: e.entityType,
      entity_id: e.entityId,
      action: e.action,
      data: JSON.stringify(e.data ?? {}),
      request_id: e.requestId ?? null,
    })
    .execute();
}

interface EventFilter {
  agencyIds: readonly string[];
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
  beforeId?: number;
}

/** Events of the given agencies (the caller passes the user's scope), newest first. */
export async function listEvents(db: Queryable, f: EventFilter): Promise<AuditEvent[]> {
  if (f.agencyIds.length === 0) return [];
  let q = db
    .selectFrom('events')
    .selectAll()
    .where('agency_id', 'in', [...f.agencyIds]);
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  const rows = await q
    .orderBy('id', 'desc')
    .limit(f.limit ?? 50)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    agencyId: r.agency_id,
    entityType: r.entity_type,
    entityId: r.entity_id,
    action: r.action,
    data: JSON.parse(r.data) as Record<string, unknown>,
  }));
}
