/**
 * The case page's action forms: one small form per action the user may take now, each posting to
 * /admin/requests/:id/act/:action. Field names carry the action as prefix so ids stay unique on the page.
 */
import type { ComponentChildren } from 'preact';
import { DEFAULT_OUTCOME_ROWS } from '../../statute/outcomes.js';
import { CsrfField, Field, fieldId, type Errors } from '../../web/views/forms.js';
import { DELIVERIES } from '../intake.js';
import { ORDERS } from './reopen-case.js';
import { REPLY_OUTCOMES } from '../reply-types.js';
import { PARTIES } from './start-consultation.js';
import { DELIVERY_METHODS } from '../notice-receipt.js';
import { TRANSITIONS, type CaseAction } from '../workflow.js';

type Props = { action: CaseAction; errors: Errors };
const n = (action: string, field: string) => `${action}.${field}`;

function Text(p: Props & { field: string; label: string; type?: string; hint?: string }) {
  return (
    <Field name={n(p.action, p.field)} label={p.label} errors={p.errors} hint={p.hint}>
      {(a) => <input {...a} type={p.type ?? 'text'} />}
    </Field>
  );
}
function Area(p: Props & { field: string; label: string }) {
  return (
    <Field name={n(p.action, p.field)} label={p.label} errors={p.errors}>
      {(a) => <textarea {...a} rows={3}></textarea>}
    </Field>
  );
}
function Select(p: Props & { field: string; label: string; options: Record<string, string> }) {
  return (
    <Field name={n(p.action, p.field)} label={p.label} errors={p.errors}>
      {(a) => (
        <select {...a}>
          <option value="">（请选择）</option>
          {Object.entries(p.options).map(([v, l]) => (
            <option value={v}>{l}</option>
          ))}
        </select>
      )}
    </Field>
  );
}
function Check(p: Props & { field: string; label: string }) {
  const id = fieldId(n(p.action, p.field));
  return (
    <p>
      <input type="checkbox" id={id} name={n(p.action, p.field)} /> <label for={id}>{p.label}</label>
    </p>
  );
}
/** The steps the law gives their own deadline (clock-steps.ts): a late one is kept only as 补录, with a reason. */
const TIMED_STEPS: readonly CaseAction[] = [
  'request_clarification',
  'start_consultation',
  'approve_extension',
  'delay_reply',
  'issue_fee_notice',
];
const LateReason = (p: Props) => (
  <Area
    {...p}
    field="lateReason"
    label="补录理由（仅当本步骤已超过法定时限、确已发生现予补录或更正时填写；补录后本案仍按逾期统计）"
  />
);
const On = (p: Props) => <Text {...p} field="on" label="日期（不填为今天）" type="date" />;

const OUTCOME_OPTIONS = Object.fromEntries(
  REPLY_OUTCOMES.map((o) => [o, `${DEFAULT_OUTCOME_ROWS[o].label}（${DEFAULT_OUTCOME_ROWS[o].basis}）`]),
);

const METHOD_OPTIONS: Record<string, string> = { ...DELIVERY_METHODS };

