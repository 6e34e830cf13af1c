/**
 * Demo 征集调查 for 仲兴乡 through the real use cases at chosen instants: one draft whose period is over and
 * whose feedback is published, and one open for comment now.
 */
import { systemActor } from '../../platform/actor.js';
import { addCalendarDays } from '../../calendar/dates.js';
import { legalToday } from '../../calendar/legal-day.js';
import type { DemoAgencyIds } from '../../agencies/demo-loader.js';
import { contextOnDay, type AppContext } from '../../platform/context.js';
import { publishConsultation } from './publish-consultation.js';
import { publishFeedback } from './publish-feedback.js';
import { submitOpinion } from './submit-opinion.js';

const at = contextOnDay;

export async function loadDemoConsultations(ctx: AppContext, ids: DemoAgencyIds): Promise<void> {
  const actor = systemActor('演示数据');
  const zhongxing = ids.zhongxing!;
  const today = legalToday(ctx);
  const d = (n: number) => addCalendarDays(today, n);

  const past = await publishConsultation(at(ctx, d(-41)), actor, {
    agencyId: zhongxing,
    title: '仲兴乡农村人居环境整治提升实施方案（征求意见稿）',
    draftText:
      '一、目标任务\n到年底，全乡行政村生活垃圾收运处置体系实现全覆盖，农村卫生厕所普及率达到90%以上。\n' +
      '二、重点工作\n（一）推进生活垃圾分类；（二）实施厕所革命；（三）治理生活污水；（四）提升村容村貌。\n' +
      '三、保障措施\n建立乡村两级责任制，每季度开展一次评比。',
    opensOn: d(-40),
    closesOn: d(-20),
  });
  const a = await submitOpinion(at(ctx, d(-30)), past.consultationId, {
    body: '建议在每个自然村增设分类垃圾桶，并明确保洁员的责任区域。',
    name: '演示村民甲',
    contact: '13800000011',
  });
  const b = await submitOpinion(at(ctx, d(-28)), past.consultationId, {
    body: '建议垃圾清运由每周一次改为每周两次。',
  });
  const c = await submitOpinion(at(ctx, d(-25)), past.consultationId, {
    body: '评比结果应在村务公开栏公示。',
  });
  await publishFeedback(at(ctx, d(-15)), actor, past.consultationId, {
    summary: '征求意见期间共收到意见建议3条，采纳1条，部分采纳1条，未采纳1条。已据此修改方案并印发实施。',
    [`decision_${a.opinionId}`]: 'adopted',
    [`decision_${b.opinionId}`]: 'not_adopted',
    [`reason_${b.opinionId}`]: '清运频次由县环卫作业合同统一确定，本方案不作调整，已转县城管局研究。',
    [`decision_${c.opinionId}`]: 'partly',
    [`reason_${c.opinionId}`]: '评比结果将在乡政府网站公开；各村是否在公开栏公示由村委会决定。',
  });

  const open = await publishConsultation(at(ctx, d(-3)), actor, {
    agencyId: zhongxing,
    title: '仲兴乡村级公益性岗位管理办法（征求意见稿）',
    draftText:
      '第一条 为规范村级公益性岗位管理，根据有关规定，制定本办法。\n' +
      '第二条 公益性岗位优先安置脱贫户、监测户中有劳动能力的人员。\n' +
      '第三条 岗位人员实行月考核，考核结果与补贴发放挂钩。',
    opensOn: d(-2),
    closesOn: d(25),
  });
  await submitOpinion(at(ctx, d(-1)), open.consultationId, {
    body: '建议明确考核标准，并将考核结果在村内公示。',
  });
}
