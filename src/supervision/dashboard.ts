/**
 * The supervisor's dashboard data: per subordinate agency, how timely its message replies are, and which
 * messages are overdue or open for more than 3 months (portal-standards §7 V4, a critical alarm).
 *
 * Extension point: requests (依申请公开) and catalog (主动公开) timeliness are not on main yet. When they land,
 * each adds a `TimelinessSource` to `timelinessSources` below and the dashboard shows its columns.
 */
import type { Queryable } from '../platform/db/database.js';
import {
  messageAlarms,
  messageTimeliness,
  type Alarm,
  type MessageTimelinessRow,
} from './dashboard.store.js';

export { messageAlarms, messageTimeliness, type Alarm, type MessageTimelinessRow };

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
