/**
 * The annual-report auditor over 1,000 generated reports of realistic size (half copied text, half HTML;
 * about 8 KB each, like a township's published report), on one core, against a plain read + normalise pass
 * over the same bytes in the same run (decode, 繁体 check, width folding, line split) — the floor any
 * auditor pays. Reports audited per second, and peak memory (RSS) during the audit pass.
 */
import { figure, type Bench } from './bench.js';
import { auditDocument } from '../src/audit/audit.js';
import { auditManyInSandbox } from '../src/audit/sandboxed-audit.js';
import { sandboxPool } from '../src/platform/sandbox/sandbox.js';
import { makeReport } from '../src/audit/corpus/generate.js';
import { render } from '../src/audit/corpus/render.js';
import { decode } from '../src/audit/read/decode.js';
import { foldWidth, toSimplified } from '../src/audit/read/normalise.js';

const FILLER =
  '坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作，' +
  '进一步规范政府信息公开工作，加强政策解读和回应关切，推进决策、执行、管理、服务、结果公开，切实保障人民群众的知情权、参与权和监督权。';

function corpus(n: number): { bytes: Uint8Array; name: string }[] {
  const docs: { bytes: Uint8Array; name: string }[] = [];
  for (let i = 0; i < n; i++) {
    const rep = makeReport(900000 + i);
    // Real reports carry several paragraphs per subsection: pad section 一 and 五 to a realistic size.
    rep.narrative.s1 = rep.narrative.s1.flatMap((l) => (l.startsWith('（') ? [l] : [l, FILLER, FILLER]));
    rep.narrative.s5 = rep.narrative.s5.flatMap((l) => [l, FILLER]);
    const kind = i % 2 === 0 ? 'text' : 'html';
    docs.push({
      bytes: new TextEncoder().encode(render(rep, { kind })),
      name: kind === 'html' ? 'r.html' : 'r.txt',
    });
  }
  return docs;
}

function plainPass(docs: { bytes: Uint8Array }[]): number {
  let lines = 0;
  for (const d of docs)
    lines += foldWidth(toSimplified(decode(d.bytes).text).text).split(/\r\n|\r|\n/).length;
  return lines;
}

const bench: Bench = {
  name: 'audit',
  async run({ scale, log }) {
    const n = scale === 'full' ? 5000 : 1000;
    const docs = corpus(n);
    const kb = docs.reduce((s, d) => s + d.bytes.length, 0) / docs.length / 1024;
    log(`${n} reports, mean ${kb.toFixed(1)} KB`);
    // Warm up both paths (JIT, opencc dictionaries untouched for simplified text).
    plainPass(docs.slice(0, 50));
    for (const d of docs.slice(0, 50)) await auditDocument(d.bytes, d.name);

    let t = performance.now();
    plainPass(docs);
    const plainPerSec = n / ((performance.now() - t) / 1000);

    const before = process.memoryUsage().rss;
    let peak = before;
    let findings = 0;
    t = performance.now();
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      findings += (await auditDocument(d.bytes, d.name)).findings.length;
      if (i % 50 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
    const auditPerSec = n / ((performance.now() - t) / 1000);
    peak = Math.max(peak, process.memoryUsage().rss);

    // As `gongkai audit --dir` runs it: files read and audited in sandbox children, 16 a job, one lane per child.
    const pool = sandboxPool();
    const workers = pool.options.workers;
    const files = docs.map((d) => ({ bytes: d.bytes, fileName: d.name }));
    const chunks = Array.from({ length: Math.ceil(n / 16) }, (_, i) => files.slice(i * 16, i * 16 + 16));
    await Promise.all(chunks.slice(0, workers * 3).map((c) => auditManyInSandbox(c)));
    let next = 0;
    t = performance.now();
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (next < chunks.length) await auditManyInSandbox(chunks[next++]!);
      }),
    );
    const sandboxPerSecPerChild = n / ((performance.now() - t) / 1000) / workers;
    await pool.close();
    log(`findings on correct reports: ${findings} (expected 0)`);
    return [
      figure(
        'reports audited per second (one core)',
        auditPerSec,
        'reports/s',
        { name: 'plain read + normalise', value: plainPerSec },
        'higher',
        {
          notes: 'the auditor reads, maps every table onto the model and runs every rule',
        },
      ),
      figure(
        'reports audited per second per child in the sandbox (batch)',
        sandboxPerSecPerChild,
        'reports/s',
        { name: 'in-process audit, one core', value: auditPerSec },
        'higher',
        {
          target: 0.4,
          notes: `${workers} child processes, 16 files a job, as gongkai audit --dir runs; issue 20 asks ≥ 200 reports/s/core`,
        },
      ),
      figure(
        'peak RSS while auditing',
        peak / 1048576,
        'MB',
        { name: 'RSS before the audit pass (corpus loaded)', value: before / 1048576 },
        'lower',
      ),
    ];
  },
};

export default bench;
