/**
 * Test support: the labelled real reports under test/fixtures/audit/ (copies of the steering repository's
 * shared/seed and shared/fixtures/annual-reports). The shared fixtures start with "# key: value" header lines and end
 * with a "[... stored text ends here ...]" marker added when they were saved; both are blanked (kept as
 * empty lines, so line numbers still match the file) and the auditor sees only the text as published.
 */
import { readFileSync } from 'node:fs';

const FIXTURE_DIR = new URL('../../test/fixtures/audit/', import.meta.url);

export function publishedText(name: string): string {
  const raw = readFileSync(new URL(name, FIXTURE_DIR), 'utf8');
  const lines = raw.split('\n');
  const sep = lines.findIndex((l) => /^# -{10,}/.test(l));
  return lines
    .map((l, i) => (i <= sep || /^\[\.\.\. stored text ends here \.\.\.\]$/.test(l.trim()) ? '' : l))
    .join('\n');
}

export function publishedBytes(name: string): Uint8Array {
  return new TextEncoder().encode(publishedText(name));
}

export const SEED = '2020-zhongxing-township-annual-report.txt';
export const QIANJIANG = '05-qianjiang-zhouji-street-2020.txt';
export const JIAXIAN = '07-jiaxian-xizhen-town-2022.txt';
export const XIONGXIAN = '16-xiongxian-township-2019.txt';
