import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { computeReport } from '../../reports/compute-report.js';
import { demo2025Sources } from '../../reports/demo/demo-2025.js';
import { ZHONGXING } from '../../reports/demo/zhongxing-2020.js';
import { emptyNarrative } from '../narrative.js';
import { draftNarrative, PLACEHOLDER } from './draft.js';
import { foreignRegionWarnings } from './foreign-region.js';
import { checkNarrativeNumbers } from './narrative-numbers.js';
import { placeholderWarnings } from './placeholders.js';
import { similarity, similarityWarnings } from './similarity.js';

const report2025 = () => computeReport(ZHONGXING, 2025, demo2025Sources());
const seedLine = readFileSync(
  new URL('../../../test/fixtures/audit/2020-zhongxing-township-annual-report.txt', import.meta.url),
  'utf8',
)
  .split('\n')
  .find((l) => l.includes('统一平台'))!;

describe('data-driven draft', () => {
  it('takes every number in 依申请公开 from table 三 and passes its own number check', async () => {
    const report = await report2025();
    const draft = draftNarrative(report, { feesCollectedYuan: 0, previousImprovements: null });
    const received = report.tables.t3['t3.r1:total'];
    assert.ok(draft['s1.onRequest'].includes(`共收到政府信息公开申请${received}件`));
    assert.deepEqual(checkNarrativeNumbers(report, draft), []);
    assert.equal(draft['s6.fees'], '本年度未收取信息处理费。');
  });

  it('marks what the tables cannot say, and the placeholder check finds it', async () => {
    const draft = draftNarrative(await report2025(), {
      feesCollectedYuan: null,
      previousImprovements: '加强培训。',
    });
    assert.match(draft['s1.oversight'], PLACEHOLDER);
    assert.ok(draft['s5.followUp'].includes('加强培训。'));
    const parts = placeholderWarnings(draft).map((w) => w.partId);
    assert.ok(parts.includes('s1.oversight') && parts.includes('s6.fees'));
    assert.ok(!parts.includes('s1.onRequest'));
  });
});

describe('numbers typed into the narrative', () => {
  it('flags "共收到申请 12 件" when table 三 says otherwise, and accepts the right figure', async () => {
    const report = await report2025();
    const received = report.tables.t3['t3.r1:total']!;
    assert.notEqual(received, 12);
    const n = { ...emptyNarrative(), 's1.onRequest': '本年度共收到申请 12 件，均已办结。' };
    const warnings = checkNarrativeNumbers(report, n);
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]!.expected, received);
    assert.equal(warnings[0]!.actual, 12);
    const ok = { ...n, 's1.onRequest': `本年度共收到申请 ${received} 件。` };
    assert.deepEqual(checkNarrativeNumbers(report, ok), []);
  });

  it('checks carried-forward, review and litigation figures', async () => {
    const report = await report2025();
    const n = {
      ...emptyNarrative(),
      's1.onRequest': '结转下年度继续办理99件；被申请行政复议98件，被提起行政诉讼97件。',
    };
    assert.deepEqual(
      checkNarrativeNumbers(report, n).map((w) => w.actual),
      [99, 98, 97],
    );
  });
});

describe('similarity (bigram Jaccard)', () => {
  const a =
    '本机关坚持以公开为常态、不公开为例外，严格执行保密审查制度，及时更新政府信息公开专栏的各栏目内容。';
  it('is 1 for the same text with other numbers, and low for different text', () => {
    assert.equal(similarity(`${a}2024年12件`, `${a}2025年3件`), 1);
    const s = similarity(a, '今年重点推进乡村振兴领域信息公开，新建村务公开栏十二处，群众满意度明显提高。')!;
    assert.ok(s < 0.3, String(s));
  });
  it('ignores short texts', () => {
    assert.equal(similarity('无。', '无。'), null);
  });
  it('warns per part at 80% or more, naming the compared report', () => {
    const mine = { ...emptyNarrative(), 's1.management': a };
    const other = { ...emptyNarrative(), 's1.management': a.replace('及时', '按时') };
    const w = similarityWarnings(mine, [{ label: '固镇县湖沟镇人民政府2025年年报', narrative: other }]);
    assert.equal(w.length, 1);
    assert.equal(w[0]!.partId, 's1.management');
    assert.ok(w[0]!.message.includes('湖沟镇'));
    const unrelated = {
      ...emptyNarrative(),
      's1.management': '今年重点推进乡村振兴领域信息公开，新建村务公开栏十二处，群众满意度明显提高。',
    };
    assert.deepEqual(similarityWarnings(mine, [{ label: 'x', narrative: unrelated }]), []);
  });
});

describe('foreign regions', () => {
  const anhuiTownship = {
    ownNames: [
      '固镇县仲兴乡人民政府',
      '仲兴乡',
      '固镇县人民政府',
      '固镇县政府',
      '蚌埠市人民政府',
      '安徽省人民政府',
    ],
    otherNames: ['固镇县湖沟镇人民政府', '湖沟镇'],
  };
  it("flags the seed's 自治区…统一平台 in an Anhui township's report", () => {
    const w = foreignRegionWarnings({ ...emptyNarrative(), 's1.platform': seedLine }, anhuiTownship);
    assert.deepEqual(
      w.map((x) => x.actual),
      ['自治区'],
    );
  });
  it('flags another province and another township, not its own province or county', () => {
    const n = {
      ...emptyNarrative(),
      's1.proactive': '按照安徽省和固镇县的部署，参照广西做法，并学习江苏省经验。',
      's1.platform': '依托湖沟镇的平台。',
    };
    const w = foreignRegionWarnings(n, anhuiTownship);
    assert.deepEqual(
      w.map((x) => `${x.partId}:${x.actual}`),
      ['s1.proactive:江苏', 's1.proactive:广西', 's1.platform:湖沟镇'],
    );
  });
  it('accepts 自治区 in a Guangxi agency', () => {
    const w = foreignRegionWarnings(
      { ...emptyNarrative(), 's1.platform': '以自治区政府信息公开统一平台为主要渠道。' },
      { ownNames: ['广西壮族自治区人民政府'], otherNames: [] },
    );
    assert.deepEqual(w, []);
  });
});
