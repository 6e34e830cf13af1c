import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../../test/support/db.js';
import { testContext } from '../../test/support/context.js';
import { loadDemo } from '../demo/load-demo.js';
import { DomainError } from '../platform/errors.js';
import { listEvents } from '../platform/events.js';
import { agenciesStore } from '../access/agencies.store.js';
import { scopeOf, can } from '../access/permissions.js';
import { systemActor, type Actor } from '../platform/actor.js';
import { newId } from '../platform/ids.js';
import { createAgency, updateAgency } from './save-agency.js';
import { usersStore } from '../access/users.store.js';
import { reviewBodyFindings, reviewBodyOf } from '../access/review-body.js';

describeEachDatabase('agencies and accounts', ({ handle }) => {
  test('demo data loads once through the use cases', async () => {
    const ctx = testContext(handle());
    assert.equal(await loadDemo(ctx), true);
    assert.equal(await loadDemo(ctx), false);
    const all = await agenciesStore.all(ctx.db);
    const zx = all.find((a) => a.name === '固镇县仲兴乡人民政府');
    const office = all.find((a) => a.name === '固镇县人民政府办公室');
    assert.ok(zx && office);
    assert.equal(zx.supervisorId, office.id);
    assert.equal(zx.reconsiderationBody, '', 'derived from the tree, not named');
    assert.equal(reviewBodyOf(all, zx).name, '固镇县人民政府');
    assert.equal(zx.hasRulemakingPower, false);
    assert.equal(all.find((a) => a.level === 'city')?.hasRulemakingPower, true);
  });

  test('issue 32 defect 7: no demo agency names itself as 复议机关; each is derived (行政复议法 Art. 24)', async () => {
    const ctx = testContext(handle());
    const all = await agenciesStore.all(ctx.db);
    const bodies = Object.fromEntries(
      all.map((a) => {
        const b = reviewBodyOf(all, a);
        assert.equal(b.source, 'derived', a.name);
        assert.deepEqual(reviewBodyFindings(all, a), [], a.name);
        if (a.level !== 'province') assert.notEqual(b.name, a.name, a.name);
        return [a.name, b.name];
      }),
    );
    // On main the city named itself (蚌埠市人民政府); a city's acts go to the provincial government.
    assert.equal(bodies['蚌埠市人民政府'], '安徽省人民政府');
    assert.equal(bodies['安徽省人民政府'], '安徽省人民政府');
    assert.equal(bodies['固镇县人民政府'], '蚌埠市人民政府');
    assert.equal(bodies['固镇县教育局'], '固镇县人民政府');
    assert.equal(bodies['固镇县人民政府办公室'], '固镇县人民政府');
    assert.equal(bodies['固镇县湖沟镇人民政府'], '固镇县人民政府');
  });

  test('another 复议机关 is saved only with a reason; an agency cannot name itself', async () => {
    const ctx = testContext(handle());
    const all = await agenciesStore.all(ctx.db);
    const edu = all.find((a) => a.name === '固镇县教育局')!;
    const city = all.find((a) => a.name === '蚌埠市人民政府')!;
    const before = JSON.stringify(await agenciesStore.byId(ctx.db, edu.id));
    await assert.rejects(
      updateAgency(ctx, systemActor('测试'), edu.id, { ...edu, reconsiderationBody: '蚌埠市教育局' }),
      (e: unknown) => {
        assert.ok(e instanceof DomainError);
        assert.match(e.fields.reconsiderationBodyReason ?? '', /“固镇县人民政府”不同，请说明理由/);
        return true;
      },
    );
    await assert.rejects(
      updateAgency(ctx, systemActor('测试'), city.id, { ...city, reconsiderationBody: city.name }),
      (e: unknown) => {
        assert.ok(e instanceof DomainError);
        assert.match(e.fields.reconsiderationBody ?? '', /复议机关不能是本机关.*应为安徽省人民政府/);
        return true;
      },
    );
    assert.equal(JSON.stringify(await agenciesStore.byId(ctx.db, edu.id)), before);
    const reason = '实行垂直领导（《中华人民共和国行政复议法》第二十七条）';
    await updateAgency(ctx, systemActor('测试'), edu.id, {
      ...edu,
      reconsiderationBody: '蚌埠市教育局',
      reconsiderationBodyReason: reason,
    });
    const saved = (await agenciesStore.byId(ctx.db, edu.id))!;
    assert.equal(reviewBodyOf(all, saved).name, '蚌埠市教育局');
    assert.equal(saved.reconsiderationBodyReason, reason);
    await updateAgency(ctx, systemActor('测试'), edu.id, { ...edu });
  });

  test('a supervisor reads subordinates; a township admin manages only its own agency', async () => {
    const ctx = testContext(handle());
    const all = await agenciesStore.all(ctx.db);
    const byName = (n: string) => all.find((a) => a.name === n)!;
    const sup = (await usersStore.byUsername(ctx.db, 'gz-supervisor'))!;
    const supActor: Actor = {
      kind: 'user',
      userId: sup.id,
      label: 'x',
      grants: await usersStore.grants(ctx.db, sup.id),
    };
    const read = scopeOf(supActor, 'reports.supervise', all);
    assert.ok(read.has(byName('固镇县仲兴乡人民政府').id));
    assert.ok(read.has(byName('固镇县教育局').id));
    assert.ok(!read.has(byName('蚌埠市人民政府').id));
    assert.equal(can(supActor, 'agency.manage', byName('固镇县仲兴乡人民政府').id, all), false);

    const zxAdmin = (await usersStore.byUsername(ctx.db, 'zx-admin'))!;
    const adminActor: Actor = {
      kind: 'user',
      userId: zxAdmin.id,
      label: 'x',
      grants: await usersStore.grants(ctx.db, zxAdmin.id),
    };
    const hugou = byName('固镇县湖沟镇人民政府');
    const before = JSON.stringify(hugou);
    await assert.rejects(
      updateAgency(ctx, adminActor, hugou.id, { ...hugou, shortName: '改名' }),
      (e: unknown) => e instanceof DomainError && e.code === 'auth.forbidden',
    );
    assert.equal(JSON.stringify(await agenciesStore.byId(ctx.db, hugou.id)), before);
  });

  test('a bad credit code or a taken path segment is refused with Chinese field errors and nothing stored', async () => {
    const ctx = testContext(handle());
    const countBefore = await agenciesStore.count(ctx.db);
    const all = await agenciesStore.all(ctx.db);
    const parent = all.find((a) => a.level === 'county')!;
    const input = {
      parentId: parent.id,
      name: '测试镇人民政府',
      shortName: '测试镇',
      creditCode: '11340323MB05000050', // wrong check character
      divisionCode: '340323999',
      level: 'township',
      pathSegment: 'zhongxing', // taken
      office: { name: '党政办' },
    };
    await assert.rejects(createAgency(ctx, systemActor(), input), (e: unknown) => {
      assert.ok(e instanceof DomainError);
      assert.match(e.fields.creditCode ?? '', /校验位/);
      return true;
    });
    await assert.rejects(
      createAgency(ctx, systemActor(), { ...input, creditCode: '11340323MB0500005U' }),
      (e: unknown) => {
        assert.ok(e instanceof DomainError);
        assert.ok(e.fields.creditCode || e.fields.pathSegment);
        return true;
      },
    );
    assert.equal(await agenciesStore.count(ctx.db), countBefore);
  });

  test('updates are recorded as events with what changed', async () => {
    const ctx = testContext(handle());
    const zx = (await agenciesStore.byPathSegment(ctx.db, 'zhongxing'))!;
    await updateAgency(ctx, systemActor('测试'), zx.id, {
      ...zx,
      office: { ...zx.office, phone: '0552-6500001' },
    });
    const events = await listEvents(ctx.db, { agencyIds: [zx.id], action: 'agency.updated' });
    assert.equal(events.length, 1);
    assert.deepEqual((events[0]!.data.changed as Record<string, unknown>).office !== undefined, true);
    assert.equal((await agenciesStore.byId(ctx.db, zx.id))!.office.phone, '0552-6500001');
  });

  test('issue 21: only the platform or the supervising office changes parent, supervisor, level or 复议机关', async () => {
    const ctx = testContext(handle());
    const all = await agenciesStore.all(ctx.db);
    const byName = (n: string) => all.find((a) => a.name === n)!;
    const actorOf = async (username: string): Promise<Actor> => {
      const u = (await usersStore.byUsername(ctx.db, username))!;
      return { kind: 'user', userId: u.id, label: username, grants: await usersStore.grants(ctx.db, u.id) };
    };
    const zx = (await agenciesStore.byPathSegment(ctx.db, 'zhongxing'))!;
    const office = byName('固镇县人民政府办公室');
    const county = byName('固镇县人民政府');
    const zxAdmin = await actorOf('zx-admin');
    const stored = async () => JSON.stringify(await agenciesStore.byId(ctx.db, zx.id));
    const before = await stored();
    const refused = (fields: string[]) => (e: unknown) => {
      assert.ok(e instanceof DomainError);
      assert.equal(e.code, 'agency.structure_forbidden');
      assert.match(e.message, /只能由平台管理员或主管部门调整/);
      assert.deepEqual(Object.keys(e.fields).sort(), fields.sort());
      return true;
    };
    // On main the township's own admin detached it from supervision (supervisorId empty → saved).
    for (const [change, fields] of [
      [{ supervisorId: '' }, ['supervisorId']],
      [{ supervisorId: county.id }, ['supervisorId']],
      [{ parentId: office.id }, ['parentId']],
      [{ level: 'county' }, ['level']],
      [
        { reconsiderationBody: '蚌埠市人民政府', reconsiderationBodyReason: '测试' },
        ['reconsiderationBody', 'reconsiderationBodyReason'],
      ],
    ] as const) {
      await assert.rejects(
        updateAgency(ctx, zxAdmin, zx.id, { ...zx, ...change, shortName: '改名' }),
        refused([...fields]),
      );
    }
    assert.equal(await stored(), before, 'nothing stored');
    await updateAgency(ctx, zxAdmin, zx.id, { ...zx, shortName: '仲兴' });
    assert.equal(
      (await agenciesStore.byId(ctx.db, zx.id))!.shortName,
      '仲兴',
      'its own admin edits the rest',
    );

    // The read-only supervisor role changes nothing; the supervising office's administrator moves it.
    await assert.rejects(
      updateAgency(ctx, await actorOf('gz-supervisor'), zx.id, { ...zx, supervisorId: county.id }),
      (e: unknown) => e instanceof DomainError && e.code === 'auth.forbidden',
    );
    const officeAdmin = { id: newId(), username: 'gz-office-admin', displayName: '县政府办管理员' };
    await usersStore.insert(
      ctx.db,
      { ...officeAdmin, passwordHash: 'x', email: '' },
      ctx.now().toISOString(),
    );
    await usersStore.grant(ctx.db, officeAdmin.id, { agencyId: office.id, role: 'agency_admin' });
    const supervising = await actorOf('gz-office-admin');
    const current = (await agenciesStore.byId(ctx.db, zx.id))!;
    await assert.rejects(
      updateAgency(ctx, supervising, zx.id, { ...current, shortName: '别名' }),
      (e: unknown) => e instanceof DomainError && e.code === 'auth.forbidden',
      "the supervising office does not edit the agency's own details",
    );
    await updateAgency(ctx, supervising, zx.id, { ...current, supervisorId: county.id });
    assert.equal((await agenciesStore.byId(ctx.db, zx.id))!.supervisorId, county.id);
    await updateAgency(ctx, systemActor('测试'), zx.id, { ...current, shortName: zx.shortName });
    assert.equal(await stored(), before);
  });
});
