/**
 * Form pieces after the GOV.UK error-summary pattern: a summary at the top that links to each field,
 * and each field's message beside it, tied with aria-describedby.
 */
import type { ComponentChildren } from 'preact';

export type Errors = Record<string, string>;

export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

export function ErrorSummary({ errors, message }: { errors: Errors; message?: string }) {
  const entries = Object.entries(errors);
  if (!entries.length && !message) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{message ?? '提交的内容有误，请按提示修改'}</h2>
      {entries.length > 0 && (
        <ul>
          {entries.map(([name, text]) => (
            <li>
              <a href={`#${fieldId(name)}`}>{text}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Field(props: {
  name: string;
  label: string;
  errors?: Errors;
  hint?: string;
  children: (attrs: {
    id: string;
    name: string;
    'aria-describedby'?: string;
    'aria-invalid'?: 'true';
  }) => ComponentChildren;
}) {
  const id = fieldId(props.name);
  const error = props.errors?.[props.name];
  const described = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">错误：</span>
          {error}
        </p>
      )}
      {props.children({
        id,
        name: props.name,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(error ? { 'aria-invalid': 'true' as const } : {}),
      })}
    </div>
  );
}

export function TextField(props: {
  name: string;
  label: string;
  value?: string | null;
  errors?: Errors;
  hint?: string;
  type?: string;
  autocomplete?: string;
  required?: boolean;
  /** Shown and submitted, not changeable. */
  readonly?: boolean;
}) {
  return (
    <Field name={props.name} label={props.label} errors={props.errors} hint={props.hint}>
      {(attrs) => (
        <input
          {...attrs}
          type={props.type ?? 'text'}
          value={props.value ?? ''}
          autocomplete={props.autocomplete}
          required={props.required}
          readonly={props.readonly}
        />
      )}
    </Field>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}
