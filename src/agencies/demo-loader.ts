/**
 * What a capability's demo loader receives: the demo agencies' ids by key (src/demo/demo-agencies.ts). Here,
 * below every capability, so that their loaders need not import the demo's list of loaders
 * (src/demo/load-demo.ts), which imports them all.
 */
import type { AppContext } from '../platform/context.js';

/** Keys of the demo agencies → their ids, for loaders of later capabilities. */
export type DemoAgencyIds = Record<string, string>;
export type DemoLoader = (ctx: AppContext, agencies: DemoAgencyIds) => Promise<void>;
