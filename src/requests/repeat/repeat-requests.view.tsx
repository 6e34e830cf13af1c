/** The case page's "same applicant asked for similar information before" box (条例 Art. 36 (六)). */
import { formatDateZh } from '../../calendar/dates.js';
import { DEFAULT_OUTCOME_ROWS, type Outcome } from '../../statute/outcomes.js';
import type { AppContext } from '../../platform/context.js';
import { registrationNumber } from '../registration.js';
import { earlierSimilarRequests, type RepeatCandidate } from './repeat-requests.js';
import type { CaseRow } from '../requests.store.js';
import { STATE_LABEL, type CaseState } from '../workflow.js';

export const repeatCandidatesFor = (ctx: AppContext, row: CaseRow) =>
  earlierSimilarRequests(ctx.db, row, ctx.config.requests.repeatWindowDays);

export function RepeatNotice(props: { candidates: RepeatCandidate[]; windowDays: number }) {
  if (props.candidates.length === 0) return null;
  return (
    <section class="notice" aria-labelledby="repeat-title">
      <h2 id="repeat-title">同一申请人此前申请过相似信息</h2>
      <p>
        近 {props.windowDays} 日内，同一申请人向本机关提出过以下相似申请。如已作出答复，可以考虑按“重复申请”
        （《政府信息公开条例》第三十六条第（六）项）答复，并在答复中写明此前答复的文号和日期。
      </p>
      <ul>
        {props.candidates.map((c) => (
          <li>
            <a href={`/admin/requests/${c.id}`}>{registrationNumber(c.year, c.regNo)}</a>{' '}
            {formatDateZh(c.receivedOn, false)}收到，{c.title.slice(0, 60)}；
            {STATE_LABEL[c.state as CaseState]}
            {c.outcome && c.outcomeOn
              ? `（${formatDateZh(c.outcomeOn, false)}，${DEFAULT_OUTCOME_ROWS[c.outcome as Outcome].label}）`
              : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
