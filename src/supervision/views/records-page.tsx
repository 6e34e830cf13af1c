/** The records behind one of an agency's figures, each linking to its own admin page. */
import type { Alarm } from '../dashboard.js';
import type { LateItem, LateRequest } from '../dashboard-records.store.js';
import { outcomeGroupOf } from '../outcome-groups.js';
import { DEFAULT_OUTCOME_ROWS, type Outcome } from '../../statute/outcomes.js';
import { AlarmTable } from './dashboard-parts.js';

export const recordKinds = {
  'late-items': '超过20个工作日发布的主动公开条目',
  'late-requests': '逾期办结或超期未办结的政府信息公开申请',
  'overdue-messages': '超期未答复的留言',
} as const;
export type RecordKind = keyof typeof recordKinds;

export type Records =
  | { kind: 'late-items'; rows: LateItem[] }
  | { kind: 'late-requests'; rows: LateRequest[] }
  | { kind: 'overdue-messages'; rows: Alarm[] };

const outcomeLabel = (o: string | null) =>
  o === null ? '办理中' : (DEFAULT_OUTCOME_ROWS[o as Outcome]?.label ?? outcomeGroupOf(o)?.label ?? o);

export function RecordsPage(p: {
  agencyId: string;
  name: string;
  year: number;
  records: Records;
  limit: number;
}) {
  const back = `/admin/supervision/agencies/${p.agencyId}?year=${p.year}`;
  const r = p.records;
  return (
    <>
      <h1>
        {p.name}：{p.year}年{recordKinds[r.kind]}
      </h1>
      <p>
        <a href={back}>返回本单位监督数据</a>　
        <a href={`/admin/supervision?year=${p.year}`}>返回所辖单位总览</a>
      </p>
      {r.rows.length >= p.limit && <p class="notice">只列出前 {p.limit} 条。</p>}
      {r.kind === 'late-items' &&
        (r.rows.length === 0 ? (
          <p>没有超期发布的条目。</p>
        ) : (
          <table>
            <caption>按发布日期倒序；期限为成文日期后20个工作日（条例第二十六条）</caption>
            <thead>
              <tr>
                <th scope="col">索引号</th>
                <th scope="col">标题</th>
                <th scope="col">成文日期</th>
                <th scope="col">发布日期</th>
                <th scope="col" class="num">
                  用时（工作日）
                </th>
              </tr>
            </thead>
            <tbody>
              {r.rows.map((i) => (
                <tr>
                  <td>{i.indexNo ?? '—'}</td>
                  <td>
                    <a href={`/admin/catalog/items/${i.id}`}>{i.title}</a>
                  </td>
                  <td>{i.writtenOn ?? '—'}</td>
                  <td>{i.publishedOn}</td>
                  <td class="num">{i.spanWorkdays ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {r.kind === 'late-requests' &&
        (r.rows.length === 0 ? (
          <p>没有逾期或超期的申请。</p>
        ) : (
          <table>
            <caption>按收到日期排序</caption>
            <thead>
              <tr>
                <th scope="col">登记号</th>
                <th scope="col">申请内容</th>
                <th scope="col">收到日期</th>
                <th scope="col">答复期限</th>
                <th scope="col">办理结果</th>
                <th scope="col">办结日期</th>
              </tr>
            </thead>
            <tbody>
              {r.rows.map((c) => (
                <tr>
                  <td>
                    <a href={`/admin/requests/${c.id}`}>
                      〔{c.year}〕{c.regNo}号
                    </a>
                  </td>
                  <td>{c.title}</td>
                  <td>{c.receivedOn}</td>
                  <td>{c.dueOn ?? '—'}</td>
                  <td>{c.open ? <span class="tag overdue">超期未办结</span> : outcomeLabel(c.outcome)}</td>
                  <td>{c.outcomeOn ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {r.kind === 'overdue-messages' && <AlarmTable alarms={r.rows} name={() => p.name} />}
    </>
  );
}
