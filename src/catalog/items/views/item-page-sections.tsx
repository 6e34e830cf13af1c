/**
 * The parts of an item's admin page where staff act on it: its attachments, the review (三审) with the
 * pre-publication checks to confirm, and what a published item may still undergo (repeal, withdrawal).
 */
import { CsrfField, ErrorSummary, Field, TextField, type Errors } from '../../../web/views/forms.js';
import type { AttachmentMeta } from '../../catalog.store.js';
import type { Item } from '../item.js';
import type { CheckFinding } from '../prepublication.js';

/** The attachments with their remove buttons, and the upload form while the item is not yet published. */
export function ItemAttachments(props: {
  item: Item;
  attachments: AttachmentMeta[];
  base: string;
  csrf: string;
  errors: Errors;
}) {
  const { item, attachments, base, errors } = props;
  const csrf = <CsrfField token={props.csrf} />;
  return (
    <>
      <h2>附件</h2>
      {attachments.length === 0 ? (
        <p>无附件。</p>
      ) : (
        <ul>
          {attachments.map((a) => (
            <li>
              {a.fileName}（{Math.ceil(a.size / 1024)} KB）
              {item.status !== 'withdrawn' && (
                <form method="post" action={`${base}/attachments/${a.id}/remove`} class="inline">
                  {csrf}
                  <button type="submit" class="link-button">
                    删除附件“{a.fileName}”
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {(item.status === 'draft' || item.status === 'submitted') && (
        <form method="post" action={`${base}/attachments`} enctype="multipart/form-data">
          {csrf}
          <Field
            name="attachment"
            label="添加附件"
            errors={errors}
            hint="PDF、Word、Excel、图片或文本文件，不超过 20 MB"
          >
            {(a) => <input {...a} type="file" />}
          </Field>
          <button type="submit" class="secondary">
            上传附件
          </button>
        </form>
      )}
    </>
  );
}

/**
 * Review of a submitted item: below the last level a reviewer approves, the last level publishes (三审);
 * findings that do not block are confirmed one by one, and the reviewer may return the item instead.
 */
export function ItemReview(props: {
  item: Item;
  levels: number;
  findings: CheckFinding[];
  base: string;
  csrf: string;
  errors: Errors;
  /** The refusal to show above the checks, when it is about the review rather than the edit form. */
  message?: string;
}) {
  const { item, levels, findings, base, errors } = props;
  const finalLevel = item.approvals.length >= levels - 1;
  const step = finalLevel ? 'publish' : 'approve';
  const levelText = `第 ${item.approvals.length + 1} 级审核（共 ${levels} 级）`;
  const csrf = <CsrfField token={props.csrf} />;
  const noticeField = (
    <TextField
      name="noticeEndsOn"
      label="公示截止日期（选填）"
      type="date"
      hint="公示类信息到期后自动撤下，并在修订记录中标注“公示期满”；不能早于发布日期。"
      errors={errors}
    />
  );
  return (
    <section aria-labelledby="review-title">
      <h2 id="review-title">审核发布（保密审查）</h2>
      {levels > 1 && (
        <p>
          {levelText}
          {item.approvals.length > 0 &&
            `；已通过：${item.approvals.map((a) => `${a.label}（${a.at.slice(0, 10)}）`).join('、')}`}
        </p>
      )}
      <ErrorSummary
        errors={errors.noticeEndsOn ? { noticeEndsOn: errors.noticeEndsOn } : {}}
        message={props.message}
      />
      {findings.length === 0 ? (
        <p>发布前检查未发现问题。</p>
      ) : (
        <form method="post" action={`${base}/${step}`}>
          {csrf}
          <fieldset>
            <legend>发布前检查</legend>
            <ul class="checks">
              {findings.map((f, n) => (
                <li class={f.blocking ? 'warning' : 'notice'}>
                  {f.blocking ? (
                    <p>
                      <strong>须修改：</strong>
                      {f.message}
                    </p>
                  ) : (
                    <p>
                      <input type="checkbox" id={`ack-${n}`} name="acknowledge" value={f.code} />{' '}
                      <label for={`ack-${n}`} class="inline-label">
                        我已核实：{f.message}
                      </label>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </fieldset>
          {finalLevel && noticeField}
          <button type="submit">{finalLevel ? '确认并发布' : `确认并通过${levelText}`}</button>
        </form>
      )}
      {findings.length === 0 && (
        <form method="post" action={`${base}/${step}`}>
          {csrf}
          {finalLevel && noticeField}
          <button type="submit">{finalLevel ? '发布' : `通过${levelText}`}</button>
        </form>
      )}
      <form method="post" action={`${base}/return`}>
        {csrf}
        <TextField name="reason" label="退回理由" errors={errors} />
        <button type="submit" class="secondary">
          退回修改
        </button>
      </form>
    </section>
  );
}

/** Marking a published item repealed or expired (while in force), and withdrawing it. */
export function PublishedItemEnds(props: { item: Item; base: string; csrf: string; errors: Errors }) {
  const { item, base, errors } = props;
  const csrf = <CsrfField token={props.csrf} />;
  return (
    <>
      {item.validity === 'in_force' && (
        <form method="post" action={`${base}/repeal`}>
          {csrf}
          <h2>标注废止或失效</h2>
          <Field name="validity" label="有效性" errors={errors}>
            {(a) => (
              <select {...a}>
                <option value="repealed">废止</option>
                <option value="expired">失效</option>
              </select>
            )}
          </Field>
          <TextField name="on" label="废止或失效日期" type="date" errors={errors} />
          <TextField name="validityNote" label="说明（如被哪个文件替代）" errors={errors} />
          <button type="submit" class="secondary">
            标注并在原文页面显示
          </button>
        </form>
      )}
      <form method="post" action={`${base}/withdraw`}>
        {csrf}
        <h2>撤回</h2>
        <TextField name="reason" label="撤回理由" errors={errors} />
        <button type="submit" class="secondary">
          撤回该信息
        </button>
      </form>
    </>
  );
}
