import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { creditCodeCheckChar } from '../../access/credit-code.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { cellId } from '../../reports/model/formats.js';
import { T3 } from '../../reports/model/shared-tables.js';
import { describeEachDatabase } from '../../../test/support/db.js';
import { testContext } from '../../../test/support/context.js';
import { makeAgency, staff } from '../../../test/support/request-cases.js';
import { IMPORT_COLUMNS } from './import-columns.js';
import { ImportRefused, importCases, problemText } from './import-cases.js';
import { readImportFile } from './import-file.js';
import { parseCsv } from '../../sheets/sheet.js';
import { csvTemplate, xlsxTemplate } from './import-template.js';
import { requestsStore } from '../requests.store.js';
import { requestsTable3Source } from '../../reports/requests-table3.js';

const HEADERS = IMPORT_COLUMNS.map((c) => c.header);
const credit = '91340323MA2N000'.padEnd(17, '0');
const goodRows = [
  // 提交方式, 收到日期, 类型, 名称, 证件类型, 证件号码, 信用代码, 法定代表人, 联系人, 电话, 地址, 邮编, 邮箱, 信息名称, 文号, 描述, 形式, 获取, 答复类型, 答复日期
  [
    '当面提交',
    '2025-02-10',
    '自然人',
    '王五',
    '居民身份证',
    '11010519491231002X',
    '',
    '',
    '',
    '13800001234',
    '',
    '',
    '',
    '2024年低保名单',
    '',
    '',
    '纸质',
    '自行领取',
    '予以公开',
    '2025-02-20',
  ],
  [
    '平常信函',
    '2025-03-03',
    '商业企业',
    '某某建材有限公司',
    '',
    '',
    credit + creditCodeCheckChar(credit),
    '赵六',
    '钱七',
    '05521234567',
    '固镇县',
    '233700',
    '',
    '',
    '',
    '某项目环评批复',
    '电子',
    '网上获取',
    '申请人撤回申请',
    '2025-03-05',
  ],
  [
    '互联网渠道',
    '2025-04-01',
    '自然人',
    '孙八',
    '护照',
    'E12345678',
    '',
    '',
    '',
    '13900009999',
    '',
    '',
    '',
    '道路维修计划',
    '',
    '',
    '电子',
    '网上获取',
    '',
    '',
  ],
];
const csvOf = (rows: string[][]) =>
  Buffer.from(
    [HEADERS, ...rows].map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\r\n'),
    'utf8',
  );

test('CSV quoting, BOM and GB18030 are read as the user wrote them', async () => {
  assert.deepEqual(parseCsv('a,"b,""c"""\r\n1,2'), [
    ['a', 'b,"c"'],
    ['1', '2'],
  ]);
  const gbk = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x0d, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd]); // 姓名 / 张三 in GBK
  const t = await readImportFile(gbk, 'x.csv');
  assert.deepEqual(t.rows[0]!.values, { 姓名: '张三' });
  const template = await readImportFile(csvTemplate(), 'template.csv');
  assert.deepEqual(template.headers, HEADERS);
  const x = await readImportFile(await xlsxTemplate(), 'template.xlsx');
  assert.deepEqual(x.headers, HEADERS);
  assert.equal(x.rows.length, 0);
});

test('CSV with an unclosed quote is refused as unreadable, naming the line', async () => {
  await assert.rejects(
    readImportFile(Buffer.from('姓名,备注\r\n张三,"未写完\r\n李四,x\r\n'), 'x.csv'),
    (e) =>
      e instanceof DomainError && e.code === 'import.unreadable' && /第 2 行有未闭合的引号/.test(e.message),
  );
});

