import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FORMATS,
  cellsOf,
  detectFormat,
  formatForYear,
  matchLabel,
  matchRowId,
  normaliseLabel,
  outcomeRows,
  type FormatVersion,
} from './index.js';

const versions: FormatVersion[] = ['2019', '2021'];

void test('table 三 has the form’s 25 numeric rows in 2021 and 23 in 2019 (one （六）其他处理 row)', () => {
  const numeric = (v: FormatVersion) => FORMATS[v].tables.t3.rows.filter((r) => !r.heading).length;
  assert.equal(numeric('2021'), 25);
  assert.equal(numeric('2019'), 23);
  assert.equal(outcomeRows('2021').length, 21);
  assert.equal(outcomeRows('2019').length, 19);
});

void test('table 三 columns and table 四 columns follow the spec’s order', () => {
  const t3 = FORMATS['2021'].tables.t3.rows[0]!.columns.map((c) => c.label);
  assert.deepEqual(t3, ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
  const t4 = FORMATS['2021'].tables.t4.rows[0]!.columns;
  assert.equal(t4.length, 15);
  assert.deepEqual(t4.map((c) => [...c.groups, c.label].join('/')).slice(4, 7), [
    '行政复议/总计',
    '行政诉讼/未经复议直接起诉/结果维持',
    '行政诉讼/未经复议直接起诉/结果纠正',
  ]);
  assert.equal(t4[14]!.id, 'afterReview.total');
});

void test('table 二 rows: 2021 has no 第（九）项 and no 其他对外管理服务事项; 2019 has both', () => {
  const labels = (v: FormatVersion) => FORMATS[v].tables.t2.rows.map((r) => r.label);
  assert.deepEqual(labels('2021'), [
    '第二十条第（一）项',
    '规章',
    '行政规范性文件',
    '第二十条第（五）项',
    '行政许可',
    '第二十条第（六）项',
    '行政处罚',
    '行政强制',
    '第二十条第（八）项',
    '行政事业性收费',
  ]);
  assert.ok(labels('2019').includes('其他对外管理服务事项'));
  assert.ok(labels('2019').includes('政府集中采购'));
  assert.ok(labels('2019').includes('规范性文件'));
});

void test('every row, column and cell id is ASCII and unique within its format', () => {
  for (const v of versions) {
    const ids = new Set<string>();
    for (const table of Object.values(FORMATS[v].tables)) {
      for (const row of table.rows) {
        assert.match(row.id, /^[\x21-\x7e]+$/);
        assert.ok(!ids.has(row.id), row.id);
        ids.add(row.id);
      }
      for (const cell of cellsOf(table)) {
        assert.match(cell.id, /^t[234]\.[\w.]+:[\w.]+$/);
        assert.ok(!ids.has(cell.id), cell.id);
        ids.add(cell.id);
      }
    }
  }
});

void test('format by reporting year: 2019 template for 2019–2020, 2021 template from 2021', () => {
  assert.equal(formatForYear(2019), '2019');
  assert.equal(formatForYear(2020), '2019');
  assert.equal(formatForYear(2021), '2021');
  assert.equal(formatForYear(2025), '2021');
  assert.throws(() => formatForYear(2018), { code: 'report.year_unsupported' });
});

void test('normaliseLabel folds widths, brackets, quotes, whitespace and 繁体', () => {
  const canonical = normaliseLabel('3.危及“三安全一稳定”');
  assert.equal(normaliseLabel('3. 危及"三安全一稳定"'), canonical);
  assert.equal(normaliseLabel('３．危及「三安全一穩定」'), canonical);
  assert.equal(normaliseLabel('第二十条第(一)项'), normaliseLabel('第二十条第（一）项'));
  assert.equal(normaliseLabel('第二十条第〔一〕项'), normaliseLabel('第二十条第【一】项'));
  assert.equal(normaliseLabel('本年新\n制作数量'), normaliseLabel('本年新制作数量'));
  assert.notEqual(normaliseLabel('规章'), normaliseLabel('规范性文件'));
});

void test('matchLabel finds rows as published, with half-width brackets and Chinese quotes', () => {
  assert.equal(matchRowId('(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)', 't3'), 't3.r3.2');
  assert.equal(matchRowId('3. 危及“三安全一稳定”', 't3'), 't3.r3.3.3');
  assert.equal(matchRowId('(七)总计', 't3'), 't3.r3.7');
  assert.equal(
    matchRowId('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 't3', '2019'),
    undefined,
  );
  assert.equal(matchRowId('规范性文件', 't2', '2019'), 't2.r1.normative');
  assert.equal(matchRowId('行政规范性文件', 't2', '2021'), 't2.r1.normative');
  // Loose: ordinal dropped.
  const loose = matchLabel('予以公开', { table: 't3' });
  assert.deepEqual(
    loose.map((m) => [m.id, m.exact]),
    [['t3.r3.1', false]],
  );
  // Ambiguous without the header context.
  assert.equal(matchLabel('结果维持', { table: 't4' }).length, 3);
  assert.deepEqual(
    matchLabel('本年收费金额(单位:万元)').map((m) => [m.table, m.id, m.formats]),
    [['t2', 'amount', ['2021']]],
  );
});

// Excerpts from shared/fixtures/annual-reports of the steering repository (real published text).
const XIONGXIAN_2019 = `第二十条第(一)项 信息内容 本年新制作数量 本年新公开数量 对外公开总数量 规章 0 规范性文件
第二十条第(五)项 上一年项目数量 本年增/减 处理决定数量 行政许可 其他对外管理服务事项
(五)不予处理 1.信访举报投诉类申请 2.重复申请 3.要求提供公开出版物 4.无正当理由大量反复申请
5.要求行政机关确认或重新出具已获取信息 (六)其他处理 (七)总计 四、结转下年度继续办理`;
const TABLE_2021 = `第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 行政规范性文件 1 0 3
第二十条第（五）项 信息内容 本年处理决定数量 行政许可 12 第二十条第（八）项 信息内容 本年收费金额（单位：万元）
（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 3.其他`;

void test('detectFormat tells the templates apart, per table too', () => {
  const old = detectFormat(XIONGXIAN_2019);
  assert.equal(old.format, '2019');
  assert.deepEqual(old.tables, { t2: '2019', t3: '2019' });
  const current = detectFormat(TABLE_2021);
  assert.equal(current.format, '2021');
  assert.deepEqual(current.tables, { t2: '2021', t3: '2021' });
  // 佳县螅镇 2022: an outdated 2019 table in a 2022 report is still detected as 2019.
  assert.equal(
    detectFormat('第二十条第(九)项 信息内容 采购项目数量 采购总金额 政府集中采购', 2022).format,
    '2019',
  );
  assert.equal(detectFormat('一、概述 二、主动公开政府信息情况', 2015).format, 'legacy');
  assert.equal(detectFormat('一、概述', 2022).format, 'unknown');
  // A locally modified template: 2019 table 二 with 2021 table 三.
  const mixed = detectFormat(XIONGXIAN_2019.split('(五)不予处理')[0]! + TABLE_2021.split('（六）')[1]!);
  assert.deepEqual(mixed.tables, { t2: '2019', t3: '2021' });
});
