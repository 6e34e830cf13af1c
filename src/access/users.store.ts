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

  /**
   * Counts one wrong password in one statement (`failed_logins = failed_logins + 1 … RETURNING`, SQLite ≥ 3.35
   * and PostgreSQL), so parallel guesses cannot overwrite each other's count; the count that reaches
   * `maxFailures` (or any past it) sets `lockedUntil` in the same statement. A guess on an account locked at
   * `now` counts nothing and returns undefined.
   */
  async countFailure(
    db: Queryable,
    userId: string,
    p: { now: string; maxFailures: number; lockedUntil: string },
  ): Promise<{ failures: number; lockedUntil: string | null } | undefined> {
    const r = await db
      .updateTable('users')
      .set((eb) => ({
        failed_logins: eb('failed_logins', '+', 1),
        locked_until: eb
          .case()
          .when('failed_logins', '>=', p.maxFailures - 1)
          .then(eb.val(p.lockedUntil))
          .else(eb.ref('locked_until'))
          .end(),
      }))
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', p.now)]))
      .returning(['failed_logins', 'locked_until'])
      .executeTakeFirst();
    return r && { failures: r.failed_logins, lockedUntil: r.locked_until };
  },

  /**
   * After a right password: clears the count unless the account is locked at `now` (a parallel guess may have
   * locked it since it was read). Returns false, changing nothing, when it is locked.
   */
  async clearFailuresUnlessLocked(db: Queryable, userId: string, now: string): Promise<boolean> {
    const r = await db
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
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
