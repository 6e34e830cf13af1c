/**
 * The XSS attack's ledger: every payload put into a form field gets its own id, so an execution reported by
 * that id names the payload, the field and the kind of submission it came through.
 */
import { xssPayloads } from './xss-payloads.js';

export const payloads = xssPayloads();
export const N = payloads.length;

interface Injection {
  payload: string;
  field: string;
  where: string;
}
const ledger = new Map<number, Injection>();
let nextId = 700_001;

export const injectionCount = () => ledger.size;

/** What injection `id` was, in words. */
export const describe = (id: number) => {
  const i = ledger.get(id);
  return i ? `${i.payload} in ${i.field} (${i.where})` : `id ${id}`;
};

/** Payload `i` (modulo N) for `field` of a `where` submission; its calls report a new id. */
export function inject(i: number, field: string, where: string): string {
  const id = nextId++;
  const p = payloads[((i % N) + N) % N]!;
  ledger.set(id, { payload: p.name, field, where });
  return p.render(id);
}

/** Payloads `from` … `from + count - 1`, one after another in one field. */
export function several(from: number, count: number, field: string, where: string): string {
  return Array.from({ length: count }, (_, j) => inject(from + j, field, where)).join(' ');
}

/** Payload `i` if it fits `max` characters (and `ok`), else the first one after it that does. */
export function injectFitting(
  i: number,
  field: string,
  where: string,
  max: number,
  ok = (_: string) => true,
): string {
  for (let k = 0; k < N; k++) {
    const s = payloads[(i + k) % N]!.render(nextId).trim();
    if (s && s.length <= max && ok(s)) return inject(i + k, field, where);
  }
  throw new Error(`no payload fits ${field}`);
}

/**
 * The values of one submission: field k of submission i carries `per` payloads starting at (i + k) · per, so
 * over N / per submissions every payload goes through every field.
 */
export function rotated(i: number, per: number, names: string[], where: string): Record<string, string> {
  return Object.fromEntries(names.map((f, k) => [f, several((i + k) * per, per, f, where)]));
}
