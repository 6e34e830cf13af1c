/**
 * Use case: bulk import of items (批量导入) from an XLSX/CSV sheet plus their attachment files.
 * All or nothing: every row is checked and every problem reported (row, column, problem, in Chinese) before
 * anything is stored, and the rows are stored in one transaction through the same steps as the editor's form
 * (draft, attachments checked by content and size, publication with the index number from the agency's rule).
 *
 * The sheet has no 发布日期 column: the publication date is the system's. Imported items are drafts that go
 * through review, unless the importer asks to publish them now — then each is published today, only when the
 * agency reviews in one level, the importer may publish, and the pre-publication checks find nothing.
 */
import { agenciesStore } from '../../access/agencies.store.js';
import type { Agency } from '../../access/agency.js';
import { can } from '../../access/permissions.js';
import { type Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError, forbidden, notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { readSheet, sheetKindOf, writeSheet } from '../../sheets/sheet.js';
import { recordAttachment } from '../items/attach.js';
import { checkItemAttachment, type CheckedAttachment } from '../items/attachments.js';
import { catalogStore, type Column } from '../catalog.store.js';
import { basicDomains } from '../data/basic-domains.js';
import { fiveKindLabel, fiveKinds, type Item } from '../items/item.js';
import { parseItemInput, type ItemInput } from '../items/item-input.js';
import { forgetColumnsCache } from '../portal/portal-data.js';
import { calendarOf } from '../catalog-access.js';
import { checksOf, recordPublication } from '../items/publish-item.js';
import { checkReferences, draftOf, recordDraft } from '../items/save-item.js';
import { ensureCatalog, listSubjects } from '../setup-catalog.js';

/** Largest sheet taken in one transaction; bigger archives are split into several files. */
export const MAX_IMPORT_ROWS = 5000;

/** The template's headers, in order; 标题 and 栏目 are required. */
export const importHeaders = [
  '标题',
  '内容概述',
  '发布机构',
  '成文日期',
  '文号',
  '栏目',
  '主题分类',
  '体裁',
  '五公开类别',
  '重点领域',
  '关键词',
  '信息来源',
  '有效性',
  '施行日期',
  '有效期至',
  '正文',
  '附件文件名',
] as const;
type Header = (typeof importHeaders)[number];

/** Item form field → the header that carries it, to put a field's problem on its column. */
const headerOfField: Record<string, Header> = {
  title: '标题',
  summary: '内容概述',
  issuer: '发布机构',
  writtenOn: '成文日期',
  docNo: '文号',
  columnId: '栏目',
  subjectCode: '主题分类',
  genre: '体裁',
  fiveKind: '五公开类别',
  keyDomain: '重点领域',
  keywords: '关键词',
  source: '信息来源',
  effectiveOn: '施行日期',
  expiresOn: '有效期至',
  bodyHtml: '正文',
};

export interface ImportProblem {
  /** Row number as the spreadsheet shows it (the header is row 1); 0 for the file as a whole. */
  row: number;
  column: string;
  problem: string;
}

export class ImportRefused extends DomainError {
  constructor(readonly problems: ImportProblem[]) {
    super(
      'validation.failed',
      `导入文件有 ${problems.length} 处问题，未导入任何条目：`,
      Object.fromEntries(
        problems.map((p, i) => [
          `${i + 1}. ${p.row ? `第 ${p.row} 行` : '文件'}${p.column ? `“${p.column}”列` : ''}`,
          p.problem,
        ]),
      ),
    );
  }
}

interface ImportFile {
  fileName: string;
  data: Buffer;
}

interface ImportOptions {
  /** Publish each item now (system date) instead of leaving drafts for review. */
  publish: boolean;
  /** Attachments by file name (a folder on the CLI, uploaded files in the admin). */
  attachment: (fileName: string) => Promise<Buffer | undefined>;
  onProgress?: (done: number, total: number) => void;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** 正文: HTML as is (the form's sanitiser runs on it), plain text as paragraphs. */
const bodyOf = (text: string) =>
  /<\/?[a-z][^>]*>/i.test(text)
    ? text
    : text
        .split(/\r?\n+/)
        .filter((l) => l.trim())
        .map((l) => `<p>${escapeHtml(l.trim())}</p>`)
        .join('');

const splitNames = (s: string) =>
  s
    .split(/[;；、\n|]+/)
    .map((x) => x.trim())
    .filter(Boolean);

interface Prepared {
  row: number;
  input: ItemInput;
  attachments: CheckedAttachment[];
}

export async function importItems(
  ctx: AppContext,
  actor: Actor,
  agencyId: string,
  file: ImportFile,
  options: ImportOptions,
): Promise<{ imported: number; published: number; itemIds: string[] }> {
  const all = await agenciesStore.all(ctx.db);
  const agency = all.find((a) => a.id === agencyId);
  if (!agency) throw notFound('该机关');
  if (!can(actor, 'catalog.edit', agencyId, all)) throw forbidden('您无权为该机关编辑公开信息。');
  if (options.publish) {
    if (!can(actor, 'catalog.publish', agencyId, all))
      throw forbidden('您无权发布该机关的信息，请导入为草稿后送审。');
    const levels = await catalogStore.reviewLevels(ctx.db, agencyId);
    if (levels > 1)
      throw new DomainError(
        'catalog.review_pending',
        `本机关实行 ${levels} 级审核，导入的条目只能作为草稿逐级审核后发布。`,
      );
  }
  await ensureCatalog(ctx.db, agency);
  const rows = await readSheet(file.data, sheetKindOf(file.fileName));
  const prepared = await prepareRows(ctx, agency, rows, options);

  const now = () => ctx.now().toISOString();
  const calendar = await calendarOf(ctx, agency);
  const itemIds: string[] = [];
  const problems: ImportProblem[] = [];
  try {
    await ctx.db.transaction().execute(async (tx) => {
      let done = 0;
      for (const p of prepared) {
        const f = parseItemInput(p.input);
        let item: Item = draftOf(f, agency, actor, now());
        await recordDraft(tx, actor, item);
        for (const a of p.attachments) await recordAttachment(tx, actor, item, a, now());
        if (options.publish) {
          // The checks read the stored item and attachments, as when a reviewer publishes.
          const findings = await checksOf(tx, item);
          if (findings.length) {
            for (const finding of findings)
              problems.push({ row: p.row, column: '', problem: `发布前检查：${finding.message}` });
          } else
            item = (await recordPublication(tx, ctx, actor, item, agency, { acknowledged: [], calendar }))
              .item;
        }
        itemIds.push(item.id);
        options.onProgress?.(++done, prepared.length);
      }
      if (problems.length) throw new ImportRefused(problems);
      await appendEvent(tx, {
        at: ctx.now(),
        actor,
        agencyId,
        entityType: 'agency',
        entityId: agencyId,
        action: 'catalog.items_imported',
        data: { file: file.fileName, count: prepared.length, published: options.publish },
      });
    });
  } finally {
    if (options.publish) await forgetColumnsCache(ctx.db);
  }
  return { imported: itemIds.length, published: options.publish ? itemIds.length : 0, itemIds };
}

/** Reads and checks every row; throws one refusal listing every problem, or returns the rows to store. */
async function prepareRows(
  ctx: AppContext,
  agency: Agency,
  rows: string[][],
  options: ImportOptions,
): Promise<Prepared[]> {
  const problems: ImportProblem[] = [];
  const header = (rows[0] ?? []).map((h) => h.replace(/[*＊\s]/g, ''));
  if (header.includes('发布日期'))
    problems.push({
      row: 1,
      column: '发布日期',
      problem: '发布日期由系统在发布时记录，不能导入，请删除该列',
    });
  header.forEach((h, i) => {
    if (h && h !== '发布日期' && !(importHeaders as readonly string[]).includes(h))
      problems.push({ row: 1, column: h, problem: `无法识别的列名（第 ${i + 1} 列），请使用下载的模板` });
  });
  for (const required of ['标题', '栏目'] as const)
    if (!header.includes(required))
      problems.push({ row: 1, column: required, problem: '缺少必填列，请使用下载的模板' });
  if (problems.length) throw new ImportRefused(problems);

  const body = rows
    .map((cells, i) => ({ row: i + 1, cells }))
    .slice(1)
    .filter((r) => r.cells.some((c) => c.trim()));
  if (!body.length) throw new ImportRefused([{ row: 0, column: '', problem: '文件中没有数据行' }]);
  if (body.length > MAX_IMPORT_ROWS)
    throw new ImportRefused([
      {
        row: 0,
        column: '',
        problem: `一次最多导入 ${MAX_IMPORT_ROWS} 行，本文件有 ${body.length} 行，请分批导入`,
      },
    ]);

  const lookups = await lookupsOf(ctx, agency);
  const seenDocNos = new Map<string, number>();
  const out: Prepared[] = [];
  for (const { row, cells } of body) {
    const cell = (h: Header) => {
      const i = header.indexOf(h);
      return i >= 0 ? (cells[i] ?? '').trim() : '';
    };
    const add = (column: string, problem: string) => problems.push({ row, column, problem });

    const column = lookups.column(cell('栏目'));
    if (cell('栏目') && !column) add('栏目', `本机关没有栏目“${cell('栏目')}”（可填栏目名称或代码）`);
    const subject = lookups.subject(cell('主题分类'));
    if (cell('主题分类') && !subject) add('主题分类', `主题分类“${cell('主题分类')}”不存在`);
    const fiveKind = lookups.fiveKind(cell('五公开类别'));
    if (cell('五公开类别') && !fiveKind)
      add('五公开类别', '应为决策公开、执行公开、管理公开、服务公开或结果公开之一');
    const keyDomain = lookups.domain(cell('重点领域'));
    if (cell('重点领域') && !keyDomain)
      add('重点领域', `重点领域“${cell('重点领域')}”不在基层政务公开领域清单中`);
    if (cell('有效性') && cell('有效性') !== '有效')
      add('有效性', '导入的条目有效性只能为“有效”；废止或失效请在发布后使用“废止/失效”登记，以记录日期');
    const docNo = cell('文号');
    if (docNo) {
      const earlier = seenDocNos.get(docNo);
      if (earlier) add('文号', `与第 ${earlier} 行的文号重复`);
      else seenDocNos.set(docNo, row);
      if (lookups.existingDocNos.has(docNo)) add('文号', `本机关已有文号为“${docNo}”的条目`);
    }

    const input: ItemInput = {
      columnId: column?.id ?? (cell('栏目') ? 'unknown' : ''),
      title: cell('标题'),
      summary: cell('内容概述'),
      issuer: cell('发布机构'),
      writtenOn: cell('成文日期'),
      docNo,
      subjectCode: subject ?? null,
      genre: cell('体裁'),
      fiveKind: fiveKind ?? null,
      keyDomain: keyDomain ?? null,
      keywords: cell('关键词'),
      source: cell('信息来源'),
      bodyHtml: bodyOf(cell('正文')),
      effectiveOn: cell('施行日期'),
      expiresOn: cell('有效期至'),
    };
    try {
      const f = parseItemInput(input);
      if (column) await checkReferences(ctx.db, agency.id, f);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      for (const [field, message] of Object.entries(e.fields))
        if (!(field === 'columnId' && cell('栏目'))) add(headerOfField[field] ?? field, message);
    }

    const attachments: CheckedAttachment[] = [];
    for (const name of splitNames(cell('附件文件名'))) {
      if (/[\\/]|^\.\.?$/.test(name)) {
        add('附件文件名', `“${name}”应只写文件名，不含路径`);
        continue;
      }
      const data = await options.attachment(name);
      if (!data) {
        add('附件文件名', `找不到附件“${name}”，请与表格一并提供`);
        continue;
      }
      try {
        attachments.push(await checkItemAttachment(name, data));
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        add('附件文件名', Object.values(e.fields)[0] ?? e.message);
      }
    }
    out.push({ row, input, attachments });
  }
  if (problems.length) throw new ImportRefused(problems);
  return out;
}

/** Name-or-code lookups for the columns of the sheet that refer to the agency's data. */
async function lookupsOf(ctx: AppContext, agency: Agency) {
  const [columns, subjects, docNos] = await Promise.all([
    catalogStore.columns(ctx.db, agency.id),
    listSubjects(ctx.db),
    catalogStore.docNumbers(ctx.db, agency.id),
  ]);
  const byName = (list: readonly Column[], v: string) => {
    const matches = list.filter((c) => c.name === v);
    return matches.length === 1 ? matches[0] : undefined;
  };
  const subjectByKey = new Map<string, string>();
  const names = new Map(subjects.map((s) => [s.code, s.name]));
  for (const s of subjects) {
    subjectByKey.set(s.code, s.code);
    subjectByKey.set(s.name, s.code);
    const parent = s.parentCode ? names.get(s.parentCode) : undefined;
    if (parent) {
      subjectByKey.set(`${parent}\\${s.name}`, s.code);
      subjectByKey.set(`${parent}/${s.name}`, s.code);
    }
  }
  return {
    column: (v: string) => (v ? (columns.find((c) => c.code === v) ?? byName(columns, v)) : undefined),
    subject: (v: string) => (v ? subjectByKey.get(v) : undefined),
    fiveKind: (v: string) =>
      fiveKinds.find((k) => v === k || v === fiveKindLabel[k] || `${v}公开` === fiveKindLabel[k]),
    domain: (v: string) => basicDomains.find((d) => d.code === v || d.name === v)?.code,
    existingDocNos: new Set(docNos.map((d) => d.doc_no)),
  };
}

/** The template to fill in: the headers and one example row. */
export async function importTemplate(kind: 'xlsx' | 'csv'): Promise<Buffer> {
  return writeSheet(
    [
      [...importHeaders],
      [
        '关于做好2026年春季农村人居环境整治工作的通知',
        '部署春季村庄清洁行动',
        '',
        '2026-03-02',
        '仲政〔2026〕5号',
        '工作动态',
        '城乡建设、环境保护',
        '通知',
        '执行公开',
        '',
        '人居环境;村庄清洁',
        '',
        '有效',
        '',
        '',
        '各村（社区）：为做好春季村庄清洁行动，现将有关事项通知如下。',
        '通知全文.pdf',
      ],
    ],
    kind,
    '公开条目',
  );
}
