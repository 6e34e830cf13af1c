/** Saved audits of externally published reports (table `stored_audits`): insert and read, never update. */
import type { Selectable } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import type { StoredAuditTable } from './audit.schema.js';
import type { AuditFinding } from './findings.js';

export interface StoredAudit {
  id: string;
  agencyId: string;
  year: number;
  fileName: string;
  digest: string;
  errors: number;
  warnings: number;
  infos: number;
  detectedYear: number | null;
  detectedAgency: string | null;
  findings: AuditFinding[];
  notChecked: string[];
  auditedBy: string | null;
  auditedByLabel: string;
  auditedAt: string;
}

/** A saved audit without its findings: for lists and the roll-up. */
export type StoredAuditSummary = Omit<StoredAudit, 'findings' | 'notChecked'>;

const SUMMARY = [
  'id',
  'agency_id',
  'year',
  'file_name',
  'digest',
  'errors',
  'warnings',
  'infos',
  'detected_year',
  'detected_agency',
  'audited_by',
  'audited_by_label',
  'audited_at',
] as const;

function toSummary(r: Omit<Selectable<StoredAuditTable>, 'findings' | 'not_checked'>): StoredAuditSummary {
  return {
    id: r.id,
    agencyId: r.agency_id,
    year: Number(r.year),
    fileName: r.file_name,
    digest: r.digest,
    errors: Number(r.errors),
    warnings: Number(r.warnings),
    infos: Number(r.infos),
    detectedYear: r.detected_year === null ? null : Number(r.detected_year),
    detectedAgency: r.detected_agency,
    auditedBy: r.audited_by,
    auditedByLabel: r.audited_by_label,
    auditedAt: r.audited_at,
  };
}

export const storedAuditsStore = {
  async insert(db: Queryable, a: StoredAudit): Promise<void> {
    await db
      .insertInto('stored_audits')
      .values({
        id: a.id,
        agency_id: a.agencyId,
        year: a.year,
        file_name: a.fileName,
        digest: a.digest,
        errors: a.errors,
        warnings: a.warnings,
        infos: a.infos,
        detected_year: a.detectedYear,
        detected_agency: a.detectedAgency,
        findings: JSON.stringify(a.findings),
        not_checked: JSON.stringify(a.notChecked),
        audited_by: a.auditedBy,
        audited_by_label: a.auditedByLabel,
        audited_at: a.auditedAt,
      })
      .execute();
  },

  async byId(db: Queryable, id: string): Promise<StoredAudit | undefined> {
    const r = await db.selectFrom('stored_audits').selectAll().where('id', '=', id).executeTakeFirst();
    return (
      r && {
        ...toSummary(r),
        findings: JSON.parse(r.findings) as AuditFinding[],
        notChecked: JSON.parse(r.not_checked) as string[],
      }
    );
  },

  /** The agency's saved audits, newest year first, newest audit first within a year. */
  async ofAgency(db: Queryable, agencyId: string): Promise<StoredAuditSummary[]> {
    const rows = await db
      .selectFrom('stored_audits')
      .select(SUMMARY)
      .where('agency_id', '=', agencyId)
      .orderBy('year', 'desc')
      .orderBy('audited_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toSummary);
  },

  /** For each of the agencies, its latest saved audit for the year (one query: the roll-up). */
  async latestOfYear(
    db: Queryable,
    agencyIds: readonly string[],
    year: number,
  ): Promise<Map<string, StoredAuditSummary>> {
    const out = new Map<string, StoredAuditSummary>();
    if (!agencyIds.length) return out;
    const rows = await db
      .selectFrom('stored_audits')
      .select(SUMMARY)
      .where('agency_id', 'in', agencyIds)
      .where('year', '=', year)
      .orderBy('audited_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    for (const r of rows) if (!out.has(r.agency_id)) out.set(r.agency_id, toSummary(r));
    return out;
  },
};
