/** The public message form: validation with one Chinese message per field (GOV.UK error-summary pattern). */
import { validationFailed, type FieldErrors } from '../platform/errors.js';
import { isKind, type MessageKind } from './message.js';
import { formText } from '../platform/form-values.js';

interface ValidMessageInput {
  kind: MessageKind;
  subject: string;
  body: string;
  name: string;
  phone: string | null;
  email: string | null;
  isPublic: boolean;
}

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseMessageInput(input: Record<string, unknown>): ValidMessageInput {
  const f: FieldErrors = {};
  const kind = formText(input.kind);
  const subject = formText(input.subject);
  const body = formText(input.body);
  const name = formText(input.name);
  const phone = formText(input.phone).replace(/\s/g, '');
  const email = formText(input.email);
  const visibility = formText(input.isPublic);
  if (!isKind(kind)) f.kind = '请选择留言类型';
  if (!subject) f.subject = '请填写留言标题';
  else if ([...subject].length > 50) f.subject = '留言标题不能超过 50 个字';
  if (!body) f.body = '请填写留言内容';
  else if ([...body].length > 2000) f.body = '留言内容不能超过 2000 个字';
  if (!name) f.name = '请填写您的姓名';
  else if ([...name].length > 30) f.name = '姓名不能超过 30 个字';
  if (phone && !PHONE.test(phone)) f.phone = '联系电话格式不正确，如 13800000000 或 0552-6500000';
  if (email && !EMAIL.test(email)) f.email = '电子邮箱格式不正确';
  if (!phone && !email && !f.phone && !f.email) f.phone = '请至少填写联系电话或电子邮箱中的一项';
  if (visibility !== 'yes' && visibility !== 'no') f.isPublic = '请选择是否公开留言';
  if (Object.keys(f).length) throw validationFailed(f);
  return {
    kind: kind as MessageKind,
    subject,
    body,
    name,
    phone: phone || null,
    email: email || null,
    isPublic: visibility === 'yes',
  };
}
