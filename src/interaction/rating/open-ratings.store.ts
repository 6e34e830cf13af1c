/** Kysely queries for the always-open rating (open_ratings); nothing else. */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { OpenRatingTable } from '../interaction.schema.js';

type OpenRatingRow = Selectable<OpenRatingTable>;

export interface MonthRow {
  month: string;
  target: string;
  n: number;
  accuracy: number | null;
  timeliness: number | null;
  procedure: number | null;
  institution: number | null;
  useful: number | null;
  scored: number;
  score: number | null;
}

const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

export const openRatingsStore = {
  async insert(db: Queryable, row: Insertable<OpenRatingTable>): Promise<void> {
    await db.insertInto('open_ratings').values(row).execute();
  },

  async byId(db: Queryable, id: string): Promise<OpenRatingRow | undefined> {
    return db.selectFrom('open_ratings').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Sets the moderation outcome only while the comment is still pending; returns whether it did. */
  async moderate(
    db: Queryable,
    id: string,
    status: 'approved' | 'rejected',
    reason: string | null,
    at: string,
  ): Promise<boolean> {
    const r = await db
      .updateTable('open_ratings')
      .set({ comment_status: status, moderation_reason: reason, moderated_at: at })
      .where('id', '=', id)
      .where('comment_status', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async comments(db: Queryable, agencyIds: readonly string[], status: string, limit = 100) {
    if (agencyIds.length === 0) return [];
    return db
      .selectFrom('open_ratings')
      .selectAll()
      .where('agency_id', 'in', [...agencyIds])
      .where('comment_status', '=', status)
      .orderBy('submitted_at', 'desc')
      .limit(limit)
      .execute();
  },

  /** Approved comments about one item (the item page) or about the agency's disclosure. */
  async approvedFor(db: Queryable, agencyId: string, itemId: string | null, limit = 20) {
    let q = db
      .selectFrom('open_ratings')
      .select(['id', 'comment', 'rated_on', 'item_id'])
      .where('agency_id', '=', agencyId)
      .where('comment_status', '=', 'approved');
    q = itemId ? q.where('item_id', '=', itemId) : q.where('target', '=', 'agency');
    return q.orderBy('submitted_at', 'desc').limit(limit).execute();
  },

  /** Per month (YYYY-MM) and target of one agency's year: counts and averages, computed in SQL. */
  async months(db: Queryable, agencyId: string, year: number): Promise<MonthRow[]> {
    const [from, to] = yearRange(year);
    const month = sql<string>`substr(rated_on, 1, 7)`;
    const rows = await db
      .selectFrom('open_ratings')
      .select((eb) => [
        month.as('month'),
        'target',
        eb.fn.countAll<number>().as('n'),
        eb.fn.avg<number>('accuracy').as('accuracy'),
        eb.fn.avg<number>('timeliness').as('timeliness'),
        eb.fn.avg<number>('procedure').as('procedure'),
        eb.fn.avg<number>('institution').as('institution'),
        eb.fn.sum<number>('useful').as('useful'),
        eb.fn.count<number>('score').as('scored'),
        eb.fn.avg<number>('score').as('score'),
      ])
      .where('agency_id', '=', agencyId)
      .where('rated_on', '>=', from)
      .where('rated_on', '<=', to)
      .groupBy([month, 'target'])
      .execute();
    const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return rows.map((r) => ({
      month: r.month,
      target: r.target,
      n: Number(r.n),
      accuracy: num(r.accuracy),
      timeliness: num(r.timeliness),
      procedure: num(r.procedure),
      institution: num(r.institution),
      useful: num(r.useful),
      scored: Number(r.scored),
      score: num(r.score),
    }));
  },

  /** One item's ratings: how many, how many found it useful, the average score where given. */
  async itemSummary(db: Queryable, itemId: string) {
    const r = await db
      .selectFrom('open_ratings')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('useful').as('useful'),
        eb.fn.avg<number>('score').as('score'),
      ])
      .where('item_id', '=', itemId)
      .executeTakeFirstOrThrow();
    return {
      n: Number(r.n),
      useful: Number(r.useful ?? 0),
      score: r.score === null ? null : Number(r.score),
    };
  },
};
