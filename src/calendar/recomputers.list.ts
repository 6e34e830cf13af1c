/**
 * Every due-date recomputer of the platform, run when a holiday arrangement is saved (from the admin screen
 * or `gongkai calendar import`). Capabilities that own clocks add theirs here, one line each, e.g.
 *   { name: '依申请公开', recompute: recomputeRequestDueDates },
  { name: '互动交流留言', recompute: recomputeMessageDueDates },
 * A static list rather than registration on import, so the CLI and every app node run the same set.
 */
import type { CaseRecomputer } from './recompute-registry.js';
import { recomputeRequestDueDates } from '../requests/recompute-due-dates.js';
import { recomputeMessageDueDates } from '../interaction/recompute-due-dates.js';

export const caseRecomputers: Array<{ name: string; recompute: CaseRecomputer }> = [
  { name: '依申请公开', recompute: recomputeRequestDueDates },
  { name: '互动交流留言', recompute: recomputeMessageDueDates },
];
