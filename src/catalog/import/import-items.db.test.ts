/** Bulk import on real databases: all or nothing, row-level problems in Chinese, drafts or published now. */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDatabase } from '../../../test/support/db.js';
import { testContext } from '../../../test/support/context.js';
import { agenciesStore } from '../../access/agencies.store.js';
import type { Agency } from '../../access/agency.js';
import { systemActor, type Actor } from '../../platform/actor.js';
import { loadDemo } from '../../demo/load-demo.js';
import type { AppContext } from '../../platform/context.js';
import { readSheet } from '../../sheets/sheet.js';
import { catalogStore } from '../catalog.store.js';
import { importItems, importTemplate, ImportRefused, importHeaders } from './import-items.js';
import { setReviewLevels } from '../manage-catalog.js';

const csv = (rows: string[][]) =>
  Buffer.from(
    rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n'),
  );
const header = ['标题', '成文日期', '文号', '栏目', '五公开类别', '正文', '附件文件名'];
const published = ['标题', '内容概述', '成文日期', '栏目', '附件文件名'];
const pdf = Buffer.from('%PDF-1.4\n% test\n');

describeEachDatabase('catalog bulk import', ({ handle }) => {
  let ctx: AppContext;
  let zx: Agency;
  let editor: Actor;
  let reviewer: Actor;
  const files = new Map<string, Buffer>([
    ['通知.pdf', pdf],
    ['名单.txt', Buffer.from('张三 身份证 11010519491231002X')],
    ['伪装.pdf', Buffer.from('MZ\x90\x00 not a pdf')],
  ]);
  const attachment = async (name: string) => files.get(name);
  const count = async () =>
    Number(
      (
        await ctx.db
          .selectFrom('catalog_items')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('agency_id', '=', zx.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const refusal = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      assert.ok(e instanceof ImportRefused, String(e));
      return e.problems;
    }
    assert.fail('the import was not refused');
  };

  before(async () => {
    ctx = { ...testContext(handle()), now: () => new Date('2026-03-10T02:00:00.000Z') };
    await loadDemo(ctx);
    zx = (await agenciesStore.byPathSegment(ctx.db, 'zhongxing'))!;
    editor = { kind: 'user', userId: 'e1', label: '编辑甲', grants: [{ agencyId: zx.id, role: 'editor' }] };
    reviewer = {
      kind: 'user',
      userId: 'r1',
      label: '审核乙',
      grants: [{ agencyId: zx.id, role: 'reviewer' }],
    };
  });

  test('a good sheet becomes drafts with their attachments; no date of publication is set', async () => {
    const before = await count();
    const r = await importItems(
      ctx,
      editor,
      zx.id,
      {
        fileName: 'items.csv',
        data: csv([
          header,
          [
            '仲兴乡2026年春耕生产工作安排',
            '2026-03-01',
            '仲政〔2026〕11号',
            '工作动态',
            '执行公开',
            '春耕\n备耕',
            '通知.pdf',
          ],
          ['仲兴乡召开安全生产会议', '2026-03-02', '', 'gzdt', '', '', ''],
        ]),
      },
      { publish: false, attachment },
    );
    assert.equal(r.imported, 2);
    assert.equal(await count(), before + 2);
    const [first, second] = await catalogStore.itemsByIds(ctx.db, r.itemIds);
    assert.equal(first!.status, 'draft');
    assert.equal(first!.publishedOn, null);
    assert.equal(first!.indexNo, null);
    assert.equal(first!.docNo, '仲政〔2026〕11号');
    assert.equal(first!.fiveKind, 'execution');
    assert.equal(first!.bodyHtml, '<p>春耕</p><p>备耕</p>');
    assert.equal(first!.columnId, second!.columnId);
    const atts = await catalogStore.attachments(ctx.db, first!.id);
    assert.deepEqual(
      atts.map((a) => [a.fileName, a.contentType]),
      [['通知.pdf', 'application/pdf']],
    );
  });

  test('every problem is reported by row and column, and nothing is stored', async () => {
    const before = await count();
    const problems = await refusal(
      importItems(
        ctx,
        editor,
        zx.id,
        {
          fileName: 'bad.csv',
          data: csv([
            header,
            ['好的一行', '2026-03-01', '仲政〔2026〕21号', '工作动态', '', '', ''],
            ['', '2026-02-30', '仲政[2026]22号', '不存在的栏目', '宣传公开', '', '缺失.pdf'],
            ['第三行', '2026-03-01', '仲政〔2026〕21号', '工作动态', '', '', '伪装.pdf'],
          ]),
        },
        { publish: false, attachment },
      ),
    );
    const at = (row: number, column: string) =>
      problems.filter((p) => p.row === row && p.column === column).map((p) => p.problem);
    assert.match(at(3, '标题').join(), /请填写标题/);
    assert.match(at(3, '成文日期').join(), /有效日期/);
    assert.match(at(3, '文号').join(), /六角括号/);
    assert.match(at(3, '栏目').join(), /不存在的栏目/);
    assert.match(at(3, '五公开类别').join(), /决策公开/);
    assert.match(at(3, '附件文件名').join(), /找不到附件“缺失.pdf”/);
    assert.match(at(4, '文号').join(), /与第 2 行的文号重复/);
    assert.match(at(4, '附件文件名').join(), /类型不受支持或与扩展名不符/);
    assert.equal(at(2, '标题').length, 0);
    assert.equal(await count(), before);
  });

  test('a 发布日期 column or an unknown header refuses the file', async () => {
    const problems = await refusal(
      importItems(
        ctx,
        editor,
        zx.id,
        {
          fileName: 'x.csv',
          data: csv([
            ['标题', '栏目', '发布日期', '备注'],
            ['甲', '工作动态', '2020-01-01', ''],
          ]),
        },
        { publish: false, attachment },
      ),
    );
    assert.deepEqual(
      problems.map((p) => [p.row, p.column]),
      [
        [1, '发布日期'],
        [1, '备注'],
      ],
    );
  });

  test('publishing now: today as publication date, index numbers from the rule; a check finding refuses all', async () => {
    await assert.rejects(
      importItems(
        ctx,
        editor,
        zx.id,
        { fileName: 'a.csv', data: csv([header]) },
        { publish: true, attachment },
      ),
      /无权发布/,
    );
    const before = await count();
    const problems = await refusal(
      importItems(
        ctx,
        reviewer,
        zx.id,
        {
          fileName: 'p.csv',
          data: csv([
            published,
            ['仲兴乡春季防火通告', '防火', '2026-03-03', '工作动态', ''],
            ['仲兴乡低保名单', '名单', '2026-03-03', '工作动态', '名单.txt'],
          ]),
        },
        { publish: true, attachment },
      ),
    );
    assert.deepEqual(
      problems.map((p) => p.row),
      [3],
    );
    assert.match(problems[0]!.problem, /发布前检查/);
    assert.equal(await count(), before);

    const r = await importItems(
      ctx,
      reviewer,
      zx.id,
      {
        fileName: 'p.csv',
        data: csv([
          published,
          ['仲兴乡春季防火通告', '防火', '2026-03-03', '工作动态', ''],
          ['仲兴乡春季植树通告', '植树', '2026-02-01', '工作动态', ''],
        ]),
      },
      { publish: true, attachment },
    );
    const items = await catalogStore.itemsByIds(ctx.db, r.itemIds);
    assert.deepEqual(
      items.map((i) => [i.status, i.publishedOn]),
      [
        ['published', '2026-03-10'],
        ['published', '2026-03-10'],
      ],
    );
    // Default rule {统一社会信用代码}/{YYYY}-{seq:5}: consecutive numbers of this year.
    const seqs = items.map((i) => {
      const m = new RegExp(`^${zx.creditCode}/2026-(\\d{5})$`).exec(i.indexNo ?? '');
      assert.ok(m, i.indexNo ?? 'no index number');
      return Number(m[1]);
    });
    assert.equal(seqs[1], seqs[0]! + 1);
    assert.equal(items[1]!.late, true, '2026-02-01 to 2026-03-10 is more than 20 working days');
  });

  test('an agency with several review levels takes drafts only', async () => {
    await setReviewLevels(ctx, systemActor(), zx.id, '2');
    try {
      await assert.rejects(
        importItems(
          ctx,
          reviewer,
          zx.id,
          { fileName: 'a.csv', data: csv([header]) },
          { publish: true, attachment },
        ),
        /2 级审核/,
      );
    } finally {
      await setReviewLevels(ctx, systemActor(), zx.id, '1');
    }
  });

  test('the XLSX template reads back with its headers and imports with its example row', async () => {
    const xlsx = await importTemplate('xlsx');
    assert.deepEqual((await readSheet(xlsx, 'xlsx'))[0], [...importHeaders]);
    const r = await importItems(
      ctx,
      editor,
      zx.id,
      { fileName: 'template.xlsx', data: xlsx },
      { publish: false, attachment: async (n) => (n === '通知全文.pdf' ? pdf : undefined) },
    );
    const [item] = await catalogStore.itemsByIds(ctx.db, r.itemIds);
    assert.equal(item!.writtenOn, '2026-03-02');
    assert.equal(item!.genre, '通知');
  });
});
