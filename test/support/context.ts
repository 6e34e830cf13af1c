import { loadConfig, type Config } from '../../src/config.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import type { AppContext } from '../../src/platform/context.js';
import { testNow } from './clock.js';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    JOBS_ENABLED: 'false',
    DATA_KEY: 'ab'.repeat(32),
    // Tests change data through use cases as well as HTTP: serve every page fresh (public-cache.test.ts
    // covers the cache itself).
    PUBLIC_CACHE_SECONDS: '0',
    // A test that blocks the loop (a demo load, a PDF) must not see the next request shed: load shedding is
    // tested with its own thresholds (src/web/pressure.test.ts).
    PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0',
    PRESSURE_MAX_HEAP_MB: '0',
    ...overrides,
  });
}

export function testContext(handle: DatabaseHandle, overrides: Partial<AppContext> = {}): AppContext {
  return {
    db: handle.db,
    dialect: handle.dialect,
    config: testConfig(),
    now: testNow,
    ...overrides,
  };
}
