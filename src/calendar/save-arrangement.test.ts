import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../platform/actor.js';
import { DomainError } from '../platform/errors.js';
import { describeEachDatabase } from '../../test/support/db.js';
import { testContext } from '../../test/support/context.js';
import { ARRANGEMENT_FORMAT, type HolidayArrangement } from './arrangement.js';
import { calendarStore } from './calendar.store.js';
import { cacheClock, effectiveCalendar, REVALIDATE_MS } from './effective-calendar.js';
import type { NamedRecomputer } from './recompute-registry.js';
import { parseArrangementInput, saveArrangement } from './save-arrangement.js';
import { testNow } from '../../test/support/clock.js';

const admin: Actor = {
  kind: 'user',
  userId: 'u-admin',
  label: '平台管理员甲',
  grants: [{ agencyId: 'a1', role: 'platform_admin' }],
};
const agencyAdmin: Actor = {
  kind: 'user',
  userId: 'u-2',
  label: '机关管理员乙',
  grants: [{ agencyId: 'a1', role: 'agency_admin' }],
};

// 2027-01-01 is a Friday; 2027-02-06 a Saturday; 2027-04-09 a Friday.
const y2027 = (days: HolidayArrangement['days']): HolidayArrangement => ({
  format: ARRANGEMENT_FORMAT,
  year: 2027,
  notices: [{ title: '国务院办公厅关于2027年部分节假日安排的通知' }],
  source: 'test',
  days,
});

const seen: Array<{ year: number; region: string | null; days: string[] }> = [];
const testRecomputers: NamedRecomputer[] = [
  {
    name: '测试案件',
    recompute: async (_ctx, change) => {
      seen.push(change);
      return change.days.length;
    },
  },
];

