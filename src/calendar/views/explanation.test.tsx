import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderToString } from 'preact-render-to-string';
import { shippedArrangements } from '../data/shipped.js';
import { explainWorkingDays } from '../explain.js';
import { WorkCalendar } from '../work-calendar.js';
import { ExplanationView } from './explanation.js';

const cal = new WorkCalendar(shippedArrangements());

test('the HTML explanation lists counted, skipped and make-up days in order', () => {
  const html = renderToString(
    <ExplanationView explanation={explainWorkingDays(cal, '2025-01-20', 20, '条例第三十三条')} />,
  );
  assert.match(html, /<h2 id="due-date-explanation-title">期限计算说明：自2025年1月20日起20个工作日<\/h2>/);
  assert.match(html, /<li>2025年1月26日（星期日）：调休上班（春节），计为第5个工作日<\/li>/);
  assert.match(html, /<li>2025年1月28日（星期二）至2025年2月4日（星期二）：春节放假，不计算<\/li>/);
  assert.match(html, /<li>期限届满日：2025年2月21日（星期五）<\/li>/);
  assert.doesNotMatch(html, /class="warning"/);
});

test('a provisional explanation says so before the steps; text is escaped', () => {
  const e = explainWorkingDays(cal, '2027-03-01', 5, '<b>条例</b>');
  const html = renderToString(<ExplanationView explanation={e} headingLevel={3} id="x" />);
  assert.match(html, /<h3 id="x-title">/);
  assert.match(html, /<p class="warning" role="note">注意：所涉年度的国务院放假安排尚未载入/);
  assert.match(html, /&lt;b>条例&lt;\/b>|&lt;b&gt;条例&lt;\/b&gt;/);
  assert.ok(html.indexOf('class="warning"') < html.indexOf('<ol>'));
});
