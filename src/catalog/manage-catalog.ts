/** Use cases: an agency's own columns, its index-number rule, and the platform's subject taxonomy. */
import { agenciesStore } from '../access/agencies.store.js';
import { can, isPlatformAdmin } from '../access/permissions.js';
import { type Actor } from '../platform/actor.js';
import type { AppContext } from '../platform/context.js';
import { forbidden, notFound, validationFailed } from '../platform/errors.js';
import { appendEvent } from '../platform/events.js';
import { newId } from '../platform/ids.js';
import { catalogStore } from './catalog.store.js';
import { isColumnCode } from './columns.js';
import { checkIndexTemplate, defaultIndexTemplate } from './items/index-number.js';
import { forgetColumnsCache } from './portal/portal-data.js';
import { ensureCatalog } from './setup-catalog.js';
import { subjectsStore } from './subjects.store.js';

export async function managed(ctx: AppContext, actor: Actor, agencyId: string) {
  const all = await agenciesStore.all(ctx.db);
  const agency = all.find((a) => a.id === agencyId);
  if (!agency) throw notFound('该机关');
  if (!can(actor, 'catalog.manage', agencyId, all)) throw forbidden('您无权管理该机关的公开目录。');
  await ensureCatalog(ctx.db, agency);
  return agency;
}

export async function addColumn(
  ctx: AppContext,
  actor: Actor,
  agencyId: string,
  input: { code: string; name: string; parentCode?: string },
): Promise<void> {
  await managed(ctx, actor, agencyId);
  const code = input.code.trim();
  const name = input.name.trim();
  const fields: Record<string, string> = {};
  if (!isColumnCode(code)) fields.code = '栏目代码应为小写字母、数字或连字符（最多 40 位）';
  else if (await catalogStore.columnByCode(ctx.db, agencyId, code)) fields.code = '该栏目代码已被使用';
  if (!name) fields.name = '请填写栏目名称';
  else if (name.length > 60) fields.name = '栏目名称不能超过 60 个字';
  const parent = input.parentCode
    ? await catalogStore.columnByCode(ctx.db, agencyId, input.parentCode)
    : undefined;
  if (input.parentCode && !parent) fields.parentCode = '上级栏目不存在';
  if (Object.keys(fields).length) throw validationFailed(fields);
  const id = newId();
  await ctx.db.transaction().execute(async (tx) => {
    await catalogStore.insertColumn(tx, {
      id,
      agencyId,
      parentId: parent?.id ?? null,
      code,
      name,
      kind: 'custom',
      articleItem: null,
      sortOrder: 1000,
    });
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId,
      entityType: 'catalog_column',
      entityId: id,
      action: 'catalog.column_added',
      data: { code, name },
    });
  });
  await forgetColumnsCache(ctx.db);
}

export async function renameColumn(
  ctx: AppContext,
  actor: Actor,
  columnId: string,
  name: string,
): Promise<void> {
  const column = await catalogStore.columnById(ctx.db, columnId);
  if (!column) throw notFound('该栏目');
  await managed(ctx, actor, column.agencyId);
  const n = name.trim();
  if (!n) throw validationFailed({ name: '请填写栏目名称' });
  if (n.length > 60) throw validationFailed({ name: '栏目名称不能超过 60 个字' });
  await ctx.db.transaction().execute(async (tx) => {
    await catalogStore.updateColumn(tx, columnId, n, column.sortOrder);
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: column.agencyId,
      entityType: 'catalog_column',
      entityId: columnId,
      action: 'catalog.column_renamed',
      data: { from: column.name, to: n },
    });
  });
  await forgetColumnsCache(ctx.db);
}

/** A new rule applies to numbers issued from now on; numbers already issued never change. */
export async function setIndexTemplate(
  ctx: AppContext,
  actor: Actor,
  agencyId: string,
  template: string,
): Promise<void> {
  await managed(ctx, actor, agencyId);
  const t = checkIndexTemplate(template);
  await ctx.db.transaction().execute(async (tx) => {
    await catalogStore.setIndexTemplate(tx, agencyId, t);
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId,
      entityType: 'agency',
      entityId: agencyId,
      action: 'catalog.index_rule_set',
      data: { template: t },
    });
  });
}

/** The agency's sensitive-word list (one per line or separated by commas); at most 500 words of 30 characters. */
export async function setSensitiveWords(
  ctx: AppContext,
  actor: Actor,
  agencyId: string,
  text: string,
): Promise<void> {
  await managed(ctx, actor, agencyId);
  const words = [
    ...new Set(
      text
        .split(/[\n,，、]+/)
        .map((w) => w.trim())
        .filter(Boolean),
    ),
  ];
  if (words.length > 500) throw validationFailed({ sensitiveWords: '敏感词不能超过 500 个' });
  const long = words.find((w) => w.length > 30);
  if (long) throw validationFailed({ sensitiveWords: `敏感词“${long.slice(0, 10)}…”超过 30 个字` });
  const template = (await catalogStore.indexTemplate(ctx.db, agencyId)) ?? defaultIndexTemplate;
  await ctx.db.transaction().execute(async (tx) => {
    await catalogStore.setSensitiveWords(tx, agencyId, words, template);
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId,
      entityType: 'agency',
      entityId: agencyId,
      action: 'catalog.sensitive_words_set',
      data: { count: words.length },
    });
  });
}

/** Review levels before publication (三审): 1 to 3; items under review keep the approvals they have. */
export async function setReviewLevels(
  ctx: AppContext,
  actor: Actor,
  agencyId: string,
  text: string,
): Promise<void> {
  await managed(ctx, actor, agencyId);
  const levels = Number(text);
  if (!Number.isInteger(levels) || levels < 1 || levels > 3)
    throw validationFailed({ reviewLevels: '审核级数应为 1、2 或 3' });
  const template = (await catalogStore.indexTemplate(ctx.db, agencyId)) ?? defaultIndexTemplate;
  await ctx.db.transaction().execute(async (tx) => {
    await catalogStore.setReviewLevels(tx, agencyId, levels, template);
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId,
      entityType: 'agency',
      entityId: agencyId,
      action: 'catalog.review_levels_set',
      data: { levels },
    });
  });
}

/** The subject taxonomy is platform data (provinces localise it): the platform admin adds entries. */
export async function addSubject(
  ctx: AppContext,
  actor: Actor,
  input: { parentCode: string; name: string },
): Promise<void> {
  if (!isPlatformAdmin(actor)) throw forbidden('只有平台管理员可以维护主题分类。');
  const name = input.name.trim();
  const fields: Record<string, string> = {};
  if (!name || name.length > 40) fields.name = '请填写主题分类名称（不超过 40 个字）';
  const parent = input.parentCode ? await subjectsStore.byCode(ctx.db, input.parentCode) : undefined;
  if (input.parentCode && (!parent || parent.parent_code)) fields.parentCode = '上级分类不存在或不是一级分类';
  if (Object.keys(fields).length) throw validationFailed(fields);
  const siblings = await subjectsStore.childCodes(ctx.db, parent ? parent.code : null);
  const code = parent
    ? `${parent.code}${String(siblings.length + 1).padStart(2, '0')}`
    : `${String(siblings.length + 1).padStart(2, '0')}x`;
  await ctx.db.transaction().execute(async (tx) => {
    await subjectsStore.insert(tx, {
      code,
      parent_code: parent?.code ?? null,
      name,
      sort_order: (parent?.sort_order ?? 9000) + siblings.length + 1,
    });
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: null,
      entityType: 'catalog_subject',
      entityId: code,
      action: 'catalog.subject_added',
      data: { name },
    });
  });
}