describeEachDatabase('historical case import', ({ handle }) => {
  let ctx: AppContext;
  let agencyId = '';
  const handler = () => staff(agencyId, 'importer', 'case_handler');
  const cases = async () =>
    Number(
      (
        await ctx.db
          .selectFrom('request_cases')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('agency_id', '=', agencyId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  before(async () => {
    ctx = testContext(handle(), { now: () => new Date('2025-06-02T02:00:00Z') });
    agencyId = await makeAgency(ctx);
  });

  test('one bad row refuses the whole file with row, column and problem in Chinese', async () => {
    const bad = structuredClone(goodRows);
    bad[0]![5] = '110105194912310021'; // wrong check digit
    bad[1]![1] = '2025-02-30'; // not on the calendar
    bad[2]![18] = '同意公开'; // no such reply type
    const file = await readImportFile(csvOf(bad), 'cases.csv');
    const before = await cases();
    await assert.rejects(importCases(ctx, handler(), agencyId, file), (e: unknown) => {
      assert.ok(e instanceof ImportRefused);
      const lines = e.problems.map(problemText);
      assert.ok(lines.includes('第 2 行「证件号码」：居民身份证号码校验位不正确，请核对'), lines.join('\n'));
      assert.ok(lines.includes('第 3 行「收到申请日期」：不是日历上的有效日期，格式应为 YYYY-MM-DD'));
      assert.ok(lines.some((l) => l.startsWith('第 4 行「答复类型」：“同意公开”不是可选的值')));
      return true;
    });
    const missing = await readImportFile(Buffer.from('姓名,电话\r\n张三,1'), 'x.csv');
    await assert.rejects(importCases(ctx, handler(), agencyId, missing), (e: ImportRefused) =>
      e.problems.some((p) => p.problem === '缺少“提交方式”列，请使用导入模板。'),
    );
    await assert.rejects(importCases(ctx, staff(agencyId, 'e', 'editor'), agencyId, file), {
      code: 'auth.forbidden',
    });
    assert.equal(await cases(), before);
  });

  test('a good XLSX is stored in one go; the cases carry their events and count in table 三', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('申请案件');
    ws.addRow(HEADERS);
    for (const r of goodRows) ws.addRow(r);
    ws.getCell('B2').value = new Date(Date.UTC(2025, 1, 10)); // a date typed as a date in Excel
    const file = await readImportFile(Buffer.from(await wb.xlsx.writeBuffer()), 'cases.xlsx');
    const progress: number[] = [];
    const r = await importCases(ctx, handler(), agencyId, file, (done) => progress.push(done));
    assert.equal(r.imported, 3);
    assert.deepEqual(progress, [1, 2, 3]);
    const [disclosed, withdrawn, open] = await Promise.all(
      r.caseIds.map((id) => requestsStore.byId(ctx.db, id)),
    );
    assert.deepEqual(
      [disclosed!.state, disclosed!.outcome, disclosed!.outcome_on, disclosed!.received_on],
      ['replied', 'disclosed', '2025-02-20', '2025-02-10'],
    );
    assert.ok(
      !disclosed!.applicant_sealed.includes('11010519491231002X'),
      'personal data sealed as at intake',
    );
    assert.deepEqual(
      [withdrawn!.state, withdrawn!.outcome, withdrawn!.applicant_kind],
      ['closed', 'withdrawn', 'commercial'],
    );
    assert.equal(open!.state, 'registered');
    assert.equal(open!.open, 1);
    const events = (await requestsStore.events(ctx.db, disclosed!.id)).map((e) => e.type);
    assert.deepEqual(events, ['registered', 'submitted', 'accepted', 'replied']);
    const t3 = (
      await requestsTable3Source(ctx).table3(
        { id: agencyId, name: '测试乡', level: 'township' },
        2025,
        '2021',
      )
    ).cells;
    assert.ok(t3[cellId(T3.received, 'natural')]!.caseIds!.includes(disclosed!.id));
    assert.ok(t3[cellId(T3.received, 'commercial')]!.caseIds!.includes(withdrawn!.id));
    assert.ok(t3[cellId('t3.r3.1', 'natural')]!.caseIds!.includes(disclosed!.id));
    assert.ok(t3[cellId('t3.r3.6.3', 'commercial')]!.caseIds!.includes(withdrawn!.id));
    assert.ok(t3[cellId(T3.carriedForward, 'natural')]!.caseIds!.includes(open!.id));
  });
});
