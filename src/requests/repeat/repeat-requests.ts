/**
 * Earlier applications by the same applicant to the same agency for similar information, within the configured
 * window (REQUEST_REPEAT_WINDOW_DAYS): shown on the case page so the handler can consider the 重复申请 reply
 * (条例 Art. 36 (六)). Matching uses the stored blind index of the applicant's identity; nothing is decrypted.
 */
import { addCalendarDays } from '../../calendar/dates.js';
import type { Queryable } from '../../platform/db/database.js';
import { similarInfo } from './repeat-match.js';
import { requestsStore, type CaseRow } from '../requests.store.js';

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
  const rows = await requestsStore.earlierCasesOfApplicant(
    db,
    c,
    addCalendarDays(c.received_on, -windowDays),
  );
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
