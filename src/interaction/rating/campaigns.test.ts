import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { agenciesStore } from '../../access/agencies.store.js';
import type { Agency } from '../../access/agency.js';
import type { Actor } from '../../platform/actor.js';
import { loadDemo } from '../../demo/load-demo.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { describeEachDatabase } from '../../../test/support/db.js';
import { testContext } from '../../../test/support/context.js';
import { createCampaign, inviteEvaluator, submitRating } from './campaigns.js';
import { campaignResults } from './results.js';

const rejects = (code: string, fields?: string[]) => (e: unknown) => {
  assert.ok(e instanceof DomainError, String(e));
  assert.equal(e.code, code);
  if (fields) assert.deepEqual(Object.keys(e.fields).sort(), [...fields].sort());
  return true;
};

describeEachDatabase('public rating campaigns', ({ handle }) => {
  let ctx: AppContext;
  let now = new Date('2025-11-10T02:00:00Z');
  let all: Agency[];
  let office: string, zhongxing: string, hugou: string, anhui: string;
  let supervisor: Actor;
  before(async () => {
    ctx = testContext(handle(), { now: () => now });
    await loadDemo(ctx);
    all = await agenciesStore.all(ctx.db);
    const id = (seg: string) => all.find((a) => a.pathSegment === seg)!.id;
    zhongxing = id('zhongxing');
    hugou = id('hugou');
    anhui = id('anhui');
    office = all.find((a) => a.level === 'general_office' && a.name.includes('固镇'))!.id;
    supervisor = {
      kind: 'user',
      userId: 'u-sup',
      label: '县政务公开办',
      grants: [{ agencyId: office, role: 'supervisor' }],
    };
  });

  const scores = (a: number, t: number, p: number, i: number) => ({
    accuracy: String(a),
    timeliness: String(t),
    procedure: String(p),
    institution: String(i),
  });

  test('a supervisor opens a campaign over agencies it oversees; invited and public answers are counted per round', async () => {
    await assert.rejects(
      createCampaign(ctx, supervisor, {
        organiserId: office,
        title: '',
        opensOn: '2025-11-30',
        closesOn: '2025-11-01',
        agencyIds: [anhui],
      }),
      rejects('validation.failed', ['title', 'closesOn', 'agencyIds']),
    );
    const { campaignId } = await createCampaign(ctx, supervisor, {
      organiserId: office,
      title: '2025年度政务公开社会评议',
      opensOn: '2025-11-01',
      closesOn: '2025-11-30',
      agencyIds: [zhongxing, hugou],
      publicRound: 'on',
    });
    const { code } = await inviteEvaluator(ctx, supervisor, campaignId, {
      kind: 'deputy',
      label: '县人大代表 王某',
    });
    await submitRating(ctx, campaignId, {
      agencyId: zhongxing,
      code,
      ...scores(5, 4, 5, 4),
      comment: '公开及时',
    });
    await assert.rejects(
      submitRating(ctx, campaignId, { agencyId: zhongxing, code, ...scores(1, 1, 1, 1) }),
      rejects('validation.failed', ['code']),
    );
    await submitRating(ctx, campaignId, { agencyId: zhongxing, ...scores(3, 2, 3, 4) });
    await submitRating(ctx, campaignId, { agencyId: zhongxing, ...scores(4, 4, 4, 4) });
    await assert.rejects(
      submitRating(ctx, campaignId, { agencyId: anhui, accuracy: '6', timeliness: '', code: 'NOPE' }),
      rejects('validation.failed', [
        'agencyId',
        'accuracy',
        'timeliness',
        'procedure',
        'institution',
        'code',
      ]),
    );
    await assert.rejects(
      submitRating(ctx, campaignId, { agencyId: hugou, website: 'x', ...scores(5, 5, 5, 5) }),
      rejects('rating.refused'),
    );
    now = new Date('2025-12-01T02:00:00Z');
    await assert.rejects(
      submitRating(ctx, campaignId, { agencyId: hugou, ...scores(5, 5, 5, 5) }),
      rejects('rating.closed'),
    );

    const results = await campaignResults(ctx.db, campaignId, all);
    const zx = results.find((r) => r.agency.id === zhongxing)!;
    assert.deepEqual(zx.invited, {
      responses: 1,
      scores: { accuracy: 5, timeliness: 4, procedure: 5, institution: 4 },
      overall: 4.5,
    });
    assert.deepEqual(zx.public, {
      responses: 2,
      scores: { accuracy: 3.5, timeliness: 3, procedure: 3.5, institution: 4 },
      overall: 3.5,
    });
    assert.equal(zx.all!.responses, 3);
    assert.equal(zx.all!.scores.accuracy, 4); // (5 + 3 + 4) / 3
    assert.equal(results.find((r) => r.agency.id === hugou)!.all, null);
  });

  test('an invited-only campaign refuses the public; an unrelated user cannot organise', async () => {
    now = new Date('2025-11-10T02:00:00Z');
    const { campaignId } = await createCampaign(ctx, supervisor, {
      organiserId: office,
      title: '受邀评议',
      opensOn: '2025-11-01',
      closesOn: '2025-11-30',
      agencyIds: hugou,
    });
    await assert.rejects(
      submitRating(ctx, campaignId, { agencyId: hugou, ...scores(5, 5, 5, 5) }),
      rejects('validation.failed', ['code']),
    );
    const stranger: Actor = {
      kind: 'user',
      userId: 'x',
      label: 'x',
      grants: [{ agencyId: zhongxing, role: 'editor' }],
    };
    await assert.rejects(
      createCampaign(ctx, stranger, {
        organiserId: office,
        title: 't',
        opensOn: '2025-11-01',
        closesOn: '2025-11-30',
        agencyIds: hugou,
      }),
      rejects('auth.forbidden'),
    );
  });
});
