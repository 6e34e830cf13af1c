/**
 * The public content version: one counter in the database that says "what the portals show has changed".
 * Each app node keeps portal pages and portal data in memory (src/web/public-cache.ts); the node that makes a
 * change clears its own at once, and bumps this counter so that every other node — and the server process when
 * the change came from the CLI or a job — clears its caches within a poll interval instead of a cache TTL.
 * That lets the page cache hold pages for minutes without showing a withdrawn item for minutes.
 */
import type { Queryable } from './db/database.js';

const NAME = 'public';

export async function readContentVersion(db: Queryable): Promise<number> {
  const row = await db
    .selectFrom('content_versions')
    .select('version')
    .where('name', '=', NAME)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

/**
 * Bump the counter after a change has committed. Never throws: the change itself has succeeded, and if the bump
 * fails (database briefly away) other nodes still drop their pages when the cache TTL runs out.
 */
export async function announceContentChange(db: Queryable): Promise<boolean> {
  try {
    await db
      .updateTable('content_versions')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('name', '=', NAME)
      .execute();
    return true;
  } catch {
    return false;
  }
}

/**
 * Poll the counter every `intervalMs` and call `onChange` when it has moved since the last poll. The first read
 * only records the version. Returns a function that stops the polling. Timers are unref'd: polling never keeps
 * a process alive, and a failed read is tried again at the next tick.
 */
export function watchContentVersion(db: Queryable, onChange: () => void, intervalMs = 1000): () => void {
  let seen: number | undefined;
  let busy = false;
  let stopped = false;
  const tick = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      const now = await readContentVersion(db);
      if (seen !== undefined && now !== seen && !stopped) onChange();
      seen = now;
    } catch {
      // The database is away (restart, failover): keep the last version seen and try again next tick.
    } finally {
      busy = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
