/** The admin item form (GOV.UK error-summary pattern): the metadata an editor types, never the publication date. */
import { CsrfField, ErrorSummary, Field, TextField, type Errors } from '../../../web/views/forms.js';
import type { Column } from '../../catalog.store.js';
import { basicDomains } from '../../data/basic-domains.js';
import { fiveKindLabel, fiveKinds, genres, type Item } from '../item.js';
import type { Subject } from '../../setup-catalog.js';
import type { StandardEntry } from '../../standard/standard-catalog.js';

export type Form = Record<string, string | undefined>;

export const itemToForm = (i: Item): Form => ({
  columnId: i.columnId,
  title: i.title,
  summary: i.summary,
  issuer: i.issuer,
  writtenOn: i.writtenOn ?? '',
  docNo: i.docNo,
  subjectCode: i.subjectCode ?? '',
  genre: i.genre,
  fiveKind: i.fiveKind ?? '',
  keyDomain: i.keyDomain ?? '',
  keywords: i.keywords,
  source: i.source,
  bodyHtml: i.bodyHtml,
  normative: i.normative ? 'on' : '',
  interpretsId: i.interpretsId ?? '',
  interpretationExemption: i.interpretationExemption,
  effectiveOn: i.effectiveOn ?? '',
  expiresOn: i.expiresOn ?? '',
  standardEntryId: i.standardEntryId ?? '',
});

/** Flat form fields → the use case's input. */
export const formToInput = (f: Form) => ({ ...f, normative: f.normative === 'on' });

