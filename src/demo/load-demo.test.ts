import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../../test/support/db.js';
import { testConfig, testContext } from '../../test/support/context.js';
import { agenciesStore } from '../access/agencies.store.js';
import { usersStore } from '../access/users.store.js';
import { loadDemo } from './load-demo.js';

describeEachDatabase('demo load', ({ handle }) => {
  test('issue 21 defect 8: a demo load failing midway leaves an empty database, and a later load completes', async () => {
    // Without a data key the requests' loader stops after agencies, accounts and report data are in (the
    // half-loaded PostgreSQL start of the issue); on main those stayed, and the next start skipped the demo.
    const { dataKey: _, ...withoutKey } = testConfig();
    const broken = testContext(handle(), { config: withoutKey });
    await assert.rejects(loadDemo(broken), /DATA_KEY/);
    assert.equal(await agenciesStore.count(broken.db), 0);
    assert.equal(await usersStore.byUsername(broken.db, 'admin'), undefined);

    const ctx = testContext(handle());
    assert.equal(await loadDemo(ctx), true);
    assert.ok((await agenciesStore.count(ctx.db)) > 0);
    assert.ok(await usersStore.byUsername(ctx.db, 'admin'));
  });
});
