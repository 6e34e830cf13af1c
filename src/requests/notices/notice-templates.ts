/**
 * Editable notice wording (pure). An agency's disclosure office may reword the free parts of each notice kind —
 * the opening, the closing, a contact line and, for the reply, the decision sentence of each reply type — with
 * placeholders such as {申请人}. Everything the law requires (the basis, the deadlines, the remedies with the
 * reconsideration body and 60 days / 6 months, the 行政复议法 Art. 23 sentence for refusals) is not a slot: the
 * generator in notice-content.ts always writes it, so a template cannot remove it.
 */
import { validationFailed } from '../../platform/errors.js';
import { DEFAULT_OUTCOME_ROWS } from '../../statute/outcomes.js';
import { REPLY_TYPES } from '../reply-types.js';
import { NOTICE_KINDS, type NoticeKind } from './notice-kinds.js';

/** Slot id → the agency's text; only slots that differ from the default. */
export type TemplateTexts = Readonly<Record<string, string>>;

interface Slot {
  id: string;
  label: string;
  default: string;
  /** A slot the notice cannot do without (its sentence would be left dangling). */
  required: boolean;
}

export const PLACEHOLDERS = {
  申请人: '申请人姓名或名称',
  收到日期: '收到申请的日期，如 2025年3月3日',
  答复期限: '当前答复期限，如 2025年3月31日（未确定时为空）',
  文号: '本文书的文号',
  机关名称: '本机关全称',
  所需信息: '申请公开的信息名称',
  联系电话: '本机关政府信息公开工作机构的联系电话（机关信息中填写）',
  办公地址: '本机关政府信息公开工作机构的办公地址（机关信息中填写）',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

export const MAX_SLOT_CHARS = 500;

/** What the generator always writes for each kind, shown on the template page so editors know it stays. */
export const STATUTORY_PARTS: Record<NoticeKind, string> = {
  receipt: '登记号；《政府信息公开条例》第三十三条的答复期限（20个工作日）及具体日期',
  clarification: '第三十条的一次性告知、补正事项、补正期限及无正当理由逾期不补正的后果',
  extension: '延期理由、第三十三条第二款的依据、延长的工作日数和新的答复期限',
  delay: '第三十五条的依据、确定的答复日期及理由',
  fee: '第四十二条和国办函〔2020〕109号的依据、收费标准及金额、缴费期限及逾期后果',
  consultation: '第三十二条、第三十四条或第三十三条第三款的依据、回复期限及逾期后果',
  objection:
    '征求意见经过、第三十二条的公共利益理由、决定公开的内容、提供日期，以及救济途径（向依《行政复议法》第二十四条确定的复议机关六十日内申请行政复议，或者六个月内提起行政诉讼）',
  reply:
    '答复类型的法律依据及须载明的事项；救济途径：复议机关依《行政复议法》第二十四条确定；不予公开的，依照该法第二十三条告知应当先在六十日内申请行政复议、对复议决定不服的再于十五日内提起行政诉讼，不告知直接起诉；其他答复，六十日内申请行政复议或者六个月内提起行政诉讼',
};

const SUBJECT = '您于{收到日期}向本机关提出的政府信息公开申请（所需信息：{所需信息}）';
const APPLICATION = '本机关于{收到日期}收到一份政府信息公开申请，申请公开“{所需信息}”';

/** Letters to a consulted party never name the applicant (their personal data is not the party's business). */
const toParty = (kind: NoticeKind) => kind === 'consultation' || kind === 'objection';

export function allowedPlaceholders(kind: NoticeKind): Placeholder[] {
  const all = Object.keys(PLACEHOLDERS) as Placeholder[];
  return toParty(kind) ? all.filter((p) => p !== '申请人') : all;
}

/** The editable slots of a notice kind with their default wording (what the generator wrote before templates). */
export function slotsOf(kind: NoticeKind): Slot[] {
  const opening: Slot = {
    id: 'opening',
    label: '开头',
    default:
      kind === 'reply' ? `${SUBJECT}，本机关经审查，现答复如下：` : toParty(kind) ? APPLICATION : SUBJECT,
    required: true,
  };
  const decisions: Slot[] =
    kind === 'reply'
      ? Object.values(REPLY_TYPES).map((t) => ({
          id: `decision.${t.code}`,
          label: `答复决定表述（${DEFAULT_OUTCOME_ROWS[t.code].label}）`,
          default: t.decision,
          required: true,
        }))
      : [];
  return [
    opening,
    ...decisions,
    { id: 'closing', label: '结尾', default: '', required: false },
    {
      id: 'contact',
      label: '联系方式',
      default: kind === 'consultation' ? '联系机关：{机关名称}。' : '',
      required: false,
    },
  ];
}

/**
 * Checks an agency's form for one kind and returns the texts to store (only those differing from the default).
 * Unknown or forbidden placeholders, over-long text and an emptied required slot are field errors in Chinese.
 */
export function parseTemplateTexts(kind: NoticeKind, input: unknown): Record<string, string> {
  const form = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const allowed = new Set<string>(allowedPlaceholders(kind));
  const errors: Record<string, string> = {};
  const out: Record<string, string> = {};
  for (const slot of slotsOf(kind)) {
    const raw = form[slot.id];
    if (raw === undefined) continue;
    const value = typeof raw === 'string' ? raw.replace(/\r\n/g, '\n').trim() : '';
    if (slot.required && !value) {
      errors[slot.id] = `请填写“${slot.label}”，或点击“恢复默认”`;
      continue;
    }
    if ([...value].length > MAX_SLOT_CHARS) {
      errors[slot.id] = `“${slot.label}”不能超过${MAX_SLOT_CHARS}字`;
      continue;
    }
    const bad = [...value.matchAll(/[{｛]([^{}｛｝]*)[}｝]/g)]
      .map((m) => m[1]!)
      .filter((n) => !allowed.has(n));
    if (bad.length) {
      errors[slot.id] =
        `“${slot.label}”中有无法识别的占位符：{${bad[0]}}；可用的占位符为 ${[...allowed].map((p) => `{${p}}`).join(' ')}`;
      continue;
    }
    if (/[{}｛｝]/.test(value.replace(/[{｛][^{}｛｝]*[}｝]/g, ''))) {
      errors[slot.id] = `“${slot.label}”中的花括号不成对，占位符应写作 {机关名称} 的形式`;
      continue;
    }
    if (value !== slot.default) out[slot.id] = value;
  }
  if (Object.keys(errors).length) throw validationFailed(errors);
  return out;
}

export function isNoticeKind(v: string): v is NoticeKind {
  return Object.hasOwn(NOTICE_KINDS, v);
}

/** The wording of one slot for a notice: the agency's text or the default, with placeholders filled. */
export function slotText(
  kind: NoticeKind,
  id: string,
  texts: TemplateTexts,
  values: Readonly<Record<Placeholder, string>>,
): string {
  const text = texts[id] ?? slotsOf(kind).find((s) => s.id === id)?.default ?? '';
  return text.replace(/[{｛]([^{}｛｝]*)[}｝]/g, (m, name: string) =>
    Object.hasOwn(values, name) ? values[name as Placeholder] : m,
  );
}
