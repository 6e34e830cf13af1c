/**
 * Sessions live in the database so app nodes stay stateless. The cookie holds a random token; the table
 * holds its SHA-256, so a copy of the database yields no usable session.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../platform/db/database.js';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const newToken = (): string => randomBytes(32).toString('base64url');

interface SessionRecord {
  id: string;
  userId: string;
  csrfToken: string;
  lastSeenAt: string;
  expiresAt: string;
}

export const sessionsStore = {
  async create(db: Queryable, s: SessionRecord & { createdAt: string }): Promise<void> {
    await db
      .insertInto('sessions')
      .values({
        id: s.id,
        user_id: s.userId,
        csrf_token: s.csrfToken,
        created_at: s.createdAt,
        last_seen_at: s.lastSeenAt,
        expires_at: s.expiresAt,
      })
      .execute();
  },

  async byId(db: Queryable, id: string): Promise<SessionRecord | undefined> {
    const r = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return (
      r && {
        id: r.id,
        userId: r.user_id,
        csrfToken: r.csrf_token,
        lastSeenAt: r.last_seen_at,
        expiresAt: r.expires_at,
      }
    );
  },

  async touch(db: Queryable, id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
      .where('id', '=', id)
      .execute();
  },

  async remove(db: Queryable, id: string): Promise<void> {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
  },

  async removeExpired(db: Queryable, now: string): Promise<number> {
    const r = await db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
    return Number(r.numDeletedRows);
  },
};
