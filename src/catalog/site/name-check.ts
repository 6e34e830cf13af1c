/**
 * Names of leaders and agencies checked against the agency's register before publishing: a wrong leader's
 * name or a misspelt agency name is a serious error in website inspections (portal-standards §7). Pure.
 *
 * Leaders: a registered post (乡长) directly followed by what looks like a personal name (a common surname
 * and one or two more characters) must be followed by the name registered for that post. A longer post
 * ending the same way (副乡长, 常务副乡长) is a different post and is not read as 乡长.
 * Agencies: a stretch of text ending like a registered name (…人民政府) that differs from it by one character
 * (two for names over ten characters) is flagged; exact names and unrelated names pass.
 */
import type { NameRegister } from './site-identity.js';

// The most common surnames (about 90% of the population); a post followed by anything else is not a name.
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
]);
const HAN = /[\u4e00-\u9fa5]/;

interface NameFinding {
  /** As written in the text, e.g. 乡长张三. */
  found: string;
  /** What the register says, e.g. 乡长 李四. */
  expected: string;
}

export function checkLeaderNames(text: string, register: NameRegister): NameFinding[] {
  const out: NameFinding[] = [];
  const posts = [...new Set(register.leaders.map((l) => l.post))];
  for (const post of posts) {
    const names = register.leaders.filter((l) => l.post === post).map((l) => l.name);
    let from = 0;
    for (;;) {
      const at = text.indexOf(post, from);
      if (at < 0) break;
      from = at + post.length;
      const before = text[at - 1] ?? '';
      if (before === '副' || posts.some((p) => p !== post && p.endsWith(post) && text.endsWith(p, from)))
        continue;
      const rest = text.slice(from, from + 4);
      if (names.some((n) => rest.startsWith(n))) continue;
      if (!SURNAMES.has(rest[0] ?? '') || !HAN.test(rest[1] ?? '')) continue;
      // Two characters unless exactly three stand before punctuation (张小三。); the reviewer sees the text.
      const name = HAN.test(rest[2] ?? '') && !HAN.test(rest[3] ?? '') ? rest.slice(0, 3) : rest.slice(0, 2);
      out.push({ found: `${post}${name}`, expected: names.map((n) => `${post} ${n}`).join('、') });
    }
  }
  return dedupe(out);
}

export function checkAgencyNames(text: string, registered: readonly string[]): NameFinding[] {
  const out: NameFinding[] = [];
  for (const name of registered) {
    if (name.length < 4) continue;
    const tail = name.slice(-2);
    const limit = name.length > 10 ? 2 : 1;
    let from = 0;
    for (;;) {
      const at = text.indexOf(tail, from);
      if (at < 0) break;
      const end = at + tail.length;
      from = end;
      let best: { window: string; d: number } | undefined;
      for (const len of [name.length - 1, name.length, name.length + 1]) {
        if (len > end) continue;
        const window = text.slice(end - len, end);
        const d = distance(window, name);
        if (!best || d < best.d) best = { window, d };
      }
      if (!best || best.d === 0 || best.d > limit) continue;
      // Another registered name written exactly here is not a misspelling of this one.
      if (registered.some((r) => text.slice(end - r.length, end) === r)) continue;
      if (![...best.window].every((c) => HAN.test(c))) continue;
      out.push({ found: best.window, expected: name });
    }
  }
  return dedupe(out);
}

function dedupe(xs: NameFinding[]): NameFinding[] {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(x.found) && (seen.add(x.found), true));
}

/** Levenshtein distance over characters (names are short). */
export function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}