function fieldsOf(
  p: Props,
  openConsultations: Record<string, string>,
  notices: Record<string, string>,
): ComponentChildren {
  switch (p.action) {
    case 'request_clarification':
      return (
        <>
          <Area {...p} field="items" label="需要补正的事项（一次性告知）" />
          <Text {...p} field="deadline" label="补正期限" type="date" />
        </>
      );
    case 'receive_clarification':
      return <Area {...p} field="text" label="补正内容" />;
    case 'start_consultation':
      return (
        <>
          <Select {...p} field="party" label="征求意见对象" options={PARTIES} />
          <Text {...p} field="consulted" label="名称" />
        </>
      );
    case 'end_consultation':
      return (
        <>
          <Select {...p} field="ref" label="征求意见" options={openConsultations} />
          <Area {...p} field="opinion" label="意见内容" />
          <Check {...p} field="objects" label="第三方不同意公开（条例第三十二条）" />
        </>
      );
    case 'approve_extension':
      return (
        <>
          <Text {...p} field="days" label="延长工作日数（合计不超过 20）" type="number" />
          <Area {...p} field="reason" label="延期理由" />
        </>
      );
    case 'delay_reply':
      return (
        <>
          <Text {...p} field="replyBy" label="确定的答复日期" type="date" />
          <Area {...p} field="reason" label="理由" />
        </>
      );
    case 'issue_fee_notice':
      return (
        <>
          <Select
            {...p}
            field="method"
            label="计收方式"
            options={{ per_item: '按件计收', per_volume: '按量计收' }}
          />
          <Text {...p} field="pages" label="页数（按量计收时填写）" type="number" />
        </>
      );
    case 'record_payment':
      return <Text {...p} field="receiptNo" label="票据号" />;
    case 'draft_reply':
      return (
        <>
          <Select {...p} field="outcome" label="答复类型" options={OUTCOME_OPTIONS} />
          <Area {...p} field="text" label="答复正文" />
          <Area {...p} field="withheldParts" label="不予公开的部分及理由（部分公开时必填）" />
          <Area {...p} field="whereToFind" label="获取方式（已主动公开、公开出版物时必填）" />
          <Text {...p} field="responsibleAgency" label="负责公开的机关（非本机关负责公开时必填）" />
          <Text {...p} field="earlierReply" label="此前答复的文号和日期（重复申请时必填）" />
          <Text {...p} field="procedure" label="应当依照办理的程序（行政查询事项时必填）" />
          <Area
            {...p}
            field="reasonsRequested"
            label="要求申请人说明理由的日期、方式及其说明（数量、频次明显超过合理范围不予处理时必填，条例第三十五条）"
          />
          <Area
            {...p}
            field="publicInterest"
            label="第三方不同意公开但决定公开的理由（不公开可能对公共利益造成重大影响，条例第三十二条；仅此情形填写）"
          />
        </>
      );
    case 'review_reply':
      return (
        <>
          <Area {...p} field="comment" label="审核意见（退回时必填）" />
          <input type="hidden" name={n(p.action, 'decision')} value="approve" />
        </>
      );
    case 'return_draft':
      return (
        <>
          <Area {...p} field="comment" label="退回理由" />
          <input type="hidden" name={n(p.action, 'decision')} value="return" />
        </>
      );
    case 'send_reply':
      return (
        <>
          <Select {...p} field="method" label="送达方式" options={DELIVERIES} />
          <Text {...p} field="proof" label="送达凭证（邮件号、签收人等）" />
        </>
      );
    case 'archive':
      return <Text {...p} field="fileNo" label="档案号" />;
    case 'withdraw':
      return <Area {...p} field="note" label="撤回说明" />;
    case 'reopen':
      return (
        <>
          <Select {...p} field="order" label="决定类型" options={ORDERS} />
          <Text {...p} field="reference" label="决定书文号" />
        </>
      );
    case 'split':
      return <Area {...p} field="items" label="拆分后的各项申请（每行一项，第一项留在本案）" />;
    case 'record_delivery':
      return (
        <>
          <Select {...p} field="notice" label="送达的文书" options={notices} />
          <Select {...p} field="method" label="送达方式" options={METHOD_OPTIONS} />
          <Text
            {...p}
            field="receivedOn"
            label="申请人收到日期"
            type="date"
            hint="邮寄的填回执上的签收日期，当面送达的填交付日期，网上送达的填申请人查阅日期；不能早于发出日期，不能晚于今天。"
          />
          <Text {...p} field="proof" label="送达凭证（邮件号、签收人等，选填）" />
        </>
      );
    case 'accept':
    case 'close_unclarified':
    case 'close_unpaid':
      return null;
  }
}

export function ActionForm(props: {
  caseId: string;
  action: CaseAction;
  csrf: string;
  errors: Errors;
  openConsultations: Record<string, string>;
  /** Notices sent, for 登记送达. */
  notices?: Record<string, string>;
}) {
  const p = { action: props.action, errors: props.errors };
  return (
    <details open={Object.keys(props.errors).some((k) => k.startsWith(`${props.action}.`))}>
      <summary>{TRANSITIONS[props.action].label}</summary>
      <form method="post" action={`/admin/requests/${props.caseId}/act/${props.action}`} novalidate>
        <CsrfField token={props.csrf} />
        {fieldsOf(p, props.openConsultations, props.notices ?? {})}
        {props.action !== 'record_delivery' && <On {...p} />}
        {TIMED_STEPS.includes(props.action) && <LateReason {...p} />}
        <button type="submit">{TRANSITIONS[props.action].label}</button>
      </form>
    </details>
  );
}
