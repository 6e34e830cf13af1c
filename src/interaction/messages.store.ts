/** Kysely queries for messages, their attachments and reply promises; nothing else. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import type { MessageTable } from './interaction.schema.js';
import { openStatuses } from './message.js';

export type MessageRow = Selectable<MessageTable>;

interface MessageListFilter {
  agencyIds: readonly string[];
  status?: string;
  /** Open messages only whose due date is before this day (overdue). */
  dueBefore?: string;
  limit?: number;
}

export interface MessageStats {
  received: number;
  closed: number;
  replied: number;
  /** Average working days from receipt to reply over replies closed in the period; null when none. */
  averageWorkdays: number | null;
  published: number;
}

const OPEN = [...openStatuses];

export const messagesStore = {
  async promiseDays(db: Queryable, agencyId: string, kind: string): Promise<number | undefined> {
    const r = await db
      .selectFrom('message_promises')
      .select('days')
      .where('agency_id', '=', agencyId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    return r?.days;
  },

  async promises(db: Queryable, agencyId: string): Promise<Record<string, number>> {
    const rows = await db
      .selectFrom('message_promises')
      .select(['kind', 'days'])
      .where('agency_id', '=', agencyId)
      .execute();
    return Object.fromEntries(rows.map((r) => [r.kind, r.days]));
  },

  async setPromise(db: Queryable, agencyId: string, kind: string, days: number): Promise<void> {
    await db
      .insertInto('message_promises')
      .values({ agency_id: agencyId, kind, days })
      .onConflict((oc) => oc.columns(['agency_id', 'kind']).doUpdateSet({ days }))
      .execute();
  },

  async insert(db: Queryable, row: Insertable<MessageTable>): Promise<void> {
    await db.insertInto('messages').values(row).execute();
  },

  async insertAttachment(
    db: Queryable,
    a: { id: string; messageId: string; filename: string; contentType: string; data: Buffer },
  ): Promise<void> {
    await db
      .insertInto('message_attachments')
      .values({
        id: a.id,
        message_id: a.messageId,
        filename: a.filename,
        content_type: a.contentType,
        size: a.data.length,
        data: a.data.toString('base64'),
      })
      .execute();
  },

  async attachments(db: Queryable, messageId: string) {
    return db
      .selectFrom('message_attachments')
      .select(['id', 'filename', 'content_type', 'size'])
      .where('message_id', '=', messageId)
      .execute();
  },

  async attachment(db: Queryable, messageId: string, id: string) {
    return db
      .selectFrom('message_attachments')
      .selectAll()
      .where('message_id', '=', messageId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async byId(db: Queryable, id: string): Promise<MessageRow | undefined> {
    return db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async byCode(db: Queryable, code: string): Promise<MessageRow | undefined> {
    return db.selectFrom('messages').selectAll().where('tracking_code', '=', code).executeTakeFirst();
  },

  async update(db: Queryable, id: string, patch: Updateable<MessageTable>): Promise<void> {
    await db.updateTable('messages').set(patch).where('id', '=', id).execute();
  },

  /** Updates only if the message is still in `status` and with `handling`; false when someone got there first. */
  async updateIf(
    db: Queryable,
    id: string,
    expected: { status: string; handlingAgencyId: string },
    patch: Updateable<MessageTable>,
  ): Promise<boolean> {
    const r = await db
      .updateTable('messages')
      .set(patch)
      .where('id', '=', id)
      .where('status', '=', expected.status)
      .where('handling_agency_id', '=', expected.handlingAgencyId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Stores the asker's rating unless one is already there; false when it was. */
  async rateOnce(
    db: Queryable,
    id: string,
    patch: { rating: string; rating_comment: string | null; rated_at: string },
  ): Promise<boolean> {
    const r = await db
      .updateTable('messages')
      .set(patch)
      .where('id', '=', id)
      .where('rating', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Raises the recorded reminder level; false when another node already recorded this level. */
  async raiseReminderLevel(db: Queryable, id: string, level: number): Promise<boolean> {
    const r = await db
      .updateTable('messages')
      .set({ reminder_level: level })
      .where('id', '=', id)
      .where('reminder_level', '<', level)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Messages received by or handled by the given agencies, most urgent first. */
  async list(db: Queryable, f: MessageListFilter): Promise<MessageRow[]> {
    if (f.agencyIds.length === 0) return [];
    const ids = [...f.agencyIds];
    let q = db
      .selectFrom('messages')
      .selectAll()
      .where((eb) => eb.or([eb('handling_agency_id', 'in', ids), eb('agency_id', 'in', ids)]));
    if (f.status) q = q.where('status', '=', f.status);
    if (f.dueBefore) q = q.where('status', 'in', OPEN).where('due_on', '<', f.dueBefore);
    return q
      .orderBy('due_on')
      .orderBy('received_at')
      .limit(f.limit ?? 200)
      .execute();
  },

  /** The public list of one agency's site: published replies only, newest first. */
  async published(db: Queryable, agencyId: string, limit = 50, offset = 0): Promise<MessageRow[]> {
    return db
      .selectFrom('messages')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('published', '=', 1)
      .orderBy('closed_at', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
  },

  async hasPublished(db: Queryable, agencyId: string): Promise<boolean> {
    const r = await db
      .selectFrom('messages')
      .select('id')
      .where('agency_id', '=', agencyId)
      .where('published', '=', 1)
      .limit(1)
      .executeTakeFirst();
    return r !== undefined;
  },

  /** Open messages received in [from, to] (days). */
  async openReceivedBetween(db: Queryable, from: string, to: string): Promise<MessageRow[]> {
    return db
      .selectFrom('messages')
      .selectAll()
      .where('status', 'in', OPEN)
      .where('received_on', '>=', from)
      .where('received_on', '<=', to)
      .execute();
  },

  /** Open messages that may need a reminder recorded (due within two weeks, or already late). */
  async reminderCandidates(db: Queryable, horizon: string): Promise<MessageRow[]> {
    return db
      .selectFrom('messages')
      .selectAll()
      .where('status', 'in', OPEN)
      .where('reminder_level', '<', 3)
      .where('due_on', '<=', horizon)
      .orderBy('due_on')
      .execute();
  },

  /** Statistics of a period [from, to] (days) for the messages handled by the given agencies. */
  async stats(db: Queryable, agencyIds: readonly string[], from: string, to: string): Promise<MessageStats> {
    if (agencyIds.length === 0)
      return { received: 0, closed: 0, replied: 0, averageWorkdays: null, published: 0 };
    const ids = [...agencyIds];
    const received = await db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('handling_agency_id', 'in', ids)
      .where('received_on', '>=', from)
      .where('received_on', '<=', to)
      .executeTakeFirstOrThrow();
    const closed = await db
      .selectFrom('messages')
      .select((eb) => [
        eb.fn.countAll<number>().as('closed'),
        eb.fn.sum<number>(eb.case().when('status', '=', 'replied').then(1).else(0).end()).as('replied'),
        eb.fn.avg<number>('reply_workdays').as('avg'),
        eb.fn.sum<number>('published').as('published'),
      ])
      .where('handling_agency_id', 'in', ids)
      .where('closed_on', '>=', from)
      .where('closed_on', '<=', to)
      .executeTakeFirstOrThrow();
    return {
      received: Number(received.n),
      closed: Number(closed.closed),
      replied: Number(closed.replied ?? 0),
      averageWorkdays: closed.avg === null ? null : Math.round(Number(closed.avg) * 10) / 10,
      published: Number(closed.published ?? 0),
    };
  },
};
