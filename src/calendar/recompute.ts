/**
 * When a holiday arrangement is added or corrected, every open case whose due date depends on it must be
 * recomputed (with an event on each changed case). Capabilities that own clocks (requests, messages, catalog)
 * register a recomputer here; the calendar only announces which days changed.
 */
import type { HolidayArrangement } from './arrangement.js';
import type { IsoDate } from './dates.js';

export interface ArrangementChange {
  /** Notice year of the arrangement that changed. */
  year: number;
  /** Province code for a regional overlay; null for the national calendar. */
  region: string | null;
  /** Days whose listing changed (added, removed or switched between off and work), sorted. */
  days: IsoDate[];
}

/** Recomputes the due dates of the open cases affected by a change; returns how many cases changed. */
export type DueDateRecomputer = (change: ArrangementChange) => Promise<number>;

export interface RecomputeRegistry {
  register(name: string, recomputer: DueDateRecomputer): void;
  /** Runs every recomputer in registration order. */
  run(change: ArrangementChange): Promise<Array<{ name: string; changed: number }>>;
}

export function createRecomputeRegistry(): RecomputeRegistry {
  const list: Array<{ name: string; recomputer: DueDateRecomputer }> = [];
  return {
    register: (name, recomputer) => void list.push({ name, recomputer }),
    async run(change) {
      const results: Array<{ name: string; changed: number }> = [];
      for (const { name, recomputer } of list) results.push({ name, changed: await recomputer(change) });
      return results;
    },
  };
}

/** The days whose listing differs between two versions of a year's arrangement. */
export function changedDays(before: HolidayArrangement | undefined, after: HolidayArrangement): IsoDate[] {
  const key = (a: HolidayArrangement | undefined) => new Map((a?.days ?? []).map((d) => [d.date, d.kind]));
  const b = key(before);
  const a = key(after);
  const dates = new Set([...b.keys(), ...a.keys()]);
  return [...dates].filter((d) => b.get(d) !== a.get(d)).sort();
}
