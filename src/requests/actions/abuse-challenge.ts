/**
 * The accessible challenge of the public application form: only when one source (a keyed hash of its address)
 * has submitted more than the configured number of times within the hour, the form asks a simple arithmetic
 * question in Chinese text — a labelled field, no image, no outside service. The question travels in a signed
 * token (keyed hash with the data key) that expires, so app nodes keep no challenge state.
 */
import { randomInt, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { personalDataCipher } from '../../platform/personal-data.js';
import { requestsStore } from '../requests.store.js';

const WINDOW_MS = 60 * 60 * 1000;
const TOKEN_TTL_MS = 30 * 60 * 1000;
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export interface Challenge {
  question: string;
  token: string;
}

const sourceIndex = (ctx: AppContext, source: string) =>
  personalDataCipher(ctx.config.dataKey).blindIndex(`request-form-source:${source}`);
const sign = (ctx: AppContext, payload: string) =>
  personalDataCipher(ctx.config.dataKey).blindIndex(`request-form-challenge:${payload}`);

/** Records one submission from `source` and says whether it comes above the threshold (a challenge is due). */
export async function recordSubmission(ctx: AppContext, source: string): Promise<boolean> {
  const now = ctx.now();
  const since = new Date(now.getTime() - WINDOW_MS).toISOString();
  const index = sourceIndex(ctx, source);
  const earlier = await countSince(ctx, index, since);
  await ctx.db
    .transaction()
    .execute((tx) =>
      requestsStore.recordFormSubmission(
        tx,
        { id: newId(), sourceIndex: index, at: now.toISOString() },
        since,
      ),
    );
  return earlier >= ctx.config.requestChallengeThreshold;
}

/** Whether the next submission from `source` will need the challenge (to show it on the blank form). */
export async function challengeDue(ctx: AppContext, source: string): Promise<boolean> {
  const since = new Date(ctx.now().getTime() - WINDOW_MS).toISOString();
  return (await countSince(ctx, sourceIndex(ctx, source), since)) >= ctx.config.requestChallengeThreshold;
}

const countSince = (ctx: AppContext, index: string, since: string) =>
  requestsStore.formSubmissionsSince(ctx.db, index, since);

/** A new question: the sum of two numbers from 1 to 9, written in Chinese characters. */
export function newChallenge(ctx: AppContext): Challenge {
  const a = randomInt(1, 10);
  const b = randomInt(1, 10);
  const payload = `${a}.${b}.${ctx.now().getTime() + TOKEN_TTL_MS}`;
  return { question: `${DIGITS[a]}加${DIGITS[b]}等于几？`, token: `${payload}.${sign(ctx, payload)}` };
}

/** Whether `answer` (Arabic digits, half- or full-width) answers the question of an unexpired, untampered token. */
export function challengeAnswered(ctx: AppContext, token: unknown, answer: unknown): boolean {
  if (typeof token !== 'string' || typeof answer !== 'string') return false;
  const m = /^(\d)\.(\d)\.(\d+)\.(.+)$/.exec(token);
  if (!m) return false;
  const payload = `${m[1]}.${m[2]}.${m[3]}`;
  const expected = Buffer.from(sign(ctx, payload));
  const given = Buffer.from(m[4]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  if (Number(m[3]) < ctx.now().getTime()) return false;
  const normalised = answer.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return /^\d+$/.test(normalised) && Number(normalised) === Number(m[1]) + Number(m[2]);
}
