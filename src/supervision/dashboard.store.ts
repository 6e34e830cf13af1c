/** Queries of the supervisor's dashboard over the messages table; nothing else. */
import { sql } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import { openStatuses } from '../interaction/message.js';
import type { Period } from './dashboard.js';

export interface MessageTimelinessRow {
  agencyId: string;
  received: number;
  closed: number;
  onTime: number;
  overdue: number;
  critical: number;
}

const OPEN = [...openStatuses];

/** One grouped query over the messages handled by the given agencies. */
export async function messageTimeliness(
  db: Queryable,
  agencyIds: readonly string[],
  p: Period,
): Promise<Map<string, MessageTimelinessRow>> {
  const out = new Map<string, MessageTimelinessRow>();
  if (agencyIds.length === 0) return out;
  const inPeriod = (col: 'received_on' | 'closed_on') =>
    sql<boolean>`${sql.ref(col)} >= ${p.from} and ${sql.ref(col)} <= ${p.to}`;
  const isOpen = sql<boolean>`status in (${sql.join(OPEN)})`;
  const rows = await db
    .selectFrom('messages')
    .select((eb) => [
      'handling_agency_id',
      eb.fn.sum<number>(sql`case when ${inPeriod('received_on')} then 1 else 0 end`).as('received'),
      eb.fn
        .sum<number>(sql`case when status = 'replied' and ${inPeriod('closed_on')} then 1 else 0 end`)
        .as('closed'),
      eb.fn
        .sum<number>(
          sql`case when status = 'replied' and ${inPeriod('closed_on')} and closed_on <= due_on then 1 else 0 end`,
        )
        .as('on_time'),
      eb.fn.sum<number>(sql`case when ${isOpen} and due_on < ${p.today} then 1 else 0 end`).as('overdue'),
      eb.fn
        .sum<number>(sql`case when ${isOpen} and critical_after < ${p.today} then 1 else 0 end`)
        .as('critical'),
    ])
    .where('handling_agency_id', 'in', [...agencyIds])
    .groupBy('handling_agency_id')
    .execute();
  for (const r of rows) {
    out.set(r.handling_agency_id, {
      agencyId: r.handling_agency_id,
      received: Number(r.received ?? 0),
      closed: Number(r.closed ?? 0),
      onTime: Number(r.on_time ?? 0),
      overdue: Number(r.overdue ?? 0),
      critical: Number(r.critical ?? 0),
    });
  }
  return out;
}

export interface Alarm {
  messageId: string;
  agencyId: string;
  trackingCode: string;
  subject: string;
  receivedOn: string;
  dueOn: string;
  critical: boolean;
}

/** Open messages past their due date, the over-3-months ones first. */
export async function messageAlarms(
  db: Queryable,
  agencyIds: readonly string[],
  today: string,
  limit = 100,
): Promise<Alarm[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .selectFrom('messages')
    .select([
      'id',
      'handling_agency_id',
      'tracking_code',
      'subject',
      'received_on',
      'due_on',
      'critical_after',
    ])
    .where('handling_agency_id', 'in', [...agencyIds])
    .where('status', 'in', OPEN)
    .where('due_on', '<', today)
    .orderBy('received_on')
    .limit(limit)
    .execute();
  return rows
    .map((r) => ({
      messageId: r.id,
      agencyId: r.handling_agency_id,
      trackingCode: r.tracking_code,
      subject: r.subject,
      receivedOn: r.received_on,
      dueOn: r.due_on,
      critical: r.critical_after < today,
    }))
    .sort((a, b) => Number(b.critical) - Number(a.critical));
}

/** How many messages of the given agencies are open for more than 3 months on `today` (§7 V4). */
export async function criticalCount(
  db: Queryable,
  agencyIds: readonly string[],
  today: string,
): Promise<number> {
  if (agencyIds.length === 0) return 0;
  const r = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('handling_agency_id', 'in', [...agencyIds])
    .where('status', 'in', OPEN)
    .where('critical_after', '<', today)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
