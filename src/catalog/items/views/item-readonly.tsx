/**
 * An item's admin page as a supervisor reads it (`records.view`): the facts behind the dashboard's figures —
 * state, dates, the Art. 26 span — and nothing to act with.
 */
import type { Agency } from '../../../access/agency.js';
import type { AttachmentMeta } from '../../catalog.store.js';
import type { Item } from '../item.js';
import { ItemFacts } from './item-facts.js';

export function ItemReadOnly(props: { item: Item; agency: Agency; files: AttachmentMeta[] }) {
  const { item, agency, files } = props;
  return (
    <>
      <h1>{item.title}</h1>
      <p class="notice" role="status">
        只读查看：主管部门可查看下级机关的公开条目，不能编辑、审核或发布。
      </p>
      <ItemFacts item={item} agency={agency}>
        <dt>发布机关</dt>
        <dd>{agency.name}</dd>
        <dt>文号</dt>
        <dd>{item.docNo || '—'}</dd>
        <dt>成文日期</dt>
        <dd>{item.writtenOn ?? '—'}</dd>
      </ItemFacts>
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