describeEachDatabase('saving holiday arrangements', ({ handle }) => {
  const events = async (action: string) =>
    (await handle().db.selectFrom('events').selectAll().where('action', '=', action).execute()).length;

  test('a national year: stored as a version with an event, used by effectiveCalendar, recomputers run', async () => {
    const ctx = testContext(handle());
    const before = await effectiveCalendar(ctx);
    assert.equal(before.isWorkingDay('2027-01-01'), true);
    assert.equal(before.isProvisional('2027-01-01'), true);
    seen.length = 0;

    const r = await saveArrangement(
      ctx,
      admin,
      {
        kind: 'national',
        arrangement: y2027([
          { date: '2027-01-01', kind: 'off', name: '元旦' },
          { date: '2027-02-06', kind: 'work', name: '春节' },
        ]),
      },
      { source: '国办发明电〔2026〕x号', note: '首次载入' },
      testRecomputers,
    );
    assert.equal(r.version, 1);
    assert.deepEqual(r.changedDays, ['2027-01-01', '2027-02-06']);
    assert.deepEqual(
      r.recomputed.filter((x) => x.name === '测试案件'),
      [{ name: '测试案件', changed: 2 }],
    );
    assert.deepEqual(seen, [{ year: 2027, region: null, days: ['2027-01-01', '2027-02-06'] }]);

    const cal = await effectiveCalendar(ctx);
    assert.equal(cal.isWorkingDay('2027-01-01'), false);
    assert.equal(cal.isWorkingDay('2027-02-06'), true);
    assert.equal(cal.isProvisional('2027-01-01'), false);
    assert.equal(await events('calendar.arrangement_saved'), 1);
    assert.equal(await events('calendar.due_dates_recomputed'), 1);
    const [v] = await calendarStore.history(handle().db, 2027);
    assert.equal(v?.savedByLabel, '平台管理员甲');
    assert.equal(v?.note, '首次载入');
  });

  test('a correction keeps the history; the latest version is effective; unchanged days recompute nothing', async () => {
    const ctx = testContext(handle());
    seen.length = 0;
    const fixed = y2027([{ date: '2027-01-01', kind: 'off', name: '元旦' }]);
    const r = await saveArrangement(
      ctx,
      admin,
      { kind: 'national', arrangement: fixed },
      { source: '更正' },
      testRecomputers,
    );
    assert.equal(r.version, 2);
    assert.deepEqual(r.changedDays, ['2027-02-06']);
    assert.equal((await effectiveCalendar(ctx)).isWorkingDay('2027-02-06'), false);
    const again = await saveArrangement(
      ctx,
      admin,
      { kind: 'national', arrangement: fixed },
      { source: '重复' },
      testRecomputers,
    );
    assert.deepEqual(again.changedDays, []);
    assert.deepEqual(again.recomputed, []);
    assert.equal(seen.length, 1);
    const history = await calendarStore.history(handle().db, 2027);
    assert.deepEqual(
      history.map((h) => [h.version, h.source]),
      [
        [3, '重复'],
        [2, '更正'],
        [1, '国办发明电〔2026〕x号'],
      ],
    );
  });

  test('a regional overlay year applies to agencies of that province only', async () => {
    const ctx = testContext(handle());
    const input = parseArrangementInput(
      JSON.stringify({
        format: ARRANGEMENT_FORMAT,
        region: '450000',
        regionName: '广西壮族自治区',
        source: 'test',
        notices: [{ title: '广西壮族自治区人民政府办公厅关于2027年“壮族三月三”放假的通知' }],
        days: [{ date: '2027-04-09', kind: 'off', name: '壮族三月三', confirmed: true }],
      }),
      'paste',
    );
    const r = await saveArrangement(ctx, admin, input, { source: 'paste' }, testRecomputers);
    assert.equal(r.region, '450000');
    assert.equal(r.year, 2027);
    assert.equal((await effectiveCalendar(ctx, '450103')).isWorkingDay('2027-04-09'), false);
    assert.equal((await effectiveCalendar(ctx)).isWorkingDay('2027-04-09'), true);
    assert.equal((await effectiveCalendar(ctx, '650000')).isWorkingDay('2027-04-09'), true);
    // The shipped overlay's other years are kept.
    const shippedDays = (await effectiveCalendar(ctx, '450000', { includeUnconfirmed: true })).dayInfo(
      '2024-04-11',
    );
    assert.equal(shippedDays.working, false);
  });

  test('refused: not a platform administrator, malformed text, an overlay spanning years — nothing stored', async () => {
    const ctx = testContext(handle());
    const count = async () =>
      Number(
        (
          await handle()
            .db.selectFrom('calendar_years')
            .select(({ fn }) => fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const n = await count();
    const refused = async (p: Promise<unknown>, code: string) =>
      assert.rejects(
        p,
        (e) => e instanceof DomainError && e.code === code && /[\u4e00-\u9fff]/.test(e.message),
      );
    await refused(
      saveArrangement(
        ctx,
        agencyAdmin,
        { kind: 'national', arrangement: y2027([]) },
        { source: 'x' },
        testRecomputers,
      ),
      'auth.forbidden',
    );
    await refused(
      (async () => parseArrangementInput('{ not json', 'paste'))(),
      'calendar.arrangement_invalid',
    );
    await refused(
      saveArrangement(
        ctx,
        admin,
        { kind: 'national', arrangement: y2027([{ date: '2027-02-30', kind: 'off', name: 'x' }]) },
        { source: 'x' },
        testRecomputers,
      ),
      'calendar.arrangement_invalid',
    );
    await refused(
      saveArrangement(
        ctx,
        admin,
        {
          kind: 'regional',
          overlay: {
            format: ARRANGEMENT_FORMAT,
            region: '450000',
            regionName: '广西',
            source: 'x',
            notices: [],
            days: [
              { date: '2027-04-09', kind: 'off', name: 'a' },
              { date: '2028-03-28', kind: 'off', name: 'b' },
            ],
          },
        },
        { source: 'x' },
        testRecomputers,
      ),
      'calendar.arrangement_invalid',
    );
    assert.equal(await count(), n);
  });

  test('another node’s save is seen after at most the re-validation interval', async () => {
    const ctx = testContext(handle());
    const realNow = cacheClock.now;
    let t = 1_000_000;
    cacheClock.now = () => t;
    try {
      // A fresh cache entry under the fake clock.
      await saveArrangement(
        ctx,
        admin,
        { kind: 'national', arrangement: y2027([]) },
        { source: 'reset' },
        testRecomputers,
      );
      assert.equal((await effectiveCalendar(ctx)).isWorkingDay('2027-01-01'), true);
      // Another node writes directly; this node's cache does not know.
      await calendarStore.insert(handle().db, {
        id: 'other-node',
        year: 2027,
        region: null,
        version: 99,
        source: 'other node',
        note: '',
        changedDays: 1,
        savedById: null,
        savedByLabel: '另一节点',
        savedAt: testNow().toISOString(),
        data: y2027([{ date: '2027-01-01', kind: 'off', name: '元旦' }]),
      });
      assert.equal((await effectiveCalendar(ctx)).isWorkingDay('2027-01-01'), true, 'still cached');
      t += REVALIDATE_MS;
      assert.equal((await effectiveCalendar(ctx)).isWorkingDay('2027-01-01'), false, 'reloaded');
    } finally {
      cacheClock.now = realNow;
    }
  });
});
