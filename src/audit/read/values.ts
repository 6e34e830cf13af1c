/**
 * What a table cell says. Published reports distinguish (or confuse) a blank cell, an explicit 0, and
 * the placeholders "/", "—" and "无"; amounts may carry units ("63.79 万元", "251000元"). The auditor
 * keeps the distinction so that it can say "blank" rather than silently reading 0.
 */
import { foldWidth } from './normalise.js';

export type CellValue =
  | { kind: 'number'; value: number; unit?: '万元' | '元' | '件' | '个' | '条' | '项' }
  | { kind: 'blank' }
  | { kind: 'slash' }
  | { kind: 'dash' }
  | { kind: 'none' }
  | { kind: 'text'; text: string };

const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

export function parseCellValue(raw: string): CellValue {
  const s = foldWidth(raw).replace(/\s+/g, '');
  if (s === '') return { kind: 'blank' };
  if (s === '/' || s === '\\' || s === '／') return { kind: 'slash' };
  if (/^[-—–―－一]+$/.test(s) && s !== '一') return { kind: 'dash' };
  if (s === '无' || s === '無') return { kind: 'none' };
  const unitMatch = /^(.*?)(万元|元|件|个|条|项)$/.exec(s);
  const body = unitMatch ? (unitMatch[1] ?? '') : s;
  const m = NUMBER.exec(body);
  if (!m) return { kind: 'text', text: raw.trim() };
  const value = Number(`${m[1] ?? ''}${(m[2] ?? '').replace(/,/g, '')}${m[3] ? `.${m[3]}` : ''}`);
  if (!Number.isFinite(value)) return { kind: 'text', text: raw.trim() };
  const unit = unitMatch?.[2] as '万元' | '元' | '件' | '个' | '条' | '项' | undefined;
  return unit ? { kind: 'number', value, unit } : { kind: 'number', value };
}

/** True when a cell's text reads as a table value (number or placeholder), not as a label. */
export function isValueText(raw: string): boolean {
  const v = parseCellValue(raw);
  return v.kind !== 'text' && v.kind !== 'blank';
}

/** An amount in 万元 (the unit of 2021 二（八）), converting 元; a bare number is taken as already 万元. */
export function toWanYuan(v: CellValue): number | undefined {
  if (v.kind !== 'number') return undefined;
  return v.unit === '元' ? v.value / 10000 : v.value;
}
