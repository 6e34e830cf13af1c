/**
 * Scheduled jobs (reminders, sweeps) that run exactly once per period even when several app nodes share
 * one database: before each run a node takes the job's lease row with a conditional update; a node whose
 * update touches no row skips the run. The lease lasts for the job's interval, so a node that dies mid-run
 * blocks that job for one period at most.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { AppContext } from './context.js';
import type { Queryable } from './db/database.js';

export interface Job {
  name: string;
  intervalMs: number;
  run: (ctx: AppContext) => Promise<void>;
}

const nodeId = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;

/** Takes the lease for `name` until `until` if it is free or expired. True when this holder got it. */
export async function takeLease(
  db: Queryable,
  name: string,
  holder: string,
  now: Date,
  until: Date,
): Promise<boolean> {
  await db
    .insertInto('job_leases')
    .values({ name, holder: '', expires_at: new Date(0).toISOString(), last_run_at: null })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const r = await db
    .updateTable('job_leases')
    .set({ holder, expires_at: until.toISOString(), last_run_at: now.toISOString() })
    .where('name', '=', name)
    .where('expires_at', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Runs one round: each due job at most once across all nodes. Returns the names of jobs this node ran. */
export async function runDueJobs(ctx: AppContext, jobs: readonly Job[], holder = nodeId): Promise<string[]> {
  const ran: string[] = [];
  for (const job of jobs) {
    const now = ctx.now();
    if (!(await takeLease(ctx.db, job.name, holder, now, new Date(now.getTime() + job.intervalMs)))) continue;
    try {
      await job.run(ctx);
      ran.push(job.name);
    } catch (e) {
      console.error(`job ${job.name} failed`, e);
    }
  }
  return ran;
}

/** Starts the scheduler loop; returns a stop function that waits for the current round to finish. */
export function startScheduler(ctx: AppContext, jobs: readonly Job[], tickMs = 30_000): () => Promise<void> {
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    current = runDueJobs(ctx, jobs).catch((e) => console.error('scheduler round failed', e));
  };
  const timer = setInterval(tick, tickMs);
  timer.unref();
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await current;
  };
}
