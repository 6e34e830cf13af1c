/**
 * pg_dump and pg_restore: the newest Debian installation's (/usr/lib/postgresql/<version>/bin, as
 * scripts/start-postgres.sh finds them), else whatever the PATH holds. A missing program is refused in Chinese.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { DomainError } from '../../errors.js';

const DEBIAN = '/usr/lib/postgresql';

export function postgresProgram(name: 'pg_dump' | 'pg_restore'): string {
  const versions = existsSync(DEBIAN)
    ? readdirSync(DEBIAN)
        .filter((v) => /^\d+(\.\d+)?$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const candidates = [
    ...versions.map((v) => join(DEBIAN, v, 'bin', name)),
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name)),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new DomainError(
      'backup.tool_missing',
      `未找到 PostgreSQL 客户端程序 ${name}：请安装与数据库服务器版本相当或更新的 PostgreSQL 客户端（如 Debian 的 postgresql-client）。`,
    );
  return found;
}

/**
 * The connection for a libpq program: the URL without its password (which a command line would show to every
 * local user) and the password in the child's environment.
 */
export function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Runs a program to completion; rejects with its standard error when it fails. */
export function run(program: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    const err: Buffer[] = [];
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${program} 退出码 ${code}：${Buffer.concat(err).toString('utf8').trim()}`)),
    );
  });
}
