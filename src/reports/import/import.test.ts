import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { describeEachDatabase } from '../../../test/support/db.js';
import { testContext } from '../../../test/support/context.js';
import { agenciesStore } from '../../access/agencies.store.js';
import { systemActor } from '../../platform/actor.js';
import { loadDemo } from '../../demo/load-demo.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { article20Store } from '../stores/article20.store.js';
import { disputesStore } from '../stores/disputes.store.js';
import { article20Template, importArticle20 } from './article20-import.js';
import { disputesTemplate, importDisputes } from './disputes-import.js';
import { parseCsv, readSheet } from '../../sheets/sheet.js';

const actor = systemActor('测试');

/** Fills the downloaded XLSX template: value and source for the given (row, column) lines. */
async function filledTemplate(year: number, fill: Record<string, [string, string]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await article20Template(year, 'xlsx')) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  sheet.eachRow((row) => {
    const key = `${row.getCell(1).text}:${row.getCell(3).text}`;
    const v = fill[key];
    if (v) {
      row.getCell(5).value = Number(v[0]);
      row.getCell(6).value = v[1];
    }
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

const csv = (lines: string[][]) =>
  Buffer.from(`\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`, 'utf8');

async function refusal(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof DomainError && e.code === 'validation.failed', String(e));
    assert.match(e.message, /未导入任何数据/);
    return Object.values(e.fields);
  }
  assert.fail('the import should have been refused');
}

void test('CSV: quotes, commas, line breaks in fields, CRLF', () => {
  assert.deepEqual(parseCsv('a,"b,1","c ""x""\nd"\r\n1,2,3'), [
    ['a', 'b,1', 'c "x"\nd'],
    ['1', '2', '3'],
  ]);
});

void test('CSV: cells as written (readSheet trims), a quote inside a cell is kept, LF and CR rows', async () => {
  assert.deepEqual(parseCsv(' a ," b ",c"d\n1\r2'), [[' a ', ' b ', 'c"d'], ['1'], ['2']]);
  assert.deepEqual(await readSheet(Buffer.from(' a ," b "\r\n'), 'csv'), [['a', 'b']]);
});

void test('CSV: an unclosed quote refuses the file, naming the line where its row begins', async () => {
  const text = 'a,"b\nc"\r\nd,"e\nf,g\n';
  assert.throws(
    () => parseCsv(text),
    (e) =>
      e instanceof DomainError && e.code === 'validation.failed' && /第 3 行有未闭合的引号/.test(e.message),
  );
  await assert.rejects(readSheet(Buffer.from(text), 'csv'), /第 3 行有未闭合的引号/);
});

void test('CSV saved as GB18030 by Excel is read too', async () => {
  const gbk = Buffer.from([0xd0, 0xd0, 0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0x31]); // 行编号,1
  assert.deepEqual(await readSheet(gbk, 'csv'), [['行编号', '1']]);
});

describeEachDatabase('report imports', ({ handle }) => {
  let ctx: AppContext;
  let hugou: string;
  before(async () => {
    ctx = testContext(handle());
    await loadDemo(ctx);
    hugou = (await agenciesStore.byName(ctx.db, '固镇县湖沟镇人民政府'))[0]!.id;
  });

  test('table 二 from the filled XLSX template: every filled row stored with its source', async () => {
    const file = await filledTemplate(2025, {
      't2.r6.penalty:decisions': ['12', '县执法平台'],
      't2.r8.fee:amount': ['2.5', '财政所'],
      't2.r1.normative:inForce': ['4', '文件清理结果'],
    });
    assert.deepEqual(await importArticle20(ctx, actor, hugou, 2025, file, 'xlsx'), { rows: 3 });
    const stored = await article20Store.forYear(ctx.db, hugou, 2025);
    assert.deepEqual(
      stored.map((e) => [e.rowId, e.values, e.source]),
      [
        ['t2.r1.normative', { inForce: 4 }, '文件清理结果'],
        ['t2.r6.penalty', { decisions: 12 }, '县执法平台'],
        ['t2.r8.fee', { amount: 2.5 }, '财政所'],
      ],
    );
  });

  test('table 二 with bad lines: each line named in Chinese, nothing stored', async () => {
    const file = csv([
      ['行编号', '项目', '列编号', '指标', '数值', '数据来源'],
      ['t2.r6.penalty', '行政处罚', 'decisions', '', '5', '平台'],
      ['t2.r6.coercion', '行政强制', 'decisions', '', '-2', '平台'],
      ['t2.r77', '？', 'x', '', '1', '平台'],
      ['t2.r8.fee', '收费', 'amount', '', '十二', '平台'],
      ['t2.r5.licensing', '许可', 'decisions', '', '3', ''],
      ['t2.r6.penalty', '行政处罚', 'decisions', '', '1.5', '平台'],
    ]);
    const problems = await refusal(importArticle20(ctx, actor, hugou, 2024, file, 'csv'));
    assert.deepEqual(
      problems.map((p) => /^第(\d+)行/.exec(p)?.[1]),
      ['4', '5', '6', '7', '3'],
      problems.join('\n'),
    );
    assert.match(problems.join(''), /应为数字/);
    assert.match(problems.join(''), /重复填写/);
    assert.match(problems.join(''), /不能为负数/);
    assert.deepEqual(await article20Store.forYear(ctx.db, hugou, 2024), []);
    const header = await refusal(importArticle20(ctx, actor, hugou, 2024, csv([['a', 'b']]), 'csv'));
    assert.match(header[0]!, /表头/);
  });

  test('disputes from the XLSX template: lines with one 争议编号 are one dispute through its stages', async () => {
    const file = await disputesTemplate('xlsx');
    assert.deepEqual(await importDisputes(ctx, actor, hugou, file, 'xlsx'), { disputes: 1 });
    const [d] = await disputesStore.ofAgency(ctx.db, hugou);
    assert.equal(d?.reference, '固政复〔2025〕12号');
    assert.deepEqual(d?.stages, [
      {
        kind: 'reconsideration',
        body: '固镇县人民政府',
        filedOn: '2025-04-10',
        decidedOn: '2025-05-20',
        result: 'upheld',
      },
      { kind: 'lawsuit', body: '蚌埠铁路运输法院', filedOn: '2025-06-01' },
    ]);
  });

  test('disputes with bad lines or a bad order: row errors, nothing stored', async () => {
    const header = [
      '争议编号',
      '关联申请编号',
      '阶段',
      '复议机关或法院',
      '申请（起诉）日期',
      '决定（裁判）日期',
      '结果',
    ];
    const file = csv([
      header,
      ['A1', 'R-1', '行政复议', '固镇县人民政府', '2025-01-05', '2025-02-01', '撤销'],
      ['A2', '', '行政诉讼', '法院', '2025/03/01', '', ''],
      ['A3', '', '仲裁', '某处', '2025-03-01', '', ''],
      ['A4', '', '行政复议', '固镇县人民政府', '2025-03-01', '2025-04-01', '判决驳回诉讼请求'],
      ['A5', '', '上诉', '中院', '2025-03-01', '', ''],
    ]);
    const problems = await refusal(importDisputes(ctx, actor, hugou, file, 'csv'));
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.match(problems[0]!, /^第3行.*日期/);
    assert.match(problems[1]!, /^第4行.*阶段/);
    assert.match(problems[2]!, /^第5行.*结果应为/);
    assert.match(problems[3]!, /争议“A5”（第6行）.*阶段顺序/);
    assert.equal((await disputesStore.ofAgency(ctx.db, hugou)).length, 1);
  });
});
