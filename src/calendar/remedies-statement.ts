/**
 * The applicant's remedies as stated in notices, on the status page and in the guide (pure): one sentence set
 * from whether the act refuses disclosure, the 复议机关 and the day of the act.
 * - A refusal to disclose on or after 2024-01-01: reconsideration first (行政复议法 2023 Art. 23 ¶1(四)), which
 *   the agency must state when it acts (¶2); no direct lawsuit is offered; litigation within 15 days of
 *   receiving the decision, or of the end of the reconsideration period when no decision came
 *   (行政诉讼法 Art. 45).
 * - Otherwise: reconsideration within 60 days (行政复议法 Art. 20) or a lawsuit within 6 months (行政诉讼法
 *   Art. 46), both counted from receiving the act (自收到本答复之日起), or for a missing reply from the end of
 *   the reply period.
 * Whether Art. 23 applies is decided by `reviewFirst` in remedies.ts, the same rule the remedy windows use.
 */
import { formatDateZh, type IsoDate } from './dates.js';
import { reviewFirst } from './remedies.js';

/**
 * What the remedies are about: a reply (答复书), a decision in a notice (告知书, e.g. to disclose over a third
 * party's objection), a missing reply, or any act of the agency (the guide).
 */
type RemedySubject = 'reply' | 'notice' | 'omission' | 'guide';

interface RemedyStatementInput {
  /** The reply type's `refusal` (requests/reply-types.ts); null for the guide, which covers every act. */
  refusal: boolean | null;
  /** The 复议机关 (access/review-body.ts); null when it cannot be named. */
  body: string | null;
  /** The day of the act (or the day the remedies are stated, for the guide). */
  on: IsoDate;
  subject: RemedySubject;
  /** Last days of the windows (remedies.ts), shown after each remedy when given. */
  lastDays?: { reconsideration?: IsoDate; litigation?: IsoDate };
}

const OPENING: Record<RemedySubject, { what: string; from: string }> = {
  reply: { what: '如对本答复不服，', from: '自收到本答复之日起' },
  notice: { what: '如对本决定不服，', from: '自收到本告知书之日起' },
  omission: { what: '如对本机关逾期未答复不服，', from: '自答复期限届满之日起' },
  guide: {
    what: '公民、法人或者其他组织认为本机关在政府信息公开工作中作出的行政行为侵犯其合法权益的，',
    from: '自知道该行政行为之日起',
  },
};

const until = (day: IsoDate | undefined) => (day ? `（截止${formatDateZh(day, false)}）` : '');

/** The remedies, in the order the law allows them. */
export function remedyStatement(input: RemedyStatementInput): string {
  const body = input.body || '依法确定的行政复议机关';
  const { what, from } = OPENING[input.subject];
  const review = `${from}六十日内向${body}申请行政复议${until(input.lastDays?.reconsideration)}`;
  const first =
    `依照《中华人民共和国行政复议法》第二十三条的规定，对不予公开政府信息的决定不服的，应当先向${body}申请行政复议，` +
    '不能直接向人民法院提起行政诉讼；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内向人民法院提起行政诉讼，' +
    '行政复议机关逾期不作决定的，可以自复议期满之日起十五日内向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十五条）。';
  if (input.refusal && reviewFirst(true, input.on)) return `${what}可以${review}。${first}`;
  const either = `${what}可以${review}，或者${from}六个月内向人民法院提起行政诉讼${until(input.lastDays?.litigation)}。`;
  // The guide speaks of every act, refusals included.
  return input.refusal === null && reviewFirst(true, input.on) ? `${either}${first}` : either;
}
