import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { auditDocument } from './audit.js';
import { makeReport } from './corpus/generate.js';
import { render } from './corpus/render.js';
import { publishedText, SEED } from './testing.js';

// The auditor reads what others published: it must never throw or hang, whatever the input.
const check = async (bytes: Uint8Array, name: string) => {
  const r = await auditDocument(bytes, name);
  assert.ok(Array.isArray(r.findings));
  assert.ok(r.readable || r.findings.length > 0);
};

const enc = (s: string) => new TextEncoder().encode(s);

void test('never throws on arbitrary strings (text and HTML)', { timeout: 60_000 }, async () => {
  const pieces = fc.constantFrom(
    '\t',
    '\n',
    '|',
    '  ',
    '<td>',
    '</tr>',
    '<table>',
    '一、总体情况',
    '三、收到和处理政府信息公开申请情况',
    '（七）总计',
    '1.属于国家秘密',
    '0',
    '-1',
    '/',
    '无',
    '63.79 万元',
    '&#x4e00;',
    '&',
    '(',
    '）',
    '自治区',
    '2021年',
  );
  const text = fc
    .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), pieces), { maxLength: 80 })
    .map((a) => a.join(''));
  await fc.assert(
    fc.asyncProperty(text, fc.constantFrom('a.txt', 'a.html'), async (s, name) => check(enc(s), name)),
    { numRuns: 150 },
  );
});

void test(
  'never throws on arbitrary bytes, including fake PDF, ZIP and OLE2 headers',
  { timeout: 60_000 },
  async () => {
    const magic = fc.constantFrom(
      [],
      [0x25, 0x50, 0x44, 0x46, 0x2d],
      [0x50, 0x4b, 0x03, 0x04],
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
      [0xef, 0xbb, 0xbf],
      [0xff, 0xfe],
    );
    await fc.assert(
      fc.asyncProperty(
        magic,
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom('x.pdf', 'x.docx', 'x.doc', 'x.wps', 'x.txt'),
        async (m, body, name) => check(new Uint8Array([...m, ...body]), name),
      ),
      { numRuns: 80 },
    );
  },
);

void test(
  'never throws on mutated real and generated reports (cuts, splices, duplications)',
  { timeout: 60_000 },
  async () => {
    const sources = [
      publishedText(SEED),
      render(makeReport(3), { kind: 'text' }),
      render(makeReport(4), { kind: 'html' }),
    ];
    const edit = fc.record({ at: fc.nat(), len: fc.nat({ max: 400 }), insert: fc.string({ maxLength: 30 }) });
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: sources.length - 1 }),
        fc.array(edit, { maxLength: 6 }),
        async (k, edits) => {
          let s = sources[k]!;
          for (const e of edits) {
            const at = e.at % (s.length + 1);
            s =
              e.len % 3 === 0
                ? s.slice(0, at) + s.slice(at, at + e.len) + s.slice(at)
                : s.slice(0, at) + e.insert + s.slice(at + e.len);
          }
          await check(enc(s), k === 2 ? 'r.html' : 'r.txt');
        },
      ),
      { numRuns: 120 },
    );
  },
);
