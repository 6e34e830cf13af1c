import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { agenciesStore } from '../../access/agencies.store.js';
import type { Actor } from '../../platform/actor.js';
import { catalogStore } from '../../catalog/catalog.store.js';
import { loadDemo } from '../../demo/load-demo.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { listEvents } from '../../platform/events.js';
import { describeEachDatabase } from '../../../test/support/db.js';
import { testContext } from '../../../test/support/context.js';
import { moderateComment, submitOpenRating } from './open-rating.js';
import { openRatingsStore } from './open-ratings.store.js';
import { yearTrend } from './open-trends.js';
import { supervisionFacts, supervisionParagraphZh } from '../../supervision/supervision-facts.js';

const rejects = (code: string, fields?: string[]) => (e: unknown) => {
  assert.ok(e instanceof DomainError, String(e));
  assert.equal(e.code, code);
  if (fields) assert.deepEqual(Object.keys(e.fields).sort(), [...fields].sort());
  return true;
};

describeEachDatabase('always-open public rating', ({ handle }) => {
  let ctx: AppContext;
  // The demo's own ratings fall in 2024; the test's in 2025.
  let now = new Date('2024-06-01T02:00:00Z');
  let zhongxing: string, hugou: string;
  let handler: Actor, other: Actor;
  let count: () => Promise<number>;
  before(async () => {
    ctx = testContext(handle(), { now: () => now });
    await loadDemo(ctx);
    now = new Date('2025-03-10T02:00:00Z');
    const all = await agenciesStore.all(ctx.db);
    zhongxing = all.find((a) => a.pathSegment === 'zhongxing')!.id;
    hugou = all.find((a) => a.pathSegment === 'hugou')!.id;
    const grant = (agencyId: string): Actor => ({
      kind: 'user',
      userId: `u-${agencyId}`,
      label: '经办人',
      grants: [{ agencyId, role: 'case_handler' }],
    });
    handler = grant(zhongxing);
    other = grant(hugou);
    count = async () =>
      Number(
        (
          await ctx.db
            .selectFrom('open_ratings')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
  });

  const scores = (a: number, t: number, p: number, i: number) => ({
    accuracy: String(a),
    timeliness: String(t),
    procedure: String(p),
    institution: String(i),
  });

  test('bad input and the honeypot store nothing; a rating counts at once and its comment waits', async () => {
    const before = await count();
    const shownBefore = (await openRatingsStore.approvedFor(ctx.db, zhongxing, null)).map((c) => c.comment);
    await assert.rejects(
      submitOpenRating(ctx, zhongxing, { accuracy: '6', timeliness: '' }),
      rejects('validation.failed', ['accuracy', 'timeliness', 'procedure', 'institution']),
    );
    await assert.rejects(
      submitOpenRating(ctx, zhongxing, { ...scores(5, 5, 5, 5), comment: '长'.repeat(501) }),
      rejects('validation.failed', ['comment']),
    );
    await assert.rejects(
      submitOpenRating(ctx, zhongxing, { ...scores(5, 5, 5, 5), website: 'http://spam' }),
      rejects('rating.refused'),
    );
    assert.equal(await count(), before);

    const r = await submitOpenRating(ctx, zhongxing, {
      ...scores(5, 4, 5, 4),
      comment: '公开及时，查找方便。',
    });
    assert.equal(r.commentHeld, true);
    now = new Date('2025-04-02T02:00:00Z');
    await submitOpenRating(ctx, zhongxing, scores(3, 2, 3, 4));
    assert.equal(await count(), before + 2);
    assert.deepEqual(
      (await openRatingsStore.approvedFor(ctx.db, zhongxing, null)).map((c) => c.comment),
      shownBefore,
    );

    const t = yearTrend(2025, await openRatingsStore.months(ctx.db, zhongxing, 2025));
    assert.equal(t.months[2]!.disclosure!.ratings, 1);
    assert.equal(t.months[2]!.disclosure!.overall, 4.5);
    assert.equal(t.months[3]!.disclosure!.overall, 3);
    assert.equal(t.months[0]!.disclosure, null);
    assert.equal(t.disclosure!.ratings, 2);
    assert.equal(t.disclosure!.scores.accuracy, 4);
    assert.equal(t.disclosure!.overall, 3.75);

    // Moderation: bad input and other agencies' staff change nothing; approve shows it; twice is a conflict.
    await assert.rejects(
      moderateComment(ctx, handler, r.ratingId, {}),
      rejects('validation.failed', ['decision']),
    );
    await assert.rejects(
      moderateComment(ctx, handler, r.ratingId, { decision: 'reject' }),
      rejects('validation.failed', ['reason']),
    );
    await assert.rejects(
      moderateComment(ctx, other, r.ratingId, { decision: 'approve' }),
      rejects('auth.forbidden'),
    );
    assert.equal((await openRatingsStore.byId(ctx.db, r.ratingId))!.comment_status, 'pending');
    await moderateComment(ctx, handler, r.ratingId, { decision: 'approve' });
    await assert.rejects(
      moderateComment(ctx, handler, r.ratingId, { decision: 'reject', reason: 'x' }),
      rejects('conflict'),
    );
    const shown = await openRatingsStore.approvedFor(ctx.db, zhongxing, null);
    assert.deepEqual(
      shown.map((c) => c.comment),
      ['公开及时，查找方便。', ...shownBefore],
    );
    const events = await listEvents(ctx.db, {
      agencyIds: [zhongxing],
      entityType: 'open_rating',
      entityId: r.ratingId,
    });
    assert.deepEqual(events.map((e) => e.action).sort(), [
      'rating.comment_approved',
      'rating.open_submitted',
    ]);
  });

  test('a published item is rated useful or not, with an optional score; a rejected comment stays hidden', async () => {
    // The demo rated the newest item; this test rates another.
    const [, item] = await catalogStore.published(ctx.db, { agencyId: zhongxing, limit: 2 });
    assert.ok(item);
    await assert.rejects(
      submitOpenRating(ctx, zhongxing, { score: '9' }, item.id),
      rejects('validation.failed', ['useful', 'score']),
    );
    await assert.rejects(submitOpenRating(ctx, hugou, { useful: 'yes' }, item.id), rejects('not_found'));
    await submitOpenRating(ctx, zhongxing, { useful: 'yes', score: '4' }, item.id);
    await submitOpenRating(ctx, zhongxing, { useful: 'yes' }, item.id);
    const r = await submitOpenRating(
      ctx,
      zhongxing,
      { useful: 'no', score: '2', comment: '广告内容' },
      item.id,
    );
    await moderateComment(ctx, handler, r.ratingId, { decision: 'reject', reason: '与本信息无关' });
    const row = (await openRatingsStore.byId(ctx.db, r.ratingId))!;
    assert.equal(row.comment_status, 'rejected');
    assert.equal(row.moderation_reason, '与本信息无关');
    assert.deepEqual(await openRatingsStore.approvedFor(ctx.db, zhongxing, item.id), []);
    const s = await openRatingsStore.itemSummary(ctx.db, item.id);
    assert.deepEqual(s, { n: 3, useful: 2, score: 3 });
    const t = yearTrend(2025, await openRatingsStore.months(ctx.db, zhongxing, 2025));
    assert.equal(t.items!.ratings, 3);
    assert.equal(t.items!.usefulPercent, 66.7);
    assert.equal(t.items!.averageScore, 3);

    // The year's figures reach the annual report's 一（五）监督保障 paragraph.
    const facts = await supervisionFacts(ctx.db, zhongxing, 2025);
    assert.equal(facts.openRating.disclosure!.overall, 3.75);
    assert.match(
      supervisionParagraphZh(facts),
      /网站常设公众评价收到评价5份，政务公开综合平均得分3\.75分，对具体公开信息的评价中66\.7%认为有用。/,
    );
    assert.doesNotMatch(supervisionParagraphZh(await supervisionFacts(ctx.db, hugou, 2025)), /常设公众评价/);
  });
});
