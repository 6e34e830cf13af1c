/**
 * The demo data as tests get it: the composition of openContext (the catalog feeds the full-text index before
 * any item is saved) and loadDemo on the test context (the tests' clock). demoApp uses it, and so does the
 * demo template that test databases are copied from (db-templates.ts), so a copy holds what loading it gives.
 */
import { loadDemo } from '../../src/demo/load-demo.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { useFullTextSearch } from '../../src/search/catalog-search.js';
import { testContext } from './context.js';

/** Loads the demo into `handle`; false (and nothing loaded) when the database has agencies already. */
export async function loadTestDemo(handle: DatabaseHandle): Promise<boolean> {
  useFullTextSearch();
  return loadDemo(testContext(handle));
}
