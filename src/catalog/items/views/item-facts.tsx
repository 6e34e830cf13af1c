/**
 * The facts of an item that the system records (state, index number, publication date, the Art. 26 span,
 * validity) and the link to its portal page: shown on the editor's page and on the supervisor's read-only one.
 */
import type { ComponentChildren } from 'preact';
import type { Agency } from '../../../access/agency.js';
import { itemStatusLabel, validityLabel, type Item } from '../item.js';

export function ItemFacts(props: { item: Item; agency: Agency; children?: ComponentChildren }) {
  const { item, agency } = props;
  return (
    <>
      <dl class="meta">
        {props.children}
        <dt>状态</dt>
        <dd>{itemStatusLabel[item.status]}</dd>
        <dt>索引号</dt>
        <dd>{item.indexNo ?? '（发布时由系统生成）'}</dd>
        <dt>发布日期</dt>
        <dd>{item.publishedOn ?? '（发布时由系统记录）'}</dd>
        {item.spanWorkdays !== null && (
          <>
            <dt>成文至发布（条例第二十六条）</dt>
            <dd>
              {item.spanWorkdays} 个工作日{item.late && <strong class="tag error">超过20个工作日</strong>}
            </dd>
          </>
        )}
        <dt>有效性</dt>
        <dd>{validityLabel[item.validity]}</dd>
      </dl>
      {item.status === 'published' && (
        <p>
          <a href={`/${agency.pathSegment}/xxgk/items/${item.id}`}>查看门户页面</a>
        </p>
      )}
    </>
  );
}
