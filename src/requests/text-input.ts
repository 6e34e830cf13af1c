/** Small checks shared by the action forms; messages in Chinese. */
import { validationFailed } from '../platform/errors.js';

export function requiredText(value: unknown, field: string, label: string, max = 2000): string {
  const v = typeof value === 'string' ? value.trim() : '';
  if (!v) throw validationFailed({ [field]: `请填写${label}` });
  if (v.length > max) throw validationFailed({ [field]: `${label}不能超过 ${max} 个字` });
  return v;
}

export function optionalText(value: unknown, field: string, label: string, max = 2000): string {
  const v = typeof value === 'string' ? value.trim() : '';
  if (v.length > max) throw validationFailed({ [field]: `${label}不能超过 ${max} 个字` });
  return v;
}
