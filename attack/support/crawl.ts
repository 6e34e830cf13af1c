/**
 * The public routes as a visitor finds them: a breadth-first walk of the portal from `/` (same-origin links,
 * bounded), collecting each page's links and forms, plus the routes the sources declare outside /admin (every
 * `app.get|post|…('/…'` under src/, the public forms registered by `*.admin.tsx` files included; `:params` are
 * filled from what the walk saw), so a route nothing links to is attacked too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface FoundForm {
  action: string;
  method: string;
  enctype: string;
  /** The form's named inputs with the value the page gave them. */
  fields: Array<[string, string]>;
}

export interface PublicRoutes {
  /** Concrete paths (with query) seen as links. */
  links: string[];
  forms: FoundForm[];
  /** Route templates from the sources, e.g. ['POST', '/:agency/hdjl/new']. */
  declared: Array<[string, string]>;
  /** The agencies' path segments (the first segment of the portal's links). */
  agencies: string[];
}

const attr = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]?.replace(/&amp;/g, '&') ?? '';

function formsOf(html: string, page: URL): FoundForm[] {
  const forms: FoundForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const fields: Array<[string, string]> = [];
    for (const input of m[2]!.matchAll(/<(input|textarea|select)\b([^>]*)>/g)) {
      const name = attr(input[2]!, 'name');
      if (name) fields.push([name, attr(input[2]!, 'value')]);
    }
    const action = new URL(attr(m[1]!, 'action') || page.pathname, page);
    forms.push({
      action: action.pathname + action.search,
      method: (attr(m[1]!, 'method') || 'get').toUpperCase(),
      enctype: attr(m[1]!, 'enctype') || 'application/x-www-form-urlencoded',
      fields,
    });
  }
  return forms;
}

async function walk(baseUrl: string, maxPages: number) {
  const seen = new Set<string>(['/']);
  const queue = ['/'];
  const forms = new Map<string, FoundForm>();
  while (queue.length && seen.size <= maxPages) {
    const path = queue.shift()!;
    const res = await fetch(baseUrl + path, { redirect: 'manual' });
    if (!(res.headers.get('content-type') ?? '').includes('text/html')) continue;
    const html = await res.text();
    const page = new URL(path, baseUrl);
    for (const m of html.matchAll(/\shref="([^"#]*)/g)) {
      const url = new URL(m[1]!.replace(/&amp;/g, '&'), page);
      const key = url.pathname + url.search;
      if (url.origin !== page.origin || key.startsWith('/static/') || seen.has(key)) continue;
      seen.add(key);
      queue.push(key);
    }
    for (const f of formsOf(html, page)) forms.set(`${f.method} ${f.action}`, f);
  }
  return { links: [...seen], forms: [...forms.values()] };
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** Every `app.get|post|…('/path'` in the sources that is not the back office (its login page excepted). */
export function declaredRoutes(srcDir = 'src'): Array<[string, string]> {
  const routes = new Set<string>();
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\.(get|post|put|patch|delete)\s*(?:<[^(]*>)?\s*\(\s*['`](\/[^'`$]*)['`]/g))
      if (!m[2]!.startsWith('/admin') || m[2]!.startsWith('/admin/login'))
        routes.add(`${m[1]!.toUpperCase()} ${m[2]!}`);
  }
  return [...routes].sort().map((r) => r.split(' ') as [string, string]);
}

export async function publicRoutes(baseUrl: string, maxPages = 400): Promise<PublicRoutes> {
  const { links, forms } = await walk(baseUrl, maxPages);
  const agencies = [
    ...new Set(links.map((l) => /^\/([a-z][\w-]*)\/$/.exec(l)?.[1]).filter((s): s is string => !!s)),
  ];
  return { links, forms, declared: declaredRoutes(), agencies };
}
