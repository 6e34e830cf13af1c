/** The search form and result list, shared by the public search and the admin search. No JavaScript. */
import { fiveKindLabel, validityLabel } from '../../catalog/items/item.js';
import type { FieldErrors } from '../../platform/errors.js';
import { ErrorSummary, fieldId } from '../../web/views/forms.js';
import { disclosureKinds, validities, type SearchHit, type SearchResult } from '../search-index.js';
import { searchHref, type SearchParams } from '../search-params.js';

interface HitView {
  hit: SearchHit;
  href: string;
  agencyName: string;
}

function Select(props: {
  name: string;
  label: string;
  value: string;
  options: Array<[string, string]>;
  errors: FieldErrors;
}) {
  const id = fieldId(props.name);
  const error = props.errors[props.name];
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <select id={id} name={props.name} aria-describedby={error ? `${id}-error` : undefined}>
        {props.options.map(([v, l]) => (
          <option value={v} selected={v === props.value}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

export function SearchForm(props: {
  action: string;
  params: SearchParams;
  errors: FieldErrors;
  years: number[];
}) {
  const p = props.params;
  const qId = fieldId('q');
  const qError = props.errors.q;
  return (
    <form method="get" action={props.action} role="search" aria-label="检索政府信息" class="search-form">
      {p.agency && <input type="hidden" name="agency" value={p.agency} />}
      <div class="field">
        <label for={qId}>检索词、文号或索引号</label>
        <p class="hint" id={`${qId}-hint`}>
          至少两个字；多个词用空格分开，结果须包含全部的词。文号可按任意括号输入，如 仲政[2025]3号。
        </p>
        {qError && (
          <p class="field-error" id={`${qId}-error`}>
            {qError}
          </p>
        )}
        <input
          id={qId}
          name="q"
          type="search"
          value={p.q}
          maxLength={100}
          aria-describedby={`${qId}-hint${qError ? ` ${qId}-error` : ''}`}
          aria-invalid={qError ? 'true' : undefined}
        />
      </div>
      <Select
        name="sort"
        label="排序"
        value={p.sort}
        errors={props.errors}
        options={[
          ['relevance', '按相关度'],
          ['date', '按发布日期（新的在前）'],
        ]}
      />
      <Select
        name="year"
        label="发布年份"
        value={p.year ? String(p.year) : ''}
        errors={props.errors}
        options={[['', '不限'], ...props.years.map((y): [string, string] => [String(y), `${y}年`])]}
      />
      <Select
        name="kind"
        label="五公开类别"
        value={p.kind ?? ''}
        errors={props.errors}
        options={[['', '不限'], ...disclosureKinds.map((k): [string, string] => [k, fiveKindLabel[k]])]}
      />
      <Select
        name="validity"
        label="有效性"
        value={p.validity ?? ''}
        errors={props.errors}
        options={[['', '不限'], ...validities.map((v): [string, string] => [v, validityLabel[v]])]}
      />
      <button type="submit">检索</button>
    </form>
  );
}

export function SearchResults(props: {
  base: string;
  params: SearchParams;
  result: SearchResult;
  hits: HitView[];
  showStatus?: boolean;
}) {
  const { result, params } = props;
  const first = (result.page - 1) * result.pageSize + 1;
  const hasNext =
    result.hits.length === result.pageSize &&
    (!result.totalIsExact || result.page * result.pageSize < result.total);
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">
        {result.total === 0
          ? `没有找到包含“${params.q}”的信息`
          : `找到${result.totalIsExact ? '' : '超过'} ${result.total} 条结果`}
      </h2>
      {result.total === 0 && (
        <p>请检查错别字，或换用较短、较常见的词；文号可只输入其中一部分，如“〔2025〕3号”。</p>
      )}
      <ol class="search-results" start={first}>
        {props.hits.map(({ hit, href, agencyName }) => (
          <li>
            <h3>
              <a href={href}>{hit.title}</a>
            </h3>
            <p class="meta">
              {hit.exact && <strong class="tag">文号或索引号完全相符</strong>} {agencyName}
              {hit.docNo && `　${hit.docNo}`}　发布日期：{hit.publishedOn}
              {hit.validity && `　${validityLabel[hit.validity]}`}
              {props.showStatus && hit.status === 'draft' && <span class="tag">未公开</span>}
            </p>
            {hit.snippet.length > 0 && (
              <p class="snippet">
                {hit.snippet.map((part) => (part.hit ? <mark>{part.text}</mark> : part.text))}
              </p>
            )}
          </li>
        ))}
      </ol>
      {(result.page > 1 || hasNext) && (
        <nav class="pager" aria-label="分页">
          {result.page > 1 && <a href={searchHref(props.base, params, { page: result.page - 1 })}>上一页</a>}
          <span>第 {result.page} 页</span>
          {hasNext && <a href={searchHref(props.base, params, { page: result.page + 1 })}>下一页</a>}
        </nav>
      )}
      <p>
        {params.sort === 'relevance' ? (
          <a href={searchHref(props.base, params, { sort: 'date', page: 1 })}>改为按发布日期排序</a>
        ) : (
          <a href={searchHref(props.base, params, { sort: 'relevance', page: 1 })}>改为按相关度排序</a>
        )}
      </p>
    </section>
  );
}

export function SearchErrors({ errors }: { errors: FieldErrors }) {
  if (!Object.keys(errors).length) return null;
  return <ErrorSummary errors={errors} message="检索条件有误，请按提示修改" />;
}
