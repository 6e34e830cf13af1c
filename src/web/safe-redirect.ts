/**
 * Where a `back` / `next` parameter may send the browser: a path on this site, never another site. Accepted: one
 * leading `/` (not `//`), no backslash (browsers read `/\evil.example` as `//evil.example`), no control
 * characters (browsers drop a tab or newline, so `/<TAB>/evil.example` becomes `//evil.example`) — checked
 * on the value as given (Fastify has decoded the query) and once more decoded, so a double-encoded trick fails
 * too; and, last, the URL a browser makes of it must stay on this origin. Anything else gives `fallback`. The path
 * returned is the one the URL parser normalised (non-ASCII percent-encoded), safe for a Location header.
 */
const ORIGIN = 'http://same-site.invalid';

/** A character browsers drop, or read as a slash: C0/C1 controls, DEL, the backslash. */
const dropped = (c: number) => c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x5c;

const unsafe = (s: string) =>
  !s.startsWith('/') || s.startsWith('//') || [...s].some((ch) => dropped(ch.charCodeAt(0)));

export function sameSitePath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > 2000 || unsafe(value)) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return fallback;
  }
  if (unsafe(decoded)) return fallback;
  const url = new URL(value, ORIGIN);
  if (url.origin !== ORIGIN) return fallback;
  return url.pathname + url.search + url.hash;
}
