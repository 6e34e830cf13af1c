// Frozen in time: never import application code into a migration.
import { type Kysely, PostgresAdapter } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // 考核评分表: one per supervising office and year; grade thresholds as JSON.
  await db.schema
    .createTable('scorecards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('grade_thresholds', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text')
    .addUniqueConstraint('scorecards_office_year', ['office_id', 'year'])
    .execute();
  // Its measures: computed (a rule over the data) or manual (entered with evidence), weight in points.
  await db.schema
    .createTable('scorecard_measures')
    .addColumn('scorecard_id', 'text', (c) => c.notNull().references('scorecards.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('weight', 'real', (c) => c.notNull())
    .addColumn('full_at', 'real', (c) => c.notNull())
    .addColumn('zero_below', 'real', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('scorecard_measures_pk', ['scorecard_id', 'code'])
    .execute();
  // A manual measure's score for an agency, with its evidence (a checked file, a note, or both).
  await db.schema
    .createTable('scorecard_manual_scores')
    .addColumn('scorecard_id', 'text', (c) => c.notNull().references('scorecards.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('points', 'real', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('evidence_name', 'text')
    .addColumn('evidence_type', 'text')
    .addColumn('evidence', postgres ? 'bytea' : 'blob')
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('scorecard_manual_pk', ['scorecard_id', 'agency_id', 'code'])
    .execute();
  // The computed breakdown: one row per agency and measure, with the figures the points came from.
  await db.schema
    .createTable('scorecard_results')
    .addColumn('scorecard_id', 'text', (c) => c.notNull().references('scorecards.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('rate', 'real')
    .addColumn('points', 'real', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('scorecard_results_pk', ['scorecard_id', 'agency_id', 'code'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('scorecard_results').execute();
  await db.schema.dropTable('scorecard_manual_scores').execute();
  await db.schema.dropTable('scorecard_measures').execute();
  await db.schema.dropTable('scorecards').execute();
}
