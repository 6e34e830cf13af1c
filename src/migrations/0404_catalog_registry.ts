// Frozen in time: never import application code into a migration.
// The normative-document registry (统一登记号, expiry reminders), notice periods (公示) and the registry's
// per-agency rules (registration-number template, default validity periods as JSON).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('catalog_registrations')
    .addColumn('item_id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('registration_no', 'text', (c) => c.notNull())
    .addColumn('registered_on', 'text', (c) => c.notNull())
    .addColumn('expiry_alerted_on', 'text')
    // Unique per registering agency: a number is never issued twice, whatever the template says.
    .addUniqueConstraint('catalog_registrations_no', ['agency_id', 'registration_no'])
    .execute();
  await db.schema
    .createTable('catalog_notice_periods')
    .addColumn('item_id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema
    .createIndex('catalog_notice_periods_due')
    .on('catalog_notice_periods')
    .columns(['ended_at', 'ends_on'])
    .execute();
  await db.schema
    .createTable('catalog_registry_settings')
    .addColumn('agency_id', 'text', (c) => c.primaryKey())
    .addColumn('registration_template', 'text', (c) => c.notNull())
    .addColumn('validity_rules', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('catalog_registry_settings').execute();
  await db.schema.dropTable('catalog_notice_periods').execute();
  await db.schema.dropTable('catalog_registrations').execute();
}
