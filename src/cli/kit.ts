/**
 * The CLI kit: what a capability's `*.cli.ts` uses to add its commands. It imports no feature but agencies
 * (eslint.config.js). The program (src/app/cli.ts) makes `withContext` — it opens the configured database
 * through src/app/main.ts — and hands it to each `register…Commands(program, withContext)`.
 */
import { agenciesStore } from '../access/agencies.store.js';
import type { AppContext } from '../platform/context.js';
import { validationFailed } from '../platform/errors.js';

/** Opens the configured database (migrated), runs `fn`, and always closes it. */
export type WithContext = <T>(fn: (ctx: AppContext) => Promise<T>) => Promise<T>;

/** An agency by unified social credit code or full name; an ambiguous name lists the candidates. */
export async function resolveAgency(ctx: AppContext, key: string) {
  const byCode = await agenciesStore.byCreditCode(ctx.db, key.trim().toUpperCase());
  if (byCode) return byCode;
  const byName = await agenciesStore.byName(ctx.db, key.trim());
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) {
    throw validationFailed(
      { agency: byName.map((a) => `${a.name}（${a.creditCode}）`).join('；') },
      `机关名称“${key}”对应多个机关，请改用统一社会信用代码：`,
    );
  }
  throw validationFailed({ agency: '未找到该机关' }, `未找到机关“${key}”，请核对统一社会信用代码或全称。`);
}
