/**
 * Every due-date recomputer of the platform, run when a holiday arrangement is saved (from the admin screen
 * or `gongkai calendar import`). Capabilities that own clocks add theirs here, one line each.
 * A static list rather than registration on import, so the CLI and every app node run the same set.
 */
import type { NamedRecomputer } from '../calendar/recompute-registry.js';
import { recomputeRequestDueDates } from '../requests/recompute-due-dates.js';
import { recomputeMessageDueDates } from '../interaction/recompute-due-dates.js';

export const caseRecomputers: readonly NamedRecomputer[] = [
  { name: '依申请公开', recompute: recomputeRequestDueDates },
  { name: '互动交流留言', recompute: recomputeMessageDueDates },
];
