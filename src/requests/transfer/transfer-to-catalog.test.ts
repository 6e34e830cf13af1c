import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { agenciesStore } from '../../access/agencies.store.js';
import { catalogStore } from '../../catalog/catalog.store.js';
import { ensureCatalog } from '../../catalog/setup-catalog.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { describeEachDatabase } from '../../../test/support/db.js';
import { testContext } from '../../../test/support/context.js';
import { makeAgency, person, replyTo, staff } from '../../../test/support/request-cases.js';
import { registerApplication } from '../actions/register-application.js';
import { requestsStore } from '../requests.store.js';
import { catalogLinkOf, transferToCatalog } from './transfer-to-catalog.js';

describeEachDatabase('依申请转主动 (Art. 44)', ({ handle }) => {
  let ctx: AppContext;
  let agencyId = '';
  let columnId = '';
  const handler = () => staff(agencyId, 'handler', 'case_handler');
  const items = async () =>
    Number(
      (
        await ctx.db
          .selectFrom('catalog_items')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  before(async () => {
    ctx = testContext(handle(), { now: () => new Date('2025-03-03T02:00:00Z') });
    agencyId = await makeAgency(ctx);
    const agency = (await agenciesStore.all(ctx.db)).find((a) => a.id === agencyId)!;
    await ensureCatalog(ctx.db, agency);
    columnId = (await catalogStore.columns(ctx.db, agencyId)).find((c) => c.code === 'statutory')!.id;
  });
  const register = () => registerApplication(ctx, handler(), agencyId, { ...person, channel: 'in_person' });

  test('a disclosed reply becomes a DRAFT catalog item linked to the case', async () => {
    const c = await register();
    await replyTo(ctx, agencyId, c.caseId, 'disclosed');
    const { itemId } = await transferToCatalog(ctx, handler(), {
      caseId: c.caseId,
      columnId,
      reason: '多人申请同一信息',
    });
    const item = (await catalogStore.itemById(ctx.db, itemId))!;
    assert.equal(item.status, 'draft');
    assert.equal(item.agencyId, agencyId);
    assert.equal(item.title, person.infoTitle);
    const link = catalogLinkOf(await requestsStore.events(ctx.db, c.caseId));
    assert.equal(link?.itemId, itemId);
    await assert.rejects(transferToCatalog(ctx, handler(), { caseId: c.caseId, columnId }), {
      code: 'conflict',
      message: '该申请的信息已标记为转主动公开。',
    });
  });

  test('refused in Chinese, nothing stored: open case, refusal, no column, a reviewer', async () => {
    const open = await register();
    const refused = await register();
    await replyTo(ctx, agencyId, refused.caseId, 'notHeld');
    const disclosed = await register();
    await replyTo(ctx, agencyId, disclosed.caseId, 'disclosed');
    const before = await items();
    const eventsBefore = (await requestsStore.events(ctx.db, disclosed.caseId)).length;
    for (const caseId of [open.caseId, refused.caseId])
      await assert.rejects(transferToCatalog(ctx, handler(), { caseId, columnId }), (e: DomainError) =>
        /只有已答复且予以公开/.test(e.message),
      );
    await assert.rejects(
      transferToCatalog(ctx, handler(), { caseId: disclosed.caseId, columnId: '' }),
      (e: DomainError) => e.fields.columnId === '请选择发布栏目',
    );
    await assert.rejects(
      transferToCatalog(ctx, handler(), { caseId: disclosed.caseId, columnId: 'nope' }),
      (e: DomainError) => e.code === 'validation.failed' && /栏目/.test(e.fields.columnId ?? ''),
    );
    await assert.rejects(
      transferToCatalog(ctx, staff(agencyId, 'r', 'reviewer'), { caseId: disclosed.caseId, columnId }),
      { code: 'auth.forbidden' },
    );
    assert.equal(await items(), before);
    assert.equal((await requestsStore.events(ctx.db, disclosed.caseId)).length, eventsBefore);
  });
});
