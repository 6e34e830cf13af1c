/**
 * Demo data for 互动交流 and 监督保障, loaded through the real use cases at chosen instants: messages to the
 * demo township (answered on time, transferred, declined, one overdue, one open for more than 3 months), a
 * open public-rating campaign (the demo accounts zx-handler and gz-supervisor handle and oversee them).
 */
import { systemActor } from '../platform/actor.js';
import { addCalendarDays, addMonths } from '../calendar/dates.js';
import { legalToday } from '../calendar/legal-day.js';
import type { DemoAgencyIds } from '../agencies/demo-loader.js';
import { contextOnDay, type AppContext } from '../platform/context.js';
import { messageCalendar } from './message-calendar.js';
import { createCampaign, submitRating } from './rating/campaigns.js';
import { submitMessage } from './submit-message.js';
import { takeMessageStep, type StepInput } from './take-message-step.js';

const at = contextOnDay;

const asker = (n: number) => ({ name: `演示留言人${n}`, phone: `1380000000${n}`, email: '' });

export async function loadDemoMessages(ctx: AppContext, ids: DemoAgencyIds): Promise<void> {
  const actor = systemActor('演示数据');
  const zhongxing = ids.zhongxing!;
  const today = legalToday(ctx);
  const cal = await messageCalendar(ctx, null);
  const workdaysAgo = (n: number) => {
    let d = today;
    for (let i = 0; i < n; i++)
      do d = addCalendarDays(d, -1);
      while (!cal.isWorkingDay(d));
    return d;
  };
  const steps = async (day: string, id: string, list: StepInput[]) => {
    for (const s of list) await takeMessageStep(at(ctx, day), actor, id, s);
  };
  const leave = async (day: string, n: number, fields: Record<string, string>) =>
    submitMessage(at(ctx, day), zhongxing, { ...asker(n), isPublic: 'yes', ...fields });

  const a = await leave(workdaysAgo(20), 1, {
    kind: 'consultation',
    subject: '城乡居民医疗保险缴费时间',
    body: '请问2026年度城乡居民医疗保险什么时候开始缴费？',
  });
  await steps(workdaysAgo(19), a.messageId, [
    { step: 'accept' },
    {
      step: 'draft',
      reply: '2026年度城乡居民医保集中缴费期为每年9月至12月，可通过“皖事通”或到村便民服务点缴纳。',
    },
    { step: 'approve' },
  ]);

  const b = await leave(workdaysAgo(12), 2, {
    kind: 'help',
    subject: '宅基地确权登记',
    body: '我家宅基地证书丢失，如何补办？',
  });
  await steps(workdaysAgo(11), b.messageId, [
    { step: 'accept' },
    { step: 'transfer', targetAgencyId: ids['guzhen-resources']! },
    {
      step: 'draft',
      reply: '请携带身份证、户口簿到县不动产登记中心申请补证，并在报纸或网站上刊登遗失声明。',
    },
  ]);
  await steps(workdaysAgo(10), b.messageId, [{ step: 'approve' }]);

  const c = await leave(workdaysAgo(8), 3, {
    kind: 'complaint',
    subject: '反映村干部问题',
    body: '反映某村干部违规问题。',
    isPublic: 'no',
  });
  await steps(workdaysAgo(7), c.messageId, [
    { step: 'decline', reason: '该事项属于信访或纪检监察举报范围，请通过县信访局或纪委监委举报渠道反映。' },
  ]);

  await leave(workdaysAgo(8), 4, {
    kind: 'suggestion',
    subject: '建议增设路灯',
    body: '仲兴街东段夜间无路灯，建议增设。',
  });
  await leave(addMonths(today, -4), 5, {
    kind: 'consultation',
    subject: '农机购置补贴申请',
    body: '请问农机购置补贴如何申请？',
  });
  await leave(today, 6, { kind: 'other', subject: '网站栏目建议', body: '建议网站增加办事指南栏目。' });

  const { campaignId } = await createCampaign(ctx, actor, {
    organiserId: ids['guzhen-office']!,
    title: `${today.slice(0, 4)}年度政务公开社会评议`,
    opensOn: addCalendarDays(today, -7),
    closesOn: addCalendarDays(today, 30),
    agencyIds: [zhongxing, ids.hugou!],
    publicRound: 'on',
  });
  for (const s of [
    { accuracy: '5', timeliness: '4', procedure: '5', institution: '4' },
    { accuracy: '4', timeliness: '3', procedure: '4', institution: '4' },
  ])
    await submitRating(ctx, campaignId, { agencyId: zhongxing, ...s });
}
