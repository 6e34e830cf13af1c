/**
 * The application form's fields (条例 Art. 29), shared by the public form and staff intake. Without JavaScript
 * both applicant kinds' fields are shown; the person fills in the group that applies.
 */
import { APPLICANT_KIND_LABEL, ID_DOCUMENT_TYPES } from '../applicant.js';
import { DELIVERIES, FORMS } from '../intake.js';
import { Field, TextField, fieldId, type Errors } from '../../web/views/forms.js';

type Values = Record<string, string | undefined>;

export function Radios(props: {
  name: string;
  legend: string;
  options: Record<string, string>;
  values: Values;
  errors: Errors;
}) {
  const error = props.errors[props.name];
  const id = fieldId(props.name);
  return (
    <fieldset
      class={`field${error ? ' field-error' : ''}`}
      id={id}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      {error && (
        <p class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">错误：</span>
          {error}
        </p>
      )}
      {Object.entries(props.options).map(([value, label]) => (
        <div>
          <input
            type="radio"
            id={`${id}-${value}`}
            name={props.name}
            value={value}
            checked={props.values[props.name] === value}
          />{' '}
          <label for={`${id}-${value}`} class="inline-label">
            {label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function ApplicationFields({ values: v, errors: e }: { values: Values; errors: Errors }) {
  return (
    <>
      <h2>申请人信息</h2>
      <Radios name="applicantKind" legend="申请人类型" options={APPLICANT_KIND_LABEL} values={v} errors={e} />
      <TextField name="name" label="申请人姓名或名称" value={v.name} errors={e} autocomplete="name" />
      <h3>自然人填写</h3>
      <Field name="idType" label="身份证件类型" errors={e}>
        {(a) => (
          <select {...a}>
            {Object.entries(ID_DOCUMENT_TYPES).map(([value, label]) => (
              <option value={value} selected={(v.idType ?? 'resident_id') === value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextField
        name="idNumber"
        label="身份证件号码"
        value={v.idNumber}
        errors={e}
        hint="居民身份证号码 18 位，系统会核对校验位"
      />
      <h3>法人或者其他组织填写</h3>
      <TextField name="creditCode" label="统一社会信用代码" value={v.creditCode} errors={e} />
      <TextField
        name="legalRepresentative"
        label="法定代表人或者主要负责人"
        value={v.legalRepresentative}
        errors={e}
      />
      <TextField name="contactName" label="联系人姓名" value={v.contactName} errors={e} />
      <h3>联系方式</h3>
      <TextField
        name="phone"
        label="联系电话"
        value={v.phone}
        errors={e}
        type="tel"
        autocomplete="tel"
        hint="查询办理进度时需要输入电话号码的后 4 位"
      />
      <TextField name="address" label="通信地址" value={v.address} errors={e} autocomplete="street-address" />
      <TextField name="postcode" label="邮政编码" value={v.postcode} errors={e} autocomplete="postal-code" />
      <TextField name="email" label="电子邮箱" value={v.email} errors={e} type="email" autocomplete="email" />
      <h3>代理人（如有）</h3>
      <TextField
        name="agentName"
        label="代理人姓名"
        value={v.agentName}
        errors={e}
        hint="委托代理的，请同时提交授权委托书"
      />
      <TextField name="agentPhone" label="代理人联系电话" value={v.agentPhone} errors={e} type="tel" />

      <h2>所需政府信息</h2>
      <TextField name="infoTitle" label="政府信息名称" value={v.infoTitle} errors={e} />
      <TextField name="infoDocNo" label="文号（如有）" value={v.infoDocNo} errors={e} />
      <TextField name="infoIndexNo" label="索引号（如有）" value={v.infoIndexNo} errors={e} />
      <Field name="infoDescription" label="其他有助于确定所需信息的特征描述" errors={e}>
        {(a) => (
          <textarea {...a} rows={4}>
            {v.infoDescription ?? ''}
          </textarea>
        )}
      </Field>
      <Field
        name="purpose"
        label="用途（选填）"
        errors={e}
        hint="《政府信息公开条例》未要求说明用途，可以不填"
      >
        {(a) => <input {...a} type="text" value={v.purpose ?? ''} />}
      </Field>
      <Radios name="form" legend="信息的提供形式" options={FORMS} values={v} errors={e} />
      <Radios name="delivery" legend="获取信息的方式" options={DELIVERIES} values={v} errors={e} />
      <div class="field">
        <input type="checkbox" id="f-helpRequested" name="helpRequested" checked={v.helpRequested === 'on'} />{' '}
        <label for="f-helpRequested" class="inline-label">
          本人存在阅读困难或者视听障碍，需要帮助（《政府信息公开条例》第四十三条）
        </label>
      </div>
    </>
  );
}
