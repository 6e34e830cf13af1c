// Frozen in time: never import application code into a migration.
// The register of leaders and agency names the pre-publication check compares against, and each site's
// footer identifiers (网站标识码, ICP 备案号, 公安备案号, 党政机关 mark, 我为政府网站找错).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('catalog_name_register')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('post', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('catalog_name_register_agency')
    .on('catalog_name_register')
    .columns(['agency_id', 'kind'])
    .execute();
  await db.schema
    .createTable('catalog_site_identity')
    .addColumn('agency_id', 'text', (c) => c.primaryKey())
    .addColumn('site_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('icp_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('psb_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('party_mark_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('error_report_url', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('catalog_site_identity').execute();
  await db.schema.dropTable('catalog_name_register').execute();
}
