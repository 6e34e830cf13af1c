 
// Cross-checks every shipped day against the reference copy in test/fixtures/holidays (a copy of the
// holiday-cn dataset), both ways. The copy is part of the repository: a missing file fails, never skips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { shippedArrangements, shippedOverlays } from './shipped.js';

const REFERENCE = new URL('../../../test/fixtures/holidays/', import.meta.url);
const reference = (year: number) =>
  JSON.parse(readFileSync(new URL(`${year}.json`, REFERENCE), 'utf8')) as {
    papers: string[];
    days: Array<{ date: string; isOffDay: boolean; name: string }>;
  };

test('ships one arrangement per year 2007–2026', () => {
  assert.deepEqual(
    shippedArrangements().map((a) => a.year),
    Array.from({ length: 20 }, (_, i) => 2007 + i),
  );
});

test('every shipped day equals the reference data, and none is missing', () => {
  const referenceYears = readdirSync(REFERENCE)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .map((f) => Number(f.slice(0, 4)))
    .sort();
  assert.deepEqual(
    shippedArrangements().map((a) => a.year),
    referenceYears,
  );
  for (const a of shippedArrangements()) {
    const ref = reference(a.year);
    const mine = a.days.map((d) => `${d.date} ${d.kind === 'off'} ${d.name}`).sort();
    const theirs = ref.days.map((d) => `${d.date} ${d.isOffDay} ${d.name}`).sort();
    assert.deepEqual(mine, theirs, `year ${a.year}`);
    assert.deepEqual(
      a.notices.map((n) => n.url),
      ref.papers,
      `year ${a.year} provenance`,
    );
  }
});

test('2020 carries the Spring Festival extension with its notice', () => {
  const a = shippedArrangements().find((x) => x.year === 2020)!;
  assert.ok(a.notices.some((n) => n.docNo === '国办发明电〔2020〕1号'));
  for (const d of ['2020-01-31', '2020-02-01', '2020-02-02']) {
    assert.equal(a.days.find((x) => x.date === d)?.kind, 'off', d);
  }
});

test('regional overlays are keyed by province code and flag unverified facts', () => {
  const regions = shippedOverlays().map((o) => o.region);
  for (const r of ['450000', '650000', '640000', '540000', '420000']) assert.ok(regions.includes(r), r);
  for (const o of shippedOverlays()) {
    assert.ok(o.days.length > 0, o.region);
    // Nothing in the overlays has been checked against an issuing notice yet.
    assert.ok(
      o.days.every((d) => d.confirmed === false),
      o.region,
    );
  }
});