function Select(props: {
  name: string;
  label: string;
  value?: string;
  errors: Errors;
  options: Array<[string, string]>;
  hint?: string;
}) {
  return (
    <Field name={props.name} label={props.label} errors={props.errors} hint={props.hint}>
      {(a) => (
        <select {...a}>
          {props.options.map(([v, l]) => (
            <option value={v} selected={props.value === v}>
              {l}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function TextArea(props: {
  name: string;
  label: string;
  value?: string;
  errors: Errors;
  rows?: number;
  hint?: string;
}) {
  return (
    <Field name={props.name} label={props.label} errors={props.errors} hint={props.hint}>
      {(a) => (
        <textarea {...a} rows={props.rows ?? 4}>
          {props.value ?? ''}
        </textarea>
      )}
    </Field>
  );
}

/** 主题分类, 体裁, 五公开, 重点领域, and the standard-catalog entry the item fulfils (once the agency adopted it). */
function ClassificationFields(props: {
  values: Form;
  errors: Errors;
  subjects: Subject[];
  entries: StandardEntry[];
}) {
  const v = props.values;
  const e = props.errors;
  return (
    <>
      <Select
        name="subjectCode"
        label="主题分类"
        value={v.subjectCode}
        errors={e}
        options={[
          ['', '（无）'],
          ...props.subjects.map((s): [string, string] => [s.code, s.parentCode ? `　${s.name}` : s.name]),
        ]}
      />
      <Select
        name="genre"
        label="体裁分类"
        value={v.genre}
        errors={e}
        options={[['', '（无）'], ...genres.map((g): [string, string] => [g, g])]}
      />
      <Select
        name="fiveKind"
        label="五公开类别"
        value={v.fiveKind}
        errors={e}
        options={[['', '（不适用）'], ...fiveKinds.map((k): [string, string] => [k, fiveKindLabel[k]])]}
      />
      <Select
        name="keyDomain"
        label="重点领域（基层政务公开标准目录）"
        value={v.keyDomain}
        errors={e}
        options={[['', '（不适用）'], ...basicDomains.map((d): [string, string] => [d.code, d.name])]}
      />
      {props.entries.length > 0 && (
        <Select
          name="standardEntryId"
          label="对应的基层政务公开标准目录事项"
          value={v.standardEntryId}
          errors={e}
          options={[
            ['', '（无）'],
            ...props.entries.map((x): [string, string] => [x.id, `${x.level1} › ${x.level2}`]),
          ]}
        />
      )}
    </>
  );
}

/** A normative document's dates and interpretation (三同步), or the document this item interprets. */
function NormativeFields(props: { values: Form; errors: Errors; documents: Item[] }) {
  const v = props.values;
  const e = props.errors;
  return (
    <>
      <div class="field">
        <input type="checkbox" id="f-normative" name="normative" checked={v.normative === 'on'} />{' '}
        <label for="f-normative" class="inline-label">
          登记为规范性文件
        </label>
      </div>
      <TextField
        name="effectiveOn"
        label="施行日期（规范性文件）"
        value={v.effectiveOn}
        errors={e}
        type="date"
      />
      <TextField name="expiresOn" label="有效期至（规范性文件）" value={v.expiresOn} errors={e} type="date" />
      <TextField
        name="interpretationExemption"
        label="不解读理由（规范性文件无政策解读时必填）"
        value={v.interpretationExemption}
        errors={e}
      />
      <Select
        name="interpretsId"
        label="本条是对以下文件的政策解读"
        value={v.interpretsId}
        errors={e}
        options={[['', '（不是政策解读）'], ...props.documents.map((d): [string, string] => [d.id, d.title])]}
      />
    </>
  );
}

export function ItemForm(props: {
  action: string;
  csrf: string;
  values: Form;
  errors: Errors;
  message?: string;
  columns: Column[];
  subjects: Subject[];
  documents: Item[];
  entries: StandardEntry[];
  withAttachment?: boolean;
  submitLabel: string;
  extra?: preact.ComponentChildren;
}) {
  const v = props.values;
  const e = props.errors;
  const byId = new Map(props.columns.map((c) => [c.id, c]));
  const colLabel = (c: Column) => (c.parentId ? `${byId.get(c.parentId)?.name ?? ''} › ${c.name}` : c.name);
  return (
    <>
      <ErrorSummary errors={e} message={props.message} />
      <form
        method="post"
        action={props.action}
        novalidate
        enctype={props.withAttachment ? 'multipart/form-data' : undefined}
      >
        <CsrfField token={props.csrf} />
        <Select
          name="columnId"
          label="所属栏目"
          value={v.columnId}
          errors={e}
          options={[
            ['', '请选择'],
            ...props.columns
              .filter((c) => c.kind !== 'guide')
              .map((c): [string, string] => [c.id, colLabel(c)]),
          ]}
        />
        <TextField name="title" label="标题（信息名称）" value={v.title} errors={e} />
        <TextArea
          name="summary"
          label="内容概述"
          value={v.summary}
          errors={e}
          rows={3}
          hint="条例第十二条要求的目录要素，100 字左右"
        />
        <TextField name="issuer" label="发布机构" value={v.issuer} errors={e} hint="留空则为本机关全称" />
        <TextField
          name="writtenOn"
          label="成文日期"
          value={v.writtenOn}
          errors={e}
          type="date"
          hint="格式如 2026-03-01；发布日期由系统在发布时记录"
        />
        <TextField
          name="docNo"
          label="文号"
          value={v.docNo}
          errors={e}
          hint="年份使用六角括号，如 仲政〔2026〕1号"
        />
        <ClassificationFields values={v} errors={e} subjects={props.subjects} entries={props.entries} />
        <TextField name="keywords" label="关键词" value={v.keywords} errors={e} />
        <TextField name="source" label="信息来源" value={v.source} errors={e} />
        <TextArea
          name="bodyHtml"
          label="正文"
          value={v.bodyHtml}
          errors={e}
          rows={12}
          hint="可使用段落、标题、列表、表格和链接；脚本和样式会被清除"
        />
        <NormativeFields values={v} errors={e} documents={props.documents} />
        {props.withAttachment && (
          <Field
            name="attachment"
            label="附件（可选）"
            errors={e}
            hint="PDF、Word、Excel、图片或文本文件，不超过 20 MB"
          >
            {(a) => <input {...a} type="file" />}
          </Field>
        )}
        {props.extra}
        <button type="submit">{props.submitLabel}</button>
      </form>
    </>
  );
}
