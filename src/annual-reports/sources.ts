/**
 * Where a report's numbers come from, in one place so that switching to the stores of feat/reports2 is a
 * one-line change. Until those stores exist: the in-memory demo sources (仲兴乡 2020 from the seed, and the
 * 2024–2025 demo data set), keyed by the demo township's name; every other agency has empty sources.
 * Tests may install their own sources for a context (`useReportSources`).
 */
import type { Agency } from '../agencies/agency.js';
import type { AppContext } from '../platform/context.js';
import { demo2025Sources } from '../reports/demo/demo-2025.js';
import { ZHONGXING, zhongxing2020Sources } from '../reports/demo/zhongxing-2020.js';
import {
  casesTable3Source,
  memoryArticle20Source,
  memoryDisputeRegister,
} from '../reports/memory-sources.js';
import type { AgencyLevel as ReportLevel, AgencyRef } from '../reports/model/types.js';
import type { ReportSources } from '../reports/ports.js';

const installed = new WeakMap<AppContext, ReportSources>();

/** Replaces the sources for one context (tests, benchmarks). */
export function useReportSources(ctx: AppContext, sources: ReportSources): void {
  installed.set(ctx, sources);
}

/** Demo sources answer for `ZHONGXING.id`; the demo township's real id is mapped to it. */
function demoSources(): ReportSources {
  const y2020 = zhongxing2020Sources();
  const recent = demo2025Sources();
  const pick = (year: number) => (year <= 2020 ? y2020 : recent);
  const alias = (a: AgencyRef): AgencyRef => (a.name === ZHONGXING.name ? { ...a, id: ZHONGXING.id } : a);
  return {
    article20: { article20: (a, y, f) => pick(y).article20.article20(alias(a), y, f) },
    table3: { table3: (a, y, f) => pick(y).table3.table3(alias(a), y, f) },
    disputes: { disputes: (a, y) => pick(y).disputes.disputes(alias(a), y) },
  };
}

export const emptySources = (): ReportSources => ({
  article20: memoryArticle20Source([]),
  table3: casesTable3Source([]),
  disputes: memoryDisputeRegister([]),
});

export function reportSourcesFor(ctx: AppContext): ReportSources {
  return installed.get(ctx) ?? demoSources();
}

/** The report model's view of an agency (its level decides rule-making power and the check thresholds). */
export function agencyRefOf(a: Agency): AgencyRef {
  const level: ReportLevel =
    a.level === 'province'
      ? 'provincial-government'
      : a.level === 'city'
        ? 'prefectural-government'
        : a.level === 'county'
          ? 'county-government'
          : a.level === 'township' || a.level === 'street'
            ? 'township'
            : 'county-department';
  return { id: a.id, name: a.name, creditCode: a.creditCode, level };
}
