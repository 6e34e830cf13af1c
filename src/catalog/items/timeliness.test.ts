import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shippedArrangements } from '../../calendar/data/shipped.js';
import { WorkCalendar } from '../../calendar/work-calendar.js';
import { art26Timeliness } from './timeliness.js';

const cal = new WorkCalendar(shippedArrangements());

// 2025 National Day and Mid-Autumn: 1–8 October off; Sunday 28 September and Saturday 11 October worked
// (国办发明电〔2024〕12号). Counting from Friday 26 September, the 20th working day is Thursday 30 October.
test('Art. 26: a document formed before the National Day holiday is due on the 20th working day after', () => {
  const cases: Array<[string, string, boolean]> = [
    ['2025-09-26', '2025-10-24', false], // 20 weekdays on a plain calendar, only 14 working days here
    ['2025-09-26', '2025-10-27', false],
    ['2025-09-26', '2025-10-30', false],
    ['2025-09-26', '2025-10-31', true],
    ['2025-09-26', '2025-09-26', false],
  ];
  for (const [written, published, late] of cases) {
    assert.equal(art26Timeliness(cal, written, published).late, late, `${written} → ${published}`);
  }
  assert.equal(art26Timeliness(cal, '2025-09-26', '2025-10-30').dueOn, '2025-10-30');
  assert.equal(art26Timeliness(cal, '2025-09-26', '2025-10-31').spanWorkdays, 21);
});

// 2025 Spring Festival: 28 January – 4 February off; Sunday 26 January and Saturday 8 February worked.
test('Art. 26 over the 2025 Spring Festival', () => {
  const t = art26Timeliness(cal, '2025-01-20', '2025-02-21');
  // 21–24 Jan (4), 26 Jan (5), 27 Jan (6), 5–7 Feb (9), 8 Feb (10), 10–14 Feb (15), 17–21 Feb (20).
  assert.equal(t.dueOn, '2025-02-21');
  assert.equal(t.late, false);
  assert.equal(art26Timeliness(cal, '2025-01-20', '2025-02-24').late, true);
});
