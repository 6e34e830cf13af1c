/**
 * Search parameters from a query string (pages, JSON API): validated into a `SearchQuery`, with Chinese
 * messages per field. Unknown filter values are errors, not silently ignored: a reader who picked a year
 * should not get every year.
 */
import { validationFailed, type FieldErrors } from '../platform/errors.js';
import {
  disclosureKinds,
  validities,
  type DisclosureKind,
  type SearchFilters,
  type SearchSort,
  type Validity,
} from './search-index.js';

export interface SearchParams {
  q: string;
  page: number;
  pageSize: number;
  sort: SearchSort;
  year?: number;
  kind?: DisclosureKind;
  validity?: Validity;
  /** An agency's path segment: that agency and its subordinates. */
  agency?: string;
}

const maxQueryLength = 100;

const text = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');

export function parseSearchParams(raw: Record<string, unknown>): {
  params: SearchParams;
  errors: FieldErrors;
} {
  const errors: FieldErrors = {};
  const q = text(raw.q).trim();
  if (q.length > maxQueryLength) errors.q = `检索词不能超过 ${maxQueryLength} 个字`;
  const pageText = text(raw.page) || '1';
  const page = /^\d{1,5}$/.test(pageText) && Number(pageText) >= 1 ? Number(pageText) : 1;
  if (page === 1 && pageText !== '1') errors.page = '页码应为正整数';
  const sizeText = text(raw.pageSize) || '10';
  const pageSize = /^\d{1,2}$/.test(sizeText) ? Math.min(50, Math.max(1, Number(sizeText))) : 10;
  const sortText = text(raw.sort) || 'relevance';
  if (sortText !== 'relevance' && sortText !== 'date') errors.sort = '排序方式应为“相关度”或“发布日期”';
  const yearText = text(raw.year);
  if (yearText && !/^(19|20)\d{2}$/.test(yearText)) errors.year = '年份应为四位数字，如 2025';
  const kindText = text(raw.kind);
  if (kindText && !disclosureKinds.includes(kindText as DisclosureKind)) errors.kind = '请选择五公开类别';
  const validityText = text(raw.validity);
  if (validityText && !validities.includes(validityText as Validity)) errors.validity = '请选择有效性';
  const agency = text(raw.agency).trim();
  return {
    params: {
      q: q.slice(0, maxQueryLength),
      page,
      pageSize,
      sort: sortText === 'date' ? 'date' : 'relevance',
      ...(yearText && !errors.year ? { year: Number(yearText) } : {}),
      ...(kindText && !errors.kind ? { kind: kindText as DisclosureKind } : {}),
      ...(validityText && !errors.validity ? { validity: validityText as Validity } : {}),
      ...(agency ? { agency } : {}),
    },
    errors,
  };
}

/** Throws the field errors as one validation error (for the JSON API). */
export function assertNoErrors(errors: FieldErrors): void {
  if (Object.keys(errors).length) throw validationFailed(errors);
}

export function filtersOf(p: SearchParams): SearchFilters {
  return {
    ...(p.year ? { year: p.year } : {}),
    ...(p.kind ? { kind: p.kind } : {}),
    ...(p.validity ? { validity: p.validity } : {}),
  };
}

/** The query string of the same search on another page or order. */
export function searchHref(base: string, p: SearchParams, change: Partial<SearchParams> = {}): string {
  const next = { ...p, ...change };
  const qs = new URLSearchParams();
  qs.set('q', next.q);
  if (next.agency) qs.set('agency', next.agency);
  if (next.sort !== 'relevance') qs.set('sort', next.sort);
  if (next.year) qs.set('year', String(next.year));
  if (next.kind) qs.set('kind', next.kind);
  if (next.validity) qs.set('validity', next.validity);
  if (next.page > 1) qs.set('page', String(next.page));
  return `${base}?${qs.toString()}`;
}
