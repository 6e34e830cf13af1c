/**
 * Demo figures for the 2021 format: the demo township's 2024–2026 requests (every outcome at least once, some
 * carried over from 2024 and some into 2026) and a reconsideration followed by a lawsuit. Stands in for the
 * data the requests use cases will produce; its 2025 report passes every check.
 */
import type { Dispute } from '../disputes/register.js';
import { casesTable3Source, memoryArticle20Source, memoryDisputeRegister } from '../memory-sources.js';
import { APPLICANT_KINDS } from '../model/shared-tables.js';
import { OUTCOMES } from '../../statute/outcomes.js';
import type { Article20Entry, ReportSources } from '../ports.js';
import type { RequestCase } from '../table3.js';
import { ZHONGXING } from './zhongxing-2020.js';

const SOURCE = '演示数据（仲兴乡）';

type DemoCase = RequestCase & { agencyId: string };

function demoCases(): DemoCase[] {
  const cases: DemoCase[] = [];
  const add = (c: RequestCase) => cases.push({ agencyId: ZHONGXING.id, ...c });
  // One 2025 case per outcome, applicant kinds in turn, replied within the month.
  OUTCOMES.forEach((code, i) => {
    const month = String((i % 11) + 1).padStart(2, '0');
    add({
      id: `D2025-${String(i + 1).padStart(3, '0')}`,
      applicant: APPLICANT_KINDS[i % APPLICANT_KINDS.length]!,
      receivedOn: `2025-${month}-03`,
      outcome: { code, on: `2025-${month}-24` },
    });
  });
  // Carried over from 2024, answered in 2025.
  add({
    id: 'D2024-090',
    applicant: 'natural',
    receivedOn: '2024-12-16',
    outcome: { code: 'disclosed', on: '2025-01-10' },
  });
  add({
    id: 'D2024-091',
    applicant: 'commercial',
    receivedOn: '2024-12-20',
    outcome: { code: 'notHeld', on: '2025-01-15' },
  });
  // Received late in 2025, answered in 2026 or still open.
  add({
    id: 'D2025-900',
    applicant: 'natural',
    receivedOn: '2025-12-18',
    outcome: { code: 'partlyDisclosed', on: '2026-01-12' },
  });
  add({ id: 'D2025-901', applicant: 'legalService', receivedOn: '2025-12-29' });
  // A 2024 case closed in 2024: counted in no 2025 cell.
  add({
    id: 'D2024-010',
    applicant: 'natural',
    receivedOn: '2024-03-01',
    outcome: { code: 'disclosed', on: '2024-03-18' },
  });
  return cases;
}

export function demoDisputes(): Dispute[] {
  return [
    {
      id: 'F2025-001',
      agencyId: ZHONGXING.id,
      requestId: 'D2025-003',
      stages: [
        {
          kind: 'reconsideration',
          body: '固镇县人民政府',
          filedOn: '2025-04-10',
          decidedOn: '2025-05-20',
          result: 'upheld',
        },
        { kind: 'lawsuit', body: '蚌埠铁路运输法院', filedOn: '2025-06-01' },
      ],
    },
  ];
}

function article20(year: number, inForce: number, issued: number, repealed: number): Article20Entry[] {
  const e = (rowId: string, values: Record<string, number>): Article20Entry => ({
    rowId,
    values,
    source: SOURCE,
  });
  return [
    e('t2.r1.rule', { issued: 0, repealed: 0, inForce: 0 }),
    e('t2.r1.normative', { issued, repealed, inForce }),
    e('t2.r5.licensing', { decisions: year === 2025 ? 3 : 1 }),
    e('t2.r6.penalty', { decisions: 4 }),
    e('t2.r6.coercion', { decisions: 0 }),
    e('t2.r8.fee', { amount: 0 }),
  ];
}

/** Sources for the demo township, reporting years 2024 and 2025. */
export function demo2025Sources(): ReportSources {
  return {
    article20: memoryArticle20Source([
      // The township's first normative documents are the catalog demo's three of 2025 (none repealed), so
      // the entered row agrees with the registry that replaces it once the catalog is loaded.
      { agencyId: ZHONGXING.id, year: 2024, entries: article20(2024, 0, 0, 0) },
      { agencyId: ZHONGXING.id, year: 2025, entries: article20(2025, 3, 3, 0) },
    ]),
    table3: casesTable3Source(demoCases()),
    disputes: memoryDisputeRegister(demoDisputes()),
  };
}
