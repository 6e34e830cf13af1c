/**
 * The supervisor's dashboard data: per subordinate agency, how timely its message replies are, and which
 * messages are overdue or open for more than 3 months (portal-standards §7 V4, a critical alarm).
 *
 * Extension point: requests (依申请公开) and catalog (主动公开) timeliness are not on main yet. When they land,
 * each adds a `TimelinessSource` to `timelinessSources` below and the dashboard shows its columns.
 */
import { sql } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import { openStatuses } from '../interaction/message.js';

export interface Timeliness {
  /** Cases closed in the period, and how many of those within their deadline. */
  closed: number;
  onTime: number;
  /** Open now and past the deadline. */
  overdue: number;
}

export interface TimelinessSource {
  key: string;
  label: string;
  load: (db: Queryable, agencyIds: readonly string[], period: Period) => Promise<Map<string, Timeliness>>;
}

/** Other capabilities register their sources here (requests, catalog). */
export const timelinessSources: TimelinessSource[] = [];

export interface Period {
  from: string;
  to: string;
  today: string;
}

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

export interface DashboardRow {
  agencyId: string;
  name: string;
  messages: MessageTimelinessRow;
  /** Closed on time / closed, or null when nothing closed. */
  onTimeRate: number | null;
  others: Record<string, Timeliness>;
}

export async function supervisionDashboard(
  db: Queryable,
  agencies: ReadonlyArray<{ id: string; name: string }>,
  p: Period,
): Promise<{ rows: DashboardRow[]; alarms: Alarm[]; sources: Array<{ key: string; label: string }> }> {
  const ids = agencies.map((a) => a.id);
  const [messages, alarms, ...others] = await Promise.all([
    messageTimeliness(db, ids, p),
    messageAlarms(db, ids, p.today),
    ...timelinessSources.map((s) => s.load(db, ids, p)),
  ]);
  const empty = (agencyId: string): MessageTimelinessRow => ({
    agencyId,
    received: 0,
    closed: 0,
    onTime: 0,
    overdue: 0,
    critical: 0,
  });
  const rows = agencies.map((a) => {
    const m = messages.get(a.id) ?? empty(a.id);
    return {
      agencyId: a.id,
      name: a.name,
      messages: m,
      onTimeRate: m.closed ? m.onTime / m.closed : null,
      others: Object.fromEntries(
        timelinessSources.map((s, i) => [
          s.key,
          others[i]!.get(a.id) ?? { closed: 0, onTime: 0, overdue: 0 },
        ]),
      ),
    };
  });
  return { rows, alarms, sources: timelinessSources.map(({ key, label }) => ({ key, label })) };
}
