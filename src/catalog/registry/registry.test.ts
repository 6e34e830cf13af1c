import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countRegistry, type RegistryEntry } from './registry.js';

const e = (
  publishedOn: string,
  endedOn: string | null = null,
  expiresOn: string | null = null,
): RegistryEntry => ({
  agencyId: 'a',
  publishedOn,
  endedOn,
  expiresOn,
});

test('registry counts: made, repealed (repeal or expiry) and in force on 31 December', () => {
  const entries = [
    e('2024-05-01'), // in force throughout
    e('2024-06-01', '2025-03-01'), // repealed in 2025
    e('2025-02-01'), // made in 2025
    e('2025-04-01', '2025-09-30'), // made and repealed in 2025
    e('2023-01-10', null, '2025-12-31'), // valid through 2025-12-31: ends 2026-01-01
    e('2021-01-10', null, '2025-06-30'), // expired during 2025
    e('2026-01-05'), // next year
  ];
  assert.deepEqual(countRegistry('a', entries, 2025), {
    agencyId: 'a',
    year: 2025,
    made: 2,
    repealed: 3,
    inForce: 3,
  });
  assert.deepEqual(countRegistry('a', entries, 2024), {
    agencyId: 'a',
    year: 2024,
    made: 2,
    repealed: 0,
    inForce: 4,
  });
  // Y5 cross-check: in force at end of year = previous + made − repealed.
  const prev = countRegistry('a', entries, 2024);
  const cur = countRegistry('a', entries, 2025);
  assert.equal(cur.inForce, prev.inForce + cur.made - cur.repealed);
});
