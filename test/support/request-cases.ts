/** Fixtures for 依申请公开 tests: agencies made through createAgency, cases through the real use cases. */
import { creditCodeCheckChar } from '../../src/access/credit-code.js';
import { systemActor, type Actor, type Role } from '../../src/platform/actor.js';
import { createAgency } from '../../src/agencies/save-agency.js';
import type { AppContext } from '../../src/platform/context.js';
import { acceptApplication } from '../../src/requests/actions/accept-application.js';
import { draftReply } from '../../src/requests/actions/draft-reply.js';
import { reviewReply } from '../../src/requests/actions/review-reply.js';
import { sendReply } from '../../src/requests/actions/send-reply.js';

let serial = 0;

export async function makeAgency(
  ctx: AppContext,
  opts: { name?: string; level?: 'township' | 'county'; supervisorId?: string; email?: string } = {},
): Promise<string> {
  serial++;
  const first = `11340323MB${String(1000000 + serial).slice(-7)}`;
  const { agencyId } = await createAgency(ctx, systemActor(), {
    name: opts.name ?? `测试${serial}乡人民政府`,
    shortName: opts.name ?? `测试${serial}乡`,
    creditCode: first + creditCodeCheckChar(first),
    divisionCode: '340323',
    level: opts.level ?? 'township',
    pathSegment: `ceshi${serial}`,
    reconsiderationBody: '测试县人民政府',
    supervisorId: opts.supervisorId ?? null,
    office: {
      name: '党政办',
      address: '测试乡',
      postcode: '233700',
      hours: '',
      phone: '0552-1',
      fax: '',
      email: opts.email ?? '',
    },
    docNoPrefixes: ['测政'],
  });
  return agencyId;
}

export const staff = (agencyId: string, id: string, role: Role): Actor => ({
  kind: 'user',
  userId: id,
  label: id,
  grants: [{ agencyId, role }],
});

export const person = {
  applicantKind: 'natural',
  name: '张三',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  phone: '13800001234',
  address: '固镇县仲兴乡某村',
  infoTitle: '2024年仲兴乡农村道路建设项目资金使用情况',
  form: 'electronic',
  delivery: 'online',
};

/** Takes a registered case through acceptance, draft, review and sending, with `outcome`. */
export async function replyTo(
  ctx: AppContext,
  agencyId: string,
  caseId: string,
  outcome = 'disclosed',
  fields: Record<string, string> = {},
): Promise<void> {
  const head = staff(agencyId, 'head', 'office_head');
  await acceptApplication(ctx, head, { caseId });
  await draftReply(ctx, head, { caseId, outcome, text: '答复正文', ...fields });
  await reviewReply(ctx, head, { caseId });
  await sendReply(ctx, head, { caseId, method: 'online' });
}
