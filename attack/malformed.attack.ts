/**
 * Issue 20, parts 2 and 4: 10,000 generated malformed requests (attack/support/fuzz.ts, seeded, so a failing
 * run replays with ATTACK_SEED) against every public route of a real server — the routes the portal links and
 * its forms post to, found by walking it, and every route its sources declare — over raw HTTP with bounded
 * concurrency. No answer may be a 5xx, show a stack trace or an English framework error, or hang; the server
 * must log no unhandled error and still answer /healthz at the end. 429 from the forms' per-IP limits is
 * expected: the server trusts X-Forwarded-For in this run (TRUST_PROXY=loopback: the attack process on this
 * machine is its proxy), and the generator gives each request its own address, so most requests still reach the
 * handlers.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { publicRoutes, type PublicRoutes } from './support/crawl.js';
import { malformedRequests, type Attack } from './support/fuzz.js';
import { send, type RawAnswer } from './support/raw-http.js';
import { startServer, type RunningServer } from './support/server.js';

const SEED = Number(process.env.ATTACK_SEED ?? 20);
const COUNT = Number(process.env.ATTACK_REQUESTS ?? 10_000);
const CONCURRENCY = 12;

interface Finding {
  kind: string;
  method: string;
  target: string;
  status: number;
  why: string;
  body: string;
}

/** What is wrong with an answer, if anything. */
function fault(attack: Attack, answer: RawAnswer): string | undefined {
  if (answer.status >= 500) return `status ${answer.status}`;
  if (answer.timedOut && !attack.request.halfClose) return 'no answer within 15 s';
  if (/\n\s+at .+:\d+:\d+\)?\n|node_modules\//.test(answer.body)) return 'a stack trace in the answer';
  // An error the app answered (HTML or JSON) says what went wrong in Chinese; Node's own 400/431 have no body.
  if (answer.status >= 400 && answer.body.trim() && !/[\u4e00-\u9fff]/.test(answer.body))
    return 'an error answer without Chinese';
  return undefined;
}

let server: RunningServer;
let routes: PublicRoutes;

before(async () => {
  server = await startServer({ TRUST_PROXY: 'loopback', LOG_LEVEL: 'warn' });
  routes = await publicRoutes(server.baseUrl);
});

after(async () => {
  await server?.stop();
});

test(`${COUNT} malformed requests to every public route: no 5xx, the server alive (seed ${SEED})`, async () => {
  const port = Number(new URL(server.baseUrl).port);
  assert.ok(
    routes.forms.some((f) => f.action.endsWith('/hdjl/new')),
    'the walk found the message form',
  );
  assert.ok(
    routes.forms.some((f) => f.action.endsWith('/ysqgk/apply')),
    'the walk found the application form',
  );
  const attacks = malformedRequests(SEED, COUNT, routes);
  const byStatus = new Map<number, number>();
  const byKind = new Map<string, Map<number, number>>();
  const findings: Finding[] = [];
  const started = Date.now();
  const worker = async () => {
    for (let next = attacks.next(); !next.done; next = attacks.next()) {
      const attack = next.value;
      const answer = await send(port, attack.request);
      byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
      const kind = byKind.get(attack.kind) ?? new Map<number, number>();
      kind.set(answer.status, (kind.get(answer.status) ?? 0) + 1);
      byKind.set(attack.kind, kind);
      const why = fault(attack, answer);
      if (why) {
        const { method, target } = attack.request;
        findings.push({
          kind: attack.kind,
          method,
          target: target.slice(0, 200),
          status: answer.status,
          why,
          body: answer.body.slice(0, 300),
        });
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (Date.now() - started) / 1000;

  const line = (m: Map<number, number>) =>
    [...m]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s || 'closed'}: ${n}`)
      .join(', ');
  console.log(
    `malformed: ${COUNT} requests in ${seconds.toFixed(1)} s (${Math.round(COUNT / seconds)}/s), seed ${SEED}; ` +
      `${routes.links.length} links, ${routes.forms.length} forms, ${routes.declared.length} declared routes; ` +
      `peak RSS ${Math.round(server.peakRssMb())} MB`,
  );
  console.log(`  by status: ${line(byStatus)}`);
  for (const [kind, m] of [...byKind].sort()) console.log(`  ${kind.padEnd(12)} ${line(m)}`);
  for (const f of findings.slice(0, 20))
    console.log(`  FAULT ${f.why}: [${f.kind}] ${f.method} ${f.target} → ${f.status} ${f.body}`);

  assert.ok(server.alive(), 'the server process is alive');
  assert.equal((await fetch(`${server.baseUrl}/healthz`)).status, 200, '/healthz answers');
  assert.deepEqual(findings.slice(0, 10), [], `${findings.length} faulty answers`);
  const unhandled = server
    .output()
    .split('\n')
    .filter((l) => l.includes('unhandled error'));
  assert.deepEqual(unhandled.slice(0, 3), [], `${unhandled.length} unhandled errors in the server's log`);
});
