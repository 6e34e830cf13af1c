import assert from 'node:assert/strict';
import { it } from 'node:test';
import { reminderDue } from './reminders.js';

it('reminds 14 and 3 days before 31 January and once overdue, each once, never after publication', () => {
  assert.equal(reminderDue('2026-01-31', '2026-01-16', false, []), null);
  assert.equal(reminderDue('2026-01-31', '2026-01-17', false, []), 'due_in_14_days');
  assert.equal(reminderDue('2026-01-31', '2026-01-20', false, ['due_in_14_days']), null);
  assert.equal(reminderDue('2026-01-31', '2026-01-28', false, ['due_in_14_days']), 'due_in_3_days');
  assert.equal(reminderDue('2026-01-31', '2026-01-31', false, ['due_in_14_days', 'due_in_3_days']), null);
  assert.equal(
    reminderDue('2026-01-31', '2026-02-01', false, ['due_in_14_days', 'due_in_3_days']),
    'overdue',
  );
  assert.equal(reminderDue('2026-01-31', '2026-02-01', true, []), null);
});
