import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../platform/errors.js';
import { nextStatus } from './workflow.js';

describe('report workflow', () => {
  it('goes draft → submitted → returned → submitted → accepted → published → draft (reopen)', () => {
    let s = nextStatus('draft', 'submit');
    s = nextStatus(s, 'return');
    assert.equal(s, 'returned');
    assert.equal(nextStatus(s, 'edit'), 'returned');
    s = nextStatus(nextStatus(s, 'submit'), 'accept');
    s = nextStatus(s, 'publish');
    assert.equal(s, 'published');
    assert.equal(nextStatus(s, 'reopen'), 'draft');
  });
  it('refuses to publish a draft or edit a submitted report, in Chinese', () => {
    assert.throws(
      () => nextStatus('draft', 'publish'),
      (e: DomainError) => /审核通过/.test(e.message),
    );
    assert.throws(
      () => nextStatus('submitted', 'edit'),
      (e: DomainError) => e.code === 'report.transition_refused',
    );
  });
});
