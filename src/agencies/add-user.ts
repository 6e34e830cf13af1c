/** Use case: create a staff account bound to agencies with roles (also `gongkai user add`). */
import { z } from 'zod';
import { hashPassword, passwordProblem } from '../access/auth/passwords.js';
import type { AppContext } from '../platform/context.js';
import { conflict, forbidden, validationFailed } from '../platform/errors.js';
import { appendEvent } from '../platform/events.js';
import { newId } from '../platform/ids.js';
import { agenciesStore } from '../access/agencies.store.js';
import { can, isPlatformAdmin } from '../access/permissions.js';
import { roles, type Actor, type RoleGrant } from '../platform/actor.js';
import { usersStore } from '../access/users.store.js';

const schema = z.object({
  username: z
    .string({ message: '请填写用户名' })
    .trim()
    .regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名应为 3–32 位小写字母、数字或 _ . -，以字母开头'),
  displayName: z
    .string({ message: '请填写姓名' })
    .trim()
    .min(1, '请填写姓名')
    .max(50, '姓名不能超过 50 个字'),
  email: z.union([z.literal(''), z.string().trim().email('电子邮箱格式不正确')]).default(''),
  password: z.string({ message: '请填写密码' }).superRefine((v, ctx) => {
    const p = passwordProblem(v);
    if (p) ctx.addIssue({ code: 'custom', message: p });
  }),
  grants: z
    .array(
      z.object({ agencyId: z.string().min(1, '请选择机关'), role: z.enum(roles, { message: '请选择角色' }) }),
    )
    .min(1, '至少授予一个角色'),
});

type AddUserInput = z.input<typeof schema>;

export async function addUser(
  ctx: AppContext,
  actor: Actor,
  input: AddUserInput,
): Promise<{ userId: string }> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const i of parsed.error.issues) fields[i.path.join('.')] ??= i.message;
    throw validationFailed(fields);
  }
  const u = parsed.data;
  const agencies = await agenciesStore.all(ctx.db);
  for (const g of u.grants) {
    if (!agencies.some((a) => a.id === g.agencyId)) throw validationFailed({ grants: '所选机关不存在' });
    if (!can(actor, 'users.manage', g.agencyId, agencies)) throw forbidden('您无权为该机关创建账号。');
    if (g.role === 'platform_admin' && !isPlatformAdmin(actor))
      throw forbidden('只有平台管理员可以授予平台管理员角色。');
  }
  if (await usersStore.byUsername(ctx.db, u.username)) throw conflict(`用户名“${u.username}”已被使用。`);
  const passwordHash = await hashPassword(u.password);
  const userId = newId();
  await ctx.db.transaction().execute(async (tx) => {
    await usersStore.insert(
      tx,
      {
        id: userId,
        username: u.username,
        displayName: u.displayName,
        email: u.email,
        passwordHash,
      },
      ctx.now().toISOString(),
    );
    for (const g of u.grants as RoleGrant[]) await usersStore.grant(tx, userId, g);
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: u.grants[0]!.agencyId,
      entityType: 'user',
      entityId: userId,
      action: 'user.created',
      data: { username: u.username, grants: u.grants },
    });
  });
  return { userId };
}
