/**
 * How long a wrong password locks an account. The first `maxFailures` wrong passwords in a row are free; the one
 * that reaches it locks the account for `lockMinutes`. The count is kept until a right password, so once the
 * lock ends each further wrong password locks the account again at once, for twice as long as the last time
 * (15, 30, 60 … minutes), never more than a day: whoever guesses one account from many addresses — past the
 * per-address limit — gets a handful of guesses and then one a lock period, a period that keeps doubling.
 */
export const MAX_LOCK_MINUTES = 24 * 60;

export function lockMinutesAfter(
  failures: number,
  rule: { maxFailures: number; lockMinutes: number },
): number {
  if (failures < rule.maxFailures) return 0;
  const doublings = Math.min(failures - rule.maxFailures, 20);
  return Math.min(rule.lockMinutes * 2 ** doublings, MAX_LOCK_MINUTES);
}
