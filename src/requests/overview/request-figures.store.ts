/** Kysely queries of the supervisors' overview of 依申请公开, nothing else: figures counted in SQL per agency. */
import type { Expression, SqlBool } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';

interface FiguresPeriod {
  /** This year's first and last day. */
  from: string;
  to: string;
  /** Today, and the last day counted as "due soon" (today + 5 working days). */
  today: string;
  soon: string;
}

export const requestFiguresStore = {
  /** Per agency: received this year, open, due soon, overdue, replied this year and replied on time. */
  async countsByAgency(db: Queryable, agencyIds: string[], p: FiguresPeriod) {
    const { from, to, today, soon } = p;
    return db
      .selectFrom('request_cases')
      .select((eb) => {
        const count = (cond: Expression<SqlBool>[]) =>
          eb.fn.sum<number>(eb.case().when(eb.and(cond)).then(1).else(0).end());
        const repliedThisYear = [
          eb('outcome_on', '>=', from),
          eb('outcome_on', '<=', to),
          eb('state', 'in', ['replied', 'archived']),
        ];
        return [
          'agency_id',
          count([eb('received_on', '>=', from), eb('received_on', '<=', to)]).as('received'),
          count([eb('open', '=', 1)]).as('open'),
          count([eb('open', '=', 1), eb('due_date', '>=', today), eb('due_date', '<=', soon)]).as('due_soon'),
          count([eb('open', '=', 1), eb('due_date', '<', today)]).as('overdue'),
          count(repliedThisYear).as('replied'),
          count([...repliedThisYear, eb('outcome_on', '<=', eb.ref('due_date'))]).as('on_time'),
        ];
      })
      .where('agency_id', 'in', agencyIds)
      .groupBy('agency_id')
      .execute();
  },
};
