import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deadlineStatus, reportDueOn } from './deadline.js';

describe('report deadline (Art. 49)', () => {
  it('departments by 31 January, governments by 31 March, townships by the configured day', () => {
    assert.equal(reportDueOn('department', 2025), '2026-01-31');
    assert.equal(reportDueOn('general_office', 2020), '2021-01-31');
    assert.equal(reportDueOn('county', 2025), '2026-03-31');
    assert.equal(reportDueOn('township', 2020), '2021-01-31');
    assert.equal(reportDueOn('street', 2025, { townshipDue: '02-20' }), '2026-02-20');
  });
  it('on time up to and including the due day; late after; overdue when unpublished', () => {
    assert.equal(deadlineStatus('2021-01-31', '2021-01-31', '2021-03-01'), 'on_time');
    assert.equal(deadlineStatus('2021-01-31', '2021-02-01', '2021-03-01'), 'late');
    assert.equal(deadlineStatus('2026-01-31', null, '2026-01-31'), 'pending');
    assert.equal(deadlineStatus('2026-01-31', null, '2026-02-01'), 'overdue');
  });
});
