/**
 * The day each notice counts as received (notice-receipt.ts), for the case page, and the reply's receipt
 * sentence for the status page: the recorded day, or the presumption used until one is recorded.
 */
import { formatDateZh } from '../../calendar/dates.js';
import { DELIVERABLE_NOTICES, DELIVERY_METHODS, type NoticeReceipt } from '../notice-receipt.js';

/** 「2025年10月10日（按推定送达日计算：…）」 or 「2025年10月9日（已登记申请人收到之日，邮寄）」. */
export function receiptText(r: NoticeReceipt): string {
  const day = formatDateZh(r.day, false);
  return r.presumed ? `${day}（按推定送达日计算：${r.basis}）` : `${day}（${r.basis}）`;
}

/** The case page's table of notices sent and their receipt. */
export function NoticeReceipts(props: { receipts: readonly NoticeReceipt[] }) {
  if (props.receipts.length === 0) return <p>尚未向申请人发出文书。</p>;
  return (
    <table>
      <caption>文书送达（申请人收到之日起算的期限以此为准）</caption>
      <thead>
        <tr>
          <th scope="col">文书</th>
          <th scope="col">发出日期</th>
          <th scope="col">送达方式</th>
          <th scope="col">申请人收到日期</th>
        </tr>
      </thead>
      <tbody>
        {props.receipts.map((r) => (
          <tr>
            <td>{DELIVERABLE_NOTICES[r.notice]}</td>
            <td>{formatDateZh(r.sentOn, false)}</td>
            <td>{r.method ? DELIVERY_METHODS[r.method] : '未登记'}</td>
            <td>
              {formatDateZh(r.day, false)}{' '}
              {r.presumed ? <span class="tag due-soon">推定</span> : <span class="tag">已确定</span>}
              <br />
              {r.basis}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The case history's line for a recorded delivery. */
export function deliveryEventText(data: Record<string, unknown>): string {
  const notice = DELIVERABLE_NOTICES[data.notice as keyof typeof DELIVERABLE_NOTICES] ?? '文书';
  const method = DELIVERY_METHODS[data.method as keyof typeof DELIVERY_METHODS] ?? '';
  const day = typeof data.receivedOn === 'string' ? formatDateZh(data.receivedOn, false) : '';
  return `登记送达：${notice}${method ? `（${method}）` : ''}，申请人于${day}收到`;
}
