/**
 * Earlier applications by the same applicant to the same agency for similar information, within the configured
 * window (REQUEST_REPEAT_WINDOW_DAYS): shown on the case page so the handler can consider the 重复申请 reply
 * (条例 Art. 36 (六)). Matching uses the stored blind index of the applicant's identity; nothing is decrypted.
 */
import { addCalendarDays } from '../../calendar/dates.js';
import type { Queryable } from '../../platform/db/database.js';
import { similarInfo } from './repeat-match.js';
import type { CaseRow } from '../requests.store.js';

export interface RepeatCandidate {
  id: string;
  year: number;
  regNo: number;
  receivedOn: string;
  title: string;
  state: string;
  outcome: string | null;
  outcomeOn: string | null;
  score: number;
}

export async function earlierSimilarRequests(
  db: Queryable,
  c: Pick<
    CaseRow,
    | 'id'
    | 'agency_id'
    | 'applicant_index'
    | 'received_on'
    | 'reg_no'
    | 'info_title'
    | 'info_doc_no'
    | 'info_description'
  >,
  windowDays: number,
): Promise<RepeatCandidate[]> {
  const rows = await db
    .selectFrom('request_cases')
    .select([
      'id',
      'year',
      'reg_no',
      'received_on',
      'info_title',
      'info_doc_no',
      'info_description',
      'state',
      'outcome',
      'outcome_on',
    ])
    .where('applicant_index', '=', c.applicant_index)
    .where('agency_id', '=', c.agency_id)
    .where('id', '!=', c.id)
    .where('received_on', '>=', addCalendarDays(c.received_on, -windowDays))
    // Earlier: received before, or the same day and registered before (as ordinalInMonth orders them).
    .where((eb) =>
      eb.or([
        eb('received_on', '<', c.received_on),
        eb.and([eb('received_on', '=', c.received_on), eb('reg_no', '<', c.reg_no)]),
      ]),
    )
    .orderBy('received_on', 'desc')
    .limit(200)
    .execute();
  const self = { title: c.info_title, docNo: c.info_doc_no, description: c.info_description };
  return rows.flatMap((r) => {
    const m = similarInfo(self, {
      title: r.info_title,
      docNo: r.info_doc_no,
      description: r.info_description,
    });
    if (!m.similar) return [];
    return [
      {
        id: r.id,
        year: r.year,
        regNo: r.reg_no,
        receivedOn: r.received_on,
        title: r.info_title,
        state: r.state,
        outcome: r.outcome,
        outcomeOn: r.outcome_on,
        score: m.score,
      },
    ];
  });
}
