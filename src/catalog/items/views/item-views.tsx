/** Public views of the catalog: item lists with paging, the item page's metadata table (spec §6.3). */
import type { Agency } from '../../../access/agency.js';
import { basicDomainName } from '../../data/basic-domains.js';
import { fiveKindLabel, validityLabel, type Item } from '../item.js';
import type { AttachmentMeta, Column } from '../../catalog.store.js';

export const itemHref = (agency: Agency, item: Pick<Item, 'id'>) =>
  `/${agency.pathSegment}/xxgk/items/${item.id}`;
export const columnHref = (agency: Agency, code: string) => `/${agency.pathSegment}/xxgk/columns/${code}`;

/**
 * A list of items; `agencies` resolves items of other agencies (a county's lists hold its townships' items),
 * which link to their own site and carry the agency's name.
 */
export function ItemList({
  agency,
  items,
  agencies,
}: {
  agency: Agency;
  items: Item[];
  agencies?: ReadonlyMap<string, Agency>;
}) {
  if (!items.length) return <p>暂无信息。</p>;
  return (
    <ul class="item-list">
      {items.map((i) => {
        const owner = (i.agencyId !== agency.id && agencies?.get(i.agencyId)) || agency;
        return (
          <li>
            {owner !== agency && <span class="tag">{owner.shortName}</span>}{' '}
            <a href={itemHref(owner, i)}>{i.title}</a> {i.repostOf && <span class="tag">转载</span>}{' '}
            {i.validity !== 'in_force' && <span class="tag error">{validityLabel[i.validity]}</span>}{' '}
            <time datetime={i.publishedOn ?? ''}>{i.publishedOn}</time>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Pager of a keyset-paged list: neighbours are linked by cursor (the first page by the bare address, which
 * caches best); the page number is only shown.
 */
export function CursorPager(props: {
  base: string;
  page: number;
  /** Undefined when the list is longer than its count goes (portal-data.ts COUNT_CAP). */
  pages: number | undefined;
  older?: string;
  newer?: string;
}) {
  const { base, page, pages } = props;
  if (pages !== undefined && pages <= 1) return null;
  const q = (dir: 'after' | 'before', c: string, p: number) =>
    p <= 1 ? base : `${base}?${dir}=${encodeURIComponent(c)}&page=${p}`;
  return (
    <nav class="pager" aria-label="分页">
      {page > 2 && <a href={base}>首页</a>}{' '}
      {props.newer && <a href={q('before', props.newer, page - 1)}>上一页</a>}{' '}
      <span>
        第 {page} 页{pages !== undefined && `，共 ${pages} 页`}
      </span>{' '}
      {props.older && <a href={q('after', props.older, page + 1)}>下一页</a>}
    </nav>
  );
}

const size = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;

export function ItemPage(props: {
  agency: Agency;
  item: Item;
  column: Column | undefined;
  subject: string | undefined;
  attachments: AttachmentMeta[];
  document: Item | undefined;
  interpretations: Item[];
  revisions: Array<{ revision: number; at: string; note: string }>;
  /** 统一登记号 of a registered normative document. */
  registrationNo?: string;
}) {
  const { agency, item: i } = props;
  const rows: Array<[string, string | null | undefined]> = [
    ['索引号', i.indexNo],
    ['主题分类', props.subject],
    ['发布机构', i.issuer],
    ['成文日期', i.writtenOn],
    ['发布日期', i.publishedOn],
    ['文号', i.docNo],
    ['统一登记号', props.registrationNo],
    ['公开目录', props.column?.name],
    ['体裁分类', i.genre],
    ['五公开类别', i.fiveKind ? fiveKindLabel[i.fiveKind] : ''],
    ['重点领域', i.keyDomain ? basicDomainName.get(i.keyDomain) : ''],
    ['有效性', validityLabel[i.validity]],
    ['施行日期', i.effectiveOn],
    ['有效期至', i.expiresOn],
    ['关键词', i.keywords],
    ['信息来源', i.source],
    ['内容概述', i.summary],
  ];
  return (
    <article>
      {i.validity !== 'in_force' && (
        <p class="warning" role="note">
          <strong>
            本文件已于 {i.repealedOn} {validityLabel[i.validity]}
          </strong>
          {i.validityNote && `：${i.validityNote}`}
        </p>
      )}
      <h1>{i.title}</h1>
      <table class="item-meta">
        <caption class="visually-hidden">信息元数据</caption>
        <tbody>
          {rows
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <tr>
                <th scope="row">{k}</th>
                <td>{v}</td>
              </tr>
            ))}
        </tbody>
      </table>
      {props.document && (
        <p class="notice">
          本文是对<a href={itemHref(agency, props.document)}>《{props.document.title}》</a>的政策解读。
        </p>
      )}
      {props.interpretations.length > 0 && (
        <p class="notice">
          政策解读：
          {props.interpretations.map((x) => (
            <a href={itemHref(agency, x)}>{x.title}</a>
          ))}
        </p>
      )}
      {/* The body was sanitised on input (sanitize.ts); metadata above is escaped by the renderer. */}
      <div class="item-body" dangerouslySetInnerHTML={{ __html: i.bodyHtml }} />
      {props.attachments.length > 0 && (
        <>
          <h2>附件</h2>
          <ul>
            {props.attachments.map((a) => (
              <li>
                <a href={`/${agency.pathSegment}/xxgk/attachments/${a.id}`}>{a.fileName}</a>（{size(a.size)}）
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={`/${agency.pathSegment}/pingyi/items/${i.id}`}>评价这条信息</a>
      </p>
      {props.revisions.length > 1 && (
        <>
          <h2>修订记录</h2>
          <ul>
            {props.revisions.map((r) => (
              <li>
                第 {r.revision} 版，{r.at.slice(0, 10)}：{r.note}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
