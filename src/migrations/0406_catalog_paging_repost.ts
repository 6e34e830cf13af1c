// Frozen in time: never import application code into a migration.
// Reposts (转载): an item of a subordinate that points at a superior's published document instead of copying
// it (no second index number). Keyset paging of column pages: (column, status, published_at, id) lets a page
// be read in index order from a cursor, without OFFSET and without sorting the whole column.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('catalog_items').addColumn('repost_of', 'text').execute();
  await db.schema.createIndex('catalog_items_repost').on('catalog_items').column('repost_of').execute();
  await db.schema
    .createIndex('catalog_items_column_keyset')
    .on('catalog_items')
    .columns(['column_id', 'status', 'published_at', 'id'])
    .execute();
  // The keyset index starts with the same three columns, so the old one only costs writes.
  await db.schema.dropIndex('catalog_items_column_pub').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('catalog_items_column_pub')
    .on('catalog_items')
    .columns(['column_id', 'status', 'published_at'])
    .execute();
  await db.schema.dropIndex('catalog_items_column_keyset').execute();
  await db.schema.dropIndex('catalog_items_repost').execute();
  await db.schema.alterTable('catalog_items').dropColumn('repost_of').execute();
}
