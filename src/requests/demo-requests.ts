/**
 * Demo data: the 仲兴乡 township's 2025 applications, made through the real use cases on simulated days, so that
 * every row of table 三 has a case behind it, every applicant column is used, and some cases stay open into 2026.
 */
import { systemActor, type Actor } from '../platform/actor.js';
import { creditCodeCheckChar } from '../access/credit-code.js';
import { addCalendarDays, dayNumber, isoDateOf } from '../calendar/dates.js';
import type { DemoAgencyIds } from '../agencies/demo-loader.js';
import type { AppContext } from '../platform/context.js';
import { APPLICANT_KINDS, type ApplicantKind } from '../statute/applicant-kinds.js';
import type { Outcome } from '../statute/outcomes.js';
import { acceptApplication } from './actions/accept-application.js';
import { residentIdCheckChar } from './applicant.js';
import { calendarFor } from './calendar-for.js';
import { closeUnclarified } from './actions/close-unclarified.js';
import { closeUnpaid } from './actions/close-unpaid.js';
import { draftReply } from './actions/draft-reply.js';
import { endConsultation } from './actions/end-consultation.js';
import { issueFeeNotice } from './actions/issue-fee-notice.js';
import { receiveClarification } from './actions/receive-clarification.js';
import { recordDelivery } from './actions/record-delivery.js';
import { registerApplication } from './actions/register-application.js';
import { requestClarification } from './actions/request-clarification.js';
import { REPLY_OUTCOMES } from './reply-types.js';
import { reviewReply } from './actions/review-reply.js';
import { sendReply } from './actions/send-reply.js';
import { startConsultation } from './actions/start-consultation.js';
import { saveNoticeTemplate } from './notices/save-notice-template.js';
import { withdrawApplication } from './actions/withdraw-application.js';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const TOPICS = [
  '2025年仲兴乡惠民惠农财政补贴资金发放明细',
  '仲兴乡农村危房改造对象名单',
  '仲兴街道路拓宽工程征收补偿方案',
  '2024年仲兴乡财政决算',
  '仲兴乡高标准农田建设项目招标文件',
  '仲兴乡最低生活保障对象审批材料',
];

function applicantForm(i: number, kind: ApplicantKind): Record<string, string> {
  const phone = `1390552${String(1000 + i).padStart(4, '0')}`;
  if (kind === 'natural') {
    const first = `34032319${70 + (i % 30)}0${1 + (i % 9)}1${i % 10}00${i % 10}`;
    return {
      applicantKind: 'natural',
      name: `${SURNAMES[i % SURNAMES.length]}某${i}`,
      idType: 'resident_id',
      idNumber: first + residentIdCheckChar(first),
      phone,
      address: `固镇县仲兴乡${i}号`,
    };
  }
  const first = `913403237${String(10000000 + i).slice(-7)}X`.slice(0, 17).replace(/[IOSVZ]/g, '0');
  return {
    applicantKind: kind,
    name: `演示${kind}单位${i}`,
    creditCode: first + creditCodeCheckChar(first),
    legalRepresentative: `${SURNAMES[(i + 3) % SURNAMES.length]}某`,
    contactName: `${SURNAMES[(i + 5) % SURNAMES.length]}某`,
    phone,
    address: `固镇县城关镇${i}号`,
  };
}

const REQUIRED: Partial<Record<Outcome, Record<string, string>>> = {
  alreadyPublic: { whereToFind: '已在本机关政府信息公开专栏“财政资金”栏目公开' },
  partlyDisclosed: { withheldParts: '个人身份证号码和银行账号属于个人隐私（条例第十五条），不予公开' },
  notResponsible: { responsibleAgency: '固镇县自然资源和规划局，电话 0552-6000000' },
  repeatRequest: { earlierReply: '仲政依申答〔2025〕1号' },
  publicationRequested: { whereToFind: '可在固镇县图书馆查阅《固镇年鉴》' },
  specialAccessProcedure: {
    procedure: '不动产登记资料请向固镇县不动产登记中心依照《不动产登记资料查询暂行办法》申请查询',
  },
  otherTermination: { text: '申请人死亡且无继承人承继申请' },
  unreasonableVolume: {
    reasonsRequested: '2025年9月1日电话要求申请人说明理由；申请人称“想看看”，未说明合理理由',
  },
};

