/** The review and litigation register as stored: disputes and their stages in order. */
import type { Selectable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { ReportTables } from '../reports.schema.js';
import type { Dispute, DisputeStage } from '../disputes/register.js';

/** A dispute as registered: the model's dispute plus the staff's reference (案号 etc.). */
export interface RegisteredDispute extends Dispute {
  reference: string;
}

function toStage(r: {
  kind: string;
  body: string;
  filed_on: string;
  decided_on: string | null;
  result: string | null;
}): DisputeStage {
  return {
    kind: r.kind,
    body: r.body,
    filedOn: r.filed_on,
    ...(r.decided_on !== null ? { decidedOn: r.decided_on } : {}),
    ...(r.result !== null ? { result: r.result } : {}),
  } as DisputeStage;
}

const stageRow = (disputeId: string, seq: number, s: DisputeStage) => ({
  dispute_id: disputeId,
  seq,
  kind: s.kind,
  body: s.body,
  filed_on: s.filedOn,
  decided_on: s.decidedOn ?? null,
  result: s.result ?? null,
});

type DisputeRow = Selectable<ReportTables['report_disputes']>;

async function withStages(
  db: Queryable,
  disputes: DisputeRow[],
  /** Stages chosen by agency instead of by dispute id (bulk reads: no list of thousands of ids). */
  ofAgencies?: readonly string[],
): Promise<RegisteredDispute[]> {
  if (!disputes.length) return [];
  const stages = await db
    .selectFrom('report_dispute_stages')
    .selectAll()
    .where((eb) =>
      ofAgencies
        ? eb(
            'dispute_id',
            'in',
            eb.selectFrom('report_disputes').select('id').where('agency_id', 'in', ofAgencies),
          )
        : eb(
            'dispute_id',
            'in',
            disputes.map((d) => d.id),
          ),
    )
    .orderBy('dispute_id')
    .orderBy('seq')
    .execute();
  const byDispute = new Map<string, DisputeStage[]>();
  for (const s of stages) {
    const list = byDispute.get(s.dispute_id) ?? [];
    list.push(toStage(s));
    byDispute.set(s.dispute_id, list);
  }
  return disputes.map((d) => ({
    id: d.id,
    agencyId: d.agency_id,
    ...(d.request_id !== null ? { requestId: d.request_id } : {}),
    reference: d.reference,
    stages: byDispute.get(d.id) ?? [],
  }));
}

export const disputesStore = {
  /** The agency's disputes, optionally only those begun on or before `filedBy` (YYYY-MM-DD). */
  async ofAgency(db: Queryable, agencyId: string, filedBy?: string): Promise<RegisteredDispute[]> {
    let q = db.selectFrom('report_disputes').selectAll().where('agency_id', '=', agencyId);
    if (filedBy) q = q.where('first_filed_on', '<=', filedBy);
    return withStages(db, await q.orderBy('first_filed_on').orderBy('id').execute());
  },

  /** Every dispute of the agencies begun on or before `filedBy`, with `firstFiledOn`, in two queries. */
  async ofAgencies(
    db: Queryable,
    agencyIds: readonly string[],
    filedBy: string,
  ): Promise<(RegisteredDispute & { firstFiledOn: string })[]> {
    if (!agencyIds.length) return [];
    const rows = await db
      .selectFrom('report_disputes')
      .selectAll()
      .where('agency_id', 'in', agencyIds)
      .where('first_filed_on', '<=', filedBy)
      .orderBy('first_filed_on')
      .orderBy('id')
      .execute();
    const first = new Map(rows.map((r) => [r.id, r.first_filed_on]));
    return (await withStages(db, rows, agencyIds)).map((d) => ({ ...d, firstFiledOn: first.get(d.id)! }));
  },

  async byId(db: Queryable, id: string): Promise<RegisteredDispute | undefined> {
    const rows = await db.selectFrom('report_disputes').selectAll().where('id', '=', id).execute();
    return (await withStages(db, rows))[0];
  },

  async insert(db: Queryable, d: RegisteredDispute, now: string): Promise<void> {
    await db
      .insertInto('report_disputes')
      .values({
        id: d.id,
        agency_id: d.agencyId,
        request_id: d.requestId ?? null,
        reference: d.reference,
        first_filed_on: d.stages[0]!.filedOn,
        created_at: now,
      })
      .execute();
    await db
      .insertInto('report_dispute_stages')
      .values(d.stages.map((s, i) => stageRow(d.id, i + 1, s)))
      .execute();
  },

  /** Rewrites the dispute's stages (after a stage was added or decided). */
  async putStages(db: Queryable, disputeId: string, stages: readonly DisputeStage[]): Promise<void> {
    await db.deleteFrom('report_dispute_stages').where('dispute_id', '=', disputeId).execute();
    await db
      .insertInto('report_dispute_stages')
      .values(stages.map((s, i) => stageRow(disputeId, i + 1, s)))
      .execute();
  },
};
