/** Admin screens for accounts: the accounts of the agencies in the user's scope, and a form to add one. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { agenciesInScope, requireUser, sendAdminPage } from '../web/admin-kit.js';
import { CsrfField, ErrorSummary, Field, TextField, type Errors } from '../web/views/forms.js';
import type { Agency } from '../access/agency.js';
import { addUser } from './add-user.js';
import { isPlatformAdmin, roleLabel } from '../access/permissions.js';
import { roles, type Role } from '../platform/actor.js';
import { usersStore } from '../access/users.store.js';
import { formRoute } from '../web/form-route.js';

type Form = Record<string, string | undefined>;

function AddUserForm(props: {
  agencies: Agency[];
  values: Form;
  errors: Errors;
  csrf: string;
  roles: readonly Role[];
}) {
  const v = props.values;
  const e = props.errors;
  return (
    <form method="post" action="/admin/users" novalidate>
      <h2>新建账号</h2>
      <ErrorSummary errors={e} />
      <CsrfField token={props.csrf} />
      <TextField
        name="username"
        label="用户名"
        value={v.username}
        errors={e}
        hint="3–32 位小写字母、数字或 _ . -"
      />
      <TextField name="displayName" label="姓名" value={v.displayName} errors={e} />
      <TextField name="email" label="电子邮箱（选填）" value={v.email} errors={e} type="email" />
      <TextField
        name="password"
        label="初始密码"
        type="password"
        errors={e}
        hint="至少 10 位，含大写字母、小写字母、数字、符号中的三种"
        autocomplete="new-password"
      />
      <Field name="grants.0.agencyId" label="所属机关" errors={e}>
        {(a) => (
          <select {...a}>
            {props.agencies.map((x) => (
              <option value={x.id} selected={v.agencyId === x.id}>
                {x.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="grants.0.role" label="角色" errors={e}>
        {(a) => (
          <select {...a}>
            {props.roles.map((r) => (
              <option value={r} selected={v.role === r}>
                {roleLabel[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit">创建账号</button>
    </form>
  );
}

export function registerUserAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  const page = async (
    request: Parameters<typeof requireUser>[0],
    values: Form,
    errors: Errors,
    message?: string,
    created?: string,
  ) => {
    const user = requireUser(request);
    const agencies = await agenciesInScope(ctx, user, 'users.manage');
    const accounts = await usersStore.list(
      ctx.db,
      agencies.map((a) => a.id),
    );
    const name = new Map(agencies.map((a) => [a.id, a.name]));
    const grantable = roles.filter((r) => r !== 'platform_admin' || isPlatformAdmin(user.actor));
    return {
      agencies,
      body: (
        <>
          <h1>账号管理</h1>
          {created && (
            <p class="notice" role="status">
              已创建账号 {created}。
            </p>
          )}
          {message && <ErrorSummary errors={{}} message={message} />}
          <table>
            <caption>您可管理的机关的账号</caption>
            <thead>
              <tr>
                <th scope="col">用户名</th>
                <th scope="col">姓名</th>
                <th scope="col">机关</th>
                <th scope="col">角色</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((u) => (
                <tr>
                  <td>{u.username}</td>
                  <td>{u.display_name}</td>
                  <td>{name.get(u.agency_id) ?? ''}</td>
                  <td>{roleLabel[u.role as Role] ?? u.role}</td>
                  <td>{u.disabled ? '已停用' : '正常'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {agencies.length > 0 && (
            <AddUserForm
              agencies={agencies}
              values={values}
              errors={errors}
              csrf={request.csrfToken}
              roles={grantable}
            />
          )}
        </>
      ),
    };
  };

  app.get<{ Querystring: { created?: string } }>('/admin/users', async (request, reply) => {
    const { body } = await page(request, {}, {}, undefined, request.query.created);
    return sendAdminPage(reply, request, '账号管理', body);
  });

  app.post<{ Body: Form }>('/admin/users', async (request, reply) => {
    const user = requireUser(request);
    const f = request.body ?? {};
    return formRoute(reply, {
      run: () =>
        addUser(ctx, user.actor, {
          username: f.username ?? '',
          displayName: f.displayName ?? '',
          email: f.email ?? '',
          password: f.password ?? '',
          grants: [{ agencyId: f['grants.0.agencyId'] ?? '', role: (f['grants.0.role'] ?? '') as Role }],
        }),
      redirect: () => `/admin/users?created=${encodeURIComponent(f.username ?? '')}`,
      refusals: ['validation.failed', 'conflict', 'auth.forbidden'],
      // A conflict or a refused grant is said beside the username; the password is never shown again.
      again: async (e) => {
        const values = { ...f, agencyId: f['grants.0.agencyId'], role: f['grants.0.role'], password: '' };
        const fields = e.code === 'validation.failed' ? e.fields : { username: e.message };
        const { body } = await page(request, values, fields);
        return sendAdminPage(reply, request, '账号管理', body, e.code === 'auth.forbidden' ? 403 : 422);
      },
    });
  });
}
