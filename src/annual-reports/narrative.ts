/**
 * The narrative parts of an annual report (statutory.md §2.1): section 一 总体情况 in the five parts Art. 50
 * and the format name, section 五 (problems, with last year's promised improvements followed up) and
 * section 六 (other matters, with the processing fees collected under 国办函〔2020〕109号).
 */
import { validationFailed } from '../platform/errors.js';

export const NARRATIVE_PARTS = [
  { id: 's1.proactive', section: 's1', label: '（一）主动公开' },
  { id: 's1.onRequest', section: 's1', label: '（二）依申请公开' },
  { id: 's1.management', section: 's1', label: '（三）政府信息管理' },
  { id: 's1.platform', section: 's1', label: '（四）政府信息公开平台建设' },
  // Art. 50(四): for governments, the results of assessment, public rating and accountability.
  { id: 's1.oversight', section: 's1', label: '（五）监督保障' },
  { id: 's5.followUp', section: 's5', label: '（一）上年度问题整改情况' },
  { id: 's5.problems', section: 's5', label: '（二）存在的主要问题' },
  { id: 's5.improvements', section: 's5', label: '（三）改进措施' },
  { id: 's6.fees', section: 's6', label: '（一）信息处理费收取情况' },
  { id: 's6.other', section: 's6', label: '（二）其他事项' },
] as const;

export type NarrativePartId = (typeof NARRATIVE_PARTS)[number]['id'];
export type Narrative = Record<NarrativePartId, string>;

export const partIds: readonly NarrativePartId[] = NARRATIVE_PARTS.map((p) => p.id);

export function emptyNarrative(): Narrative {
  return Object.fromEntries(partIds.map((id) => [id, ''])) as Narrative;
}

/** Parses stored JSON or a form; unknown keys are ignored, missing parts are empty. */
export function toNarrative(value: unknown): Narrative {
  const out = emptyNarrative();
  if (value && typeof value === 'object') {
    for (const id of partIds) {
      const v = (value as Record<string, unknown>)[id];
      if (typeof v === 'string') out[id] = v.replace(/\r\n/g, '\n').trim();
    }
  }
  return out;
}

const MAX_PART = 20000;

/** Validates a narrative for saving: each part at most 20,000 characters. */
export function parseNarrativeInput(value: unknown): Narrative {
  const n = toNarrative(value);
  const fields: Record<string, string> = {};
  for (const p of NARRATIVE_PARTS) {
    if (n[p.id].length > MAX_PART) fields[p.id] = `${p.label}不能超过 ${MAX_PART} 字`;
  }
  if (Object.keys(fields).length) throw validationFailed(fields);
  return n;
}

/** Parts that must be written before a report can be submitted (一 all five parts, 五 problems and fixes, 六 fees). */
const REQUIRED_PARTS: readonly NarrativePartId[] = [
  's1.proactive',
  's1.onRequest',
  's1.management',
  's1.platform',
  's1.oversight',
  's5.problems',
  's5.improvements',
  's6.fees',
];

export function missingParts(n: Narrative): NarrativePartId[] {
  return REQUIRED_PARTS.filter((id) => n[id].trim() === '');
}

export const partLabel = (id: NarrativePartId): string => NARRATIVE_PARTS.find((p) => p.id === id)!.label;