export async function loadRequestsDemo(base: AppContext, ids: DemoAgencyIds): Promise<void> {
  const agencyId = ids.zhongxing;
  if (!agencyId) return;
  let now = '2025-01-02T02:00:00Z';
  const ctx: AppContext = { ...base, now: () => new Date(now) };
  const cal = await calendarFor(ctx, { calendarRegion: null });
  const actor: Actor = systemActor('仲兴乡党政办（演示）');
  const on = (day: string) => (now = `${day}T02:00:00Z`);
  const wd = (day: string, n: number) => isoDateOf(cal.addN(dayNumber(day), n));
  const channels = ['in_person', 'post_signed', 'email', 'fax'] as const;
  let i = 0;
  const open = async (day: string, title: string) => {
    on(day);
    const kind = APPLICANT_KINDS[i % APPLICANT_KINDS.length]!;
    const channel = channels[i % channels.length]!;
    const r = await registerApplication(ctx, actor, agencyId, {
      ...applicantForm(i, kind),
      channel,
      submittedOn: day,
      signedForOn: day,
      confirmedOn: day,
      infoTitle: title,
      form: i % 2 ? 'paper' : 'electronic',
      delivery: i % 2 ? 'post' : 'email',
      email: 'demo@example.cn',
    });
    i++;
    return r.caseId;
  };

  // One case for each reply outcome, received across the year, replied within the period.
  let day = wd('2025-01-02', 1);
  for (const outcome of REPLY_OUTCOMES) {
    const caseId = await open(day, TOPICS[i % TOPICS.length]!);
    on(wd(day, 1));
    await acceptApplication(ctx, actor, { caseId });
    if (outcome === 'unclearAfterClarification') {
      await requestClarification(ctx, actor, {
        caseId,
        items: '请说明所需信息的年份和项目名称',
        deadline: addCalendarDays(day, 15),
      });
      on(wd(day, 4));
      await receiveClarification(ctx, actor, { caseId, text: '所有项目' });
    }
    if (outcome === 'withheldThirdParty') {
      await startConsultation(ctx, actor, { caseId, party: 'third_party', consulted: '固镇某建材有限公司' });
      on(wd(day, 8));
      await endConsultation(ctx, actor, { caseId, opinion: '不同意公开', objects: true });
    }
    on(wd(day, 10));
    await draftReply(ctx, actor, { caseId, outcome, text: '', ...REQUIRED[outcome] });
    on(wd(day, 11));
    await reviewReply(ctx, actor, { caseId, comment: '经保密审查，同意' });
    on(wd(day, 12));
    await sendReply(ctx, actor, { caseId, method: i % 2 ? 'post' : 'email', proof: '已送达' });
    day = wd(day, 10);
  }

  // Procedural endings: no clarification, no payment, withdrawal.
  let c = await open(day, '仲兴乡有关文件');
  on(wd(day, 2));
  await requestClarification(ctx, actor, {
    caseId: c,
    items: '请明确文件名称或文号',
    deadline: addCalendarDays(day, 12),
  });
  on(addCalendarDays(day, 20));
  await closeUnclarified(ctx, actor, { caseId: c });

  day = wd(day, 5);
  c = await open(day, '仲兴乡2020年至2025年全部会议纪要复印件');
  on(wd(day, 2));
  await acceptApplication(ctx, actor, { caseId: c });
  await issueFeeNotice(ctx, actor, { caseId: c, method: 'per_volume', pages: 150 });
  // Posted; the receipt came back signed two working days later (登记送达): the 20 working days run from then.
  const signed = wd(wd(day, 2), 2);
  on(signed);
  await recordDelivery(ctx, actor, {
    caseId: c,
    notice: 'fee_notice_sent',
    method: 'post',
    receivedOn: signed,
    proof: '挂号信回执',
  });
  on(wd(signed, 21));
  await closeUnpaid(ctx, actor, { caseId: c });

  day = wd(day, 5);
  c = await open(day, '仲兴乡垃圾中转站选址论证材料');
  on(wd(day, 3));
  await withdrawApplication(ctx, actor, { caseId: c, note: '申请人电话撤回' });

  // Still open on 31 December: carried forward into 2026.
  c = await open('2025-12-22', '仲兴乡2026年度财政预算草案');
  on('2025-12-23');
  await acceptApplication(ctx, actor, { caseId: c });
  c = await open('2025-12-24', '仲兴乡集镇规划');
  on('2025-12-26');
  await requestClarification(ctx, actor, { caseId: c, items: '请说明规划的年份', deadline: '2026-01-09' });
  c = await open('2025-12-29', '仲兴乡光伏项目合同');
  on('2025-12-30');
  await acceptApplication(ctx, actor, { caseId: c });
  await startConsultation(ctx, actor, { caseId: c, party: 'third_party', consulted: '某新能源公司' });
  await open('2025-12-30', '仲兴乡2025年第四季度财政收支情况');

  // The township words its receipts its own way: a closing and a contact line (statutory parts stay generated).
  await saveNoticeTemplate(ctx, actor, {
    agencyId,
    kind: 'receipt',
    texts: {
      closing: '请妥善保存本回执，可凭登记号查询办理进度。',
      contact: '联系电话：{联系电话}；办公地址：{办公地址}。',
    },
  });
}
