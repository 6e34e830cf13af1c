/**
 * An item's admin page as a supervisor reads it (`records.view`): the facts behind the dashboard's figures —
 * state, dates, the Art. 26 span — and nothing to act with.
 */
import type { Agency } from '../../agencies/agency.js';
import type { AttachmentMeta } from '../catalog.store.js';
import { itemStatusLabel, validityLabel, type Item } from '../item.js';

export function ItemReadOnly(props: { item: Item; agency: Agency; files: AttachmentMeta[] }) {
  const { item, agency, files } = props;
  return (
    <>
      <h1>{item.title}</h1>
      <p class="notice" role="status">
        只读查看：主管部门可查看下级机关的公开条目，不能编辑、审核或发布。
      </p>
      <dl class="meta">
        <dt>发布机关</dt>
        <dd>{agency.name}</dd>
        <dt>状态</dt>
        <dd>{itemStatusLabel[item.status]}</dd>
        <dt>索引号</dt>
        <dd>{item.indexNo ?? '（尚未发布）'}</dd>
        <dt>文号</dt>
        <dd>{item.docNo || '—'}</dd>
        <dt>成文日期</dt>
        <dd>{item.writtenOn ?? '—'}</dd>
        <dt>发布日期</dt>
        <dd>{item.publishedOn ?? '（尚未发布）'}</dd>
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
      <h2>附件</h2>
      {files.length === 0 ? (
        <p>无附件。</p>
      ) : (
        <ul>
          {files.map((a) => (
            <li>
              {a.fileName}（{Math.ceil(a.size / 1024)} KB）
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
