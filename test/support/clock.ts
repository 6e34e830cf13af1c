/**
 * The tests' clock. It starts at GONGKAI_TEST_NOW (an ISO-8601 instant) when that is set, else at the
 * machine clock, and runs on from there at the machine's pace, so that records made one after another
 * keep their order. scripts/run-tests.mjs sets GONGKAI_TEST_NOW once per run (to the machine's time when unset):
 * the template databases' demo is built on a clock from that instant, and the test processes' clocks start
 * where the builders' stopped (a few seconds later, after every record the templates hold, so a test's records
 * sort after the demo's). Set it yourself to replay a run at another hour or date:
 *   GONGKAI_TEST_NOW=2026-12-31T17:30:00Z npm test
 * Tests and the code they run read time from `ctx.now()` (and `legalToday(ctx)`), never from the machine.
 */
const fromEnv = process.env.GONGKAI_TEST_NOW;
const start = fromEnv ? Date.parse(fromEnv) : Date.now();
if (Number.isNaN(start)) throw new Error(`GONGKAI_TEST_NOW is not an ISO-8601 instant: ${fromEnv}`);
const offset = start - Date.now();

/** The current instant on the tests' clock. */
export const testNow = (): Date => new Date(Date.now() + offset);
