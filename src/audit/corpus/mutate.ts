/**
 * Known defects injected into correct synthetic reports, each labelled with the rule codes the auditor must
 * raise for it. A defect is applied by editing the report data or the render options; the label is the
 * ground truth for precision and recall.
 */
import { T3, T4_ROW, cellId, outcomeRows } from '../../reports/model/index.js';
import type { RuleCode } from '../findings.js';
import { int, pick, type Rng, type SyntheticReport } from './generate.js';
import type { RenderOptions } from './render.js';

export interface Defect {
  name: string;
  codes: RuleCode[];
  /** Edits the report and/or returns render options to merge. */
  apply: (rep: SyntheticReport, r: Rng) => Partial<RenderOptions> | void;
  /** Only for reports where it makes sense. */
  when?: (rep: SyntheticReport) => boolean;
}

const bump = (rep: SyntheticReport, t: 't2' | 't3' | 't4', id: string, d: number) => {
  rep.tables[t][id] = (rep.tables[t][id] ?? 0) + d;
};

export const DEFECTS: readonly Defect[] = [
  {
    name: 'delete a row of table 三',
    codes: ['table.row_missing'],
    apply: (rep, r) => ({ omitRows: new Set([pick(r, outcomeRows(rep.format)).id]) }),
  },
  {
    name: 'break 一 + 二 = 三（七）+ 四',
    codes: ['identity.carryover'],
    apply: (rep, r) => {
      const d = int(r, 1, 5);
      bump(rep, 't3', cellId(T3.carriedOver, 'natural'), d);
      bump(rep, 't3', cellId(T3.carriedOver, 'total'), d);
    },
  },
  {
    name: 'break the 总计 column',
    codes: ['identity.row_total'],
    apply: (rep, r) => {
      const d = int(r, 1, 5);
      // 二 and 四 both off by d in 总计 only: 一+二 = 三（七）+四 still holds, the row sums do not.
      bump(rep, 't3', cellId(T3.carriedOver, 'total'), d);
      bump(rep, 't3', cellId(T3.carriedForward, 'total'), d);
    },
  },
  {
    name: 'break （七）总计',
    codes: ['identity.result_total'],
    apply: (rep) => {
      // Moves one application from 四 to （七） in both the 自然人 and 总计 columns: only （七） = Σ breaks.
      for (const col of ['natural', 'total']) {
        bump(rep, 't3', cellId(T3.outcomeTotal, col), 1);
        bump(rep, 't3', cellId(T3.carriedForward, col), -1);
      }
    },
  },
  {
    name: 'break a table 四 total',
    codes: ['identity.review_total'],
    apply: (rep, r) =>
      bump(rep, 't4', cellId(T4_ROW, `${pick(r, ['review', 'direct', 'afterReview'])}.total`), int(r, 1, 3)),
  },
  {
    name: 'blank the 总计 column',
    codes: ['cell.blank'],
    apply: (rep) => {
      const m = new Map<string, string>();
      for (const id of Object.keys(rep.tables.t3)) if (id.endsWith(':total')) m.set(id, '');
      return { cellText: m };
    },
  },
  {
    name: 'a count written as text or negative',
    codes: ['cell.invalid'],
    apply: (rep, r) => ({
      cellText: new Map([
        [cellId(pick(r, outcomeRows(rep.format)).id, 'research'), pick(r, ['-2', '十', '1.5'])],
      ]),
    }),
  },
  {
    name: 'drop section 五',
    codes: ['section.missing'],
    apply: () => ({ omitSections: new Set([5]) }),
  },
  {
    name: 'drop section 四 with its table',
    codes: ['section.missing'],
    apply: () => ({ omitSections: new Set([4]) }),
  },
  {
    name: '2019 format in a report for 2021 or later',
    codes: ['format.outdated'],
    when: (rep) => rep.year >= 2021,
    apply: () => undefined, // handled by the corpus builder: regenerate in the 2019 format
  },
  {
    name: 'template guidance left in',
    codes: ['content.template_text'],
    apply: (_rep, r) => ({
      extra: [
        {
          section: 3,
          text: pick(r, [
            '编写说明：可先适当综述。要注意数据间的逻辑关系。',
            '（此处填写本机关收到申请的总体情况）',
            '本年度共收到申请XX件。',
          ]),
        },
      ],
    }),
  },
  {
    name: 'text copied from an autonomous region',
    codes: ['content.copied'],
    apply: () => ({
      extra: [{ section: 6, text: '下一步，以自治区政府信息公开统一平台为主要渠道，扩大公开覆盖面。' }],
    }),
  },
  {
    name: "another township's name left in",
    codes: ['content.copied'],
    apply: (rep) => ({
      extra: [
        {
          section: 6,
          text: `下一步，${rep.township === '濠城' ? '连城' : '濠城'}镇人民政府将继续深化政务公开。`,
        },
      ],
    }),
  },
  {
    name: '规章 reported by a township',
    codes: ['content.implausible'],
    apply: (rep) => {
      const col = rep.format === '2021' ? 'issued' : 'made';
      bump(rep, 't2', cellId('t2.r1.rule', col), 2);
      if (rep.format === '2021') bump(rep, 't2', cellId('t2.r1.rule', 'inForce'), 2);
      else {
        bump(rep, 't2', cellId('t2.r1.rule', 'published'), 2);
        bump(rep, 't2', cellId('t2.r1.rule', 'total'), 2);
      }
    },
  },
  {
    name: 'narrative figure contradicts table 三',
    codes: ['narrative.mismatch'],
    apply: (rep, r) => {
      const n = (rep.tables.t3[cellId(T3.received, 'total')] ?? 0) + int(r, 1, 9);
      rep.narrative.s1 = rep.narrative.s1.map((l) =>
        /申请/.test(l) && /(收到|未收到)/.test(l)
          ? `全年共收到政府信息公开申请 ${n} 件，均按规定时限答复。`
          : l,
      );
    },
  },
  {
    name: 'Art. 50 assessment results left out',
    codes: ['content.missing_required'],
    apply: (rep) => {
      rep.narrative.s1 = rep.narrative.s1.map((l) =>
        /考核/.test(l) ? '建立健全政务公开工作制度，明确专人负责。' : l,
      );
    },
  },
  {
    name: 'cut off part-way',
    codes: ['document.truncated'],
    apply: (_rep, r) => ({ truncateAt: 0.3 + r() * 0.6 }),
  },
];
