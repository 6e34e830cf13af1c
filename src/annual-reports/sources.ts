/**
 * Where a report's numbers come from: the report stores (table 二 entries, entered table 三, the dispute
 * register — src/reports/report-sources.ts). Tests and benchmarks may install their own sources for a
 * context (`useReportSources`).
 */
import type { AppContext } from '../platform/context.js';
import { reportSourcesFor as storeSources } from '../reports/report-sources.js';
import {
  casesTable3Source,
  memoryArticle20Source,
  memoryDisputeRegister,
} from '../reports/memory-sources.js';
import type { ReportSources } from '../reports/ports.js';

const installed = new WeakMap<AppContext, ReportSources>();

/** Replaces the sources for one context (tests, benchmarks). */
export function useReportSources(ctx: AppContext, sources: ReportSources): void {
  installed.set(ctx, sources);
}

export const emptySources = (): ReportSources => ({
  article20: memoryArticle20Source([]),
  table3: casesTable3Source([]),
  disputes: memoryDisputeRegister([]),
});

/** The sources a test or benchmark installed for the context, if any. */
export function installedSources(ctx: AppContext): ReportSources | undefined {
  return installed.get(ctx);
}

export function reportSourcesFor(ctx: AppContext): ReportSources {
  return installed.get(ctx) ?? storeSources(ctx);
}
