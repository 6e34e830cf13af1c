import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The real CLI in a child process, on a throwaway SQLite file, as an operator would run it.
function gongkai(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['bin/gongkai.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: '', ...env },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('gongkai demo, user add, and their refusals', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
  const env = { SQLITE_PATH: join(dir, 'cli.sqlite') };
  try {
    const demo = gongkai(['demo'], env);
    assert.equal(demo.code, 0, demo.err);
    assert.match(demo.out, /已载入演示机关/);

    const add = gongkai(
      [
        'user',
        'add',
        '--username',
        'newadmin',
        '--name',
        '新管理员',
        '--agency',
        '固镇县人民政府',
        '--role',
        'agency_admin',
      ],
      { ...env, GONGKAI_PASSWORD: 'Str0ng-Passw0rd!' },
    );
    assert.equal(add.code, 0, add.err);
    assert.match(add.out, /已创建账号 newadmin/);

    const again = gongkai(
      [
        'user',
        'add',
        '--username',
        'newadmin',
        '--name',
        '重复',
        '--agency',
        '固镇县人民政府',
        '--role',
        'editor',
      ],
      { ...env, GONGKAI_PASSWORD: 'Str0ng-Passw0rd!' },
    );
    assert.equal(again.code, 1);
    assert.match(again.err, /已被使用/);

    const weak = gongkai(
      [
        'user',
        'add',
        '--username',
        'weakling',
        '--name',
        '弱密码',
        '--agency',
        '固镇县人民政府',
        '--role',
        'editor',
        '--password',
        'abc',
      ],
      env,
    );
    assert.equal(weak.code, 1);
    assert.match(weak.err, /密码至少 10 位/);

    const unknown = gongkai(
      [
        'user',
        'add',
        '--username',
        'nobody',
        '--name',
        '无',
        '--agency',
        '不存在的机关',
        '--role',
        'editor',
        '--password',
        'Str0ng-Passw0rd!',
      ],
      env,
    );
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /未找到机关/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad configuration stops the CLI with every problem listed', () => {
  const r = gongkai(['migrate'], { PORT: 'abc', DATABASE_URL: 'mysql://x' });
  assert.equal(r.code, 2);
  assert.match(r.err, /PORT/);
  assert.match(r.err, /DATABASE_URL/);
});
