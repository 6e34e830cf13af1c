import type { Queryable } from '../platform/db/database.js';
import type { Role, RoleGrant } from '../platform/actor.js';

interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  email: string;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: string | null;
}

export const usersStore = {
  async byUsername(db: Queryable, username: string): Promise<UserRecord | undefined> {
    const r = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return (
      r && {
        id: r.id,
        username: r.username,
        displayName: r.display_name,
        passwordHash: r.password_hash,
        email: r.email,
        disabled: r.disabled === 1,
        failedLogins: r.failed_logins,
        lockedUntil: r.locked_until,
      }
    );
  },

  async insert(
    db: Queryable,
    u: Omit<UserRecord, 'failedLogins' | 'lockedUntil' | 'disabled'>,
    now: string,
  ): Promise<void> {
    await db
      .insertInto('users')
      .values({
        id: u.id,
        username: u.username,
        display_name: u.displayName,
        password_hash: u.passwordHash,
        email: u.email,
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        created_at: now,
      })
      .execute();
  },

  async grants(db: Queryable, userId: string): Promise<RoleGrant[]> {
    const rows = await db
      .selectFrom('user_roles')
      .select(['agency_id', 'role'])
      .where('user_id', '=', userId)
      .execute();
    return rows.map((r) => ({ agencyId: r.agency_id, role: r.role as Role }));
  },

  async grant(db: Queryable, userId: string, g: RoleGrant): Promise<void> {
    await db
      .insertInto('user_roles')
      .values({ user_id: userId, agency_id: g.agencyId, role: g.role })
      .execute();
  },

  async recordFailure(
    db: Queryable,
    userId: string,
    failures: number,
    lockedUntil: string | null,
  ): Promise<void> {
    await db
      .updateTable('users')
      .set({ failed_logins: failures, locked_until: lockedUntil })
      .where('id', '=', userId)
      .execute();
  },

  async clearFailures(db: Queryable, userId: string): Promise<void> {
    await db
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', userId)
      .execute();
  },

  async list(db: Queryable, agencyIds: readonly string[]) {
    if (agencyIds.length === 0) return [];
    return db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select([
        'users.id',
        'users.username',
        'users.display_name',
        'user_roles.agency_id',
        'user_roles.role',
        'users.disabled',
      ])
      .where('user_roles.agency_id', 'in', [...agencyIds])
      .orderBy('users.username')
      .execute();
  },
  /** The user a session belongs to: id, names and whether the account is disabled. */
  async sessionUser(db: Queryable, id: string) {
    return db
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'disabled'])
      .where('id', '=', id)
      .executeTakeFirst();
  },
};
