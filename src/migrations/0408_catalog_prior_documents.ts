// Frozen in time: never import application code into a migration.
// Normative documents an agency issued before it kept its register on the platform (存量规范性文件): entered
// with their original dates, so the register's 现行有效件数 and the annual report's table 二 count them.
// They have no page on this site; `source_url` may point at the page where they were published.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('catalog_prior_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'text', (c) => c.notNull())
    .addColumn('registration_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text')
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('repealed_on', 'text')
    .addColumn('source_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // One entry per 文号 in an agency: the same document entered twice would be counted twice.
    .addUniqueConstraint('catalog_prior_documents_doc_no', ['agency_id', 'doc_no'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('catalog_prior_documents').execute();
}
