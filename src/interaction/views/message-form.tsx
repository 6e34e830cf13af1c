/** The public message form: works without JavaScript, one error summary, a honeypot field hidden from people. */
import { CsrfField, ErrorSummary, Field, fieldId, TextField, type Errors } from '../../web/views/forms.js';
import { messageKindLabel, messageKinds } from '../message.js';

export type FormValues = Record<string, string | undefined>;

export function Radios(props: {
  name: string;
  legend: string;
  options: Array<[value: string, label: string]>;
  value?: string;
  errors: Errors;
}) {
  const error = props.errors[props.name];
  const id = fieldId(props.name);
  return (
    <fieldset
      class={`field${error ? ' field-error' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      {error && (
        <p class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">错误：</span>
          {error}
        </p>
      )}
      <div class="radios">
        {props.options.map(([value, label], i) => (
          <>
            <input
              type="radio"
              id={i === 0 ? id : `${id}-${value}`}
              name={props.name}
              value={value}
              checked={props.value === value}
            />{' '}
            <label for={i === 0 ? id : `${id}-${value}`}>{label}</label>
          </>
        ))}
      </div>
    </fieldset>
  );
}

export function MessageForm(props: {
  action: string;
  csrf: string;
  values: FormValues;
  errors: Errors;
  message?: string;
  promiseDays: number;
}) {
  const v = props.values;
  const e = props.errors;
  return (
    <>
      <ErrorSummary errors={e} message={props.message} />
      <p>
        本机关承诺自收到留言之日起 {props.promiseDays}{' '}
        个工作日内答复（法定节假日顺延）。涉及信访、纪检举报的事项请通过相应渠道反映。
      </p>
      <form method="post" action={props.action} enctype="multipart/form-data" novalidate>
        <CsrfField token={props.csrf} />
        <Radios
          name="kind"
          legend="留言类型"
          options={messageKinds.map((k) => [k, messageKindLabel[k]])}
          value={v.kind}
          errors={e}
        />
        <TextField name="subject" label="留言标题" value={v.subject} errors={e} hint="不超过 50 个字" />
        <Field
          name="body"
          label="留言内容"
          errors={e}
          hint="不超过 2000 个字。请勿在内容中填写身份证号等个人信息"
        >
          {(a) => <textarea {...a}>{v.body ?? ''}</textarea>}
        </Field>
        <h2>联系方式</h2>
        <p class="hint">联系方式仅供办理单位联系您，加密保存，不会公开。</p>
        <TextField name="name" label="姓名" value={v.name} errors={e} autocomplete="name" />
        <TextField name="phone" label="联系电话" value={v.phone} errors={e} type="tel" autocomplete="tel" />
        <TextField
          name="email"
          label="电子邮箱"
          value={v.email}
          errors={e}
          type="email"
          autocomplete="email"
        />
        <Radios
          name="isPublic"
          legend="是否公开留言及答复"
          options={[
            ['yes', '公开（不显示您的姓名和联系方式）'],
            ['no', '不公开'],
          ]}
          value={v.isPublic}
          errors={e}
        />
        <Field name="attachment" label="附件（可选）" errors={e} hint="PDF、PNG 或 JPG 格式，不超过 5MB">
          {(a) => (
            <input {...a} type="file" accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" />
          )}
        </Field>
        <div class="hp" aria-hidden="true">
          <label for="f-website">网址（请勿填写）</label>
          <input type="text" id="f-website" name="website" tabIndex={-1} autocomplete="off" />
        </div>
        <button type="submit">提交留言</button>
      </form>
    </>
  );
}

export function TrackForm(props: {
  action: string;
  csrf: string;
  values: FormValues;
  errors: Errors;
  message?: string;
}) {
  return (
    <>
      <ErrorSummary errors={props.errors} message={props.message} />
      <form method="post" action={props.action} novalidate>
        <CsrfField token={props.csrf} />
        <TextField
          name="code"
          label="查询编号"
          value={props.values.code}
          errors={props.errors}
          hint="提交留言后回执上的编号，如 LY20250124ABC234"
        />
        <TextField
          name="secret"
          label="查询码"
          value={props.values.secret}
          errors={props.errors}
          hint="回执上的 6 位查询码"
          autocomplete="off"
        />
        <button type="submit">查询</button>
      </form>
    </>
  );
}
