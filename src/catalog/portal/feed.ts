/** Atom feeds (RFC 4287) per agency and per column, advertised on the pages with <link rel="alternate">. */
import type { Agency } from '../../access/agency.js';
import type { Item } from '../items/item.js';

const esc = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

export function atomFeed(opts: {
  baseUrl: string;
  selfPath: string;
  title: string;
  agency: Agency;
  items: Item[];
}): string {
  const base = opts.baseUrl.replace(/\/$/, '');
  const updated = opts.items[0]?.updatedAt ?? '1970-01-01T00:00:00.000Z';
  const entries = opts.items
    .map((i) => {
      const href = `${base}/${opts.agency.pathSegment}/xxgk/items/${i.id}`;
      return `<entry><id>urn:uuid:${esc(i.id)}</id><title>${esc(i.title)}</title><link rel="alternate" href="${esc(href)}"/><published>${esc(i.publishedAt ?? '')}</published><updated>${esc(i.updatedAt)}</updated><summary>${esc(i.summary)}</summary></entry>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>${esc(base + opts.selfPath)}</id><title>${esc(opts.title)}</title><updated>${esc(updated)}</updated><author><name>${esc(opts.agency.name)}</name></author><link rel="self" href="${esc(base + opts.selfPath)}"/>${entries}</feed>`;
}
