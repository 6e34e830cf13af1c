/**
 * How the XSS attack sees a payload execute in Chromium: every payload's call reports its injection id through
 * a function the test exposes (`__xss`), a dialog (alert/confirm/prompt) or a console line (`-id`). Besides
 * execution, a scan of the rendered DOM reports markup that only an injection can make (an `on…` attribute, a
 * javascript:/data: URL, an inline script, a style attribute, a frame or object) — so a payload that the CSP or
 * a missing click kept from running still counts as a failure of the escaping.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface Hit {
  /** The injection id the payload reported, or NaN when only the DOM scan saw it. */
  id: number;
  how: string;
  url: string;
}

/** Exposes `__xss` to every page and frame of the context and records each call. */
export async function watchContext(context: BrowserContext, hits: Hit[]): Promise<void> {
  await context.exposeBinding('__xss', (source, id: unknown) => {
    hits.push({ id: Number(id), how: '__xss() called', url: source.frame.url() });
  });
}

/** Records the dialogs and console markers of one page (and dismisses the dialogs). */
export function watchPage(page: Page, hits: Hit[]): void {
  page.on('dialog', (d) => {
    hits.push({ id: Number(d.message()), how: `${d.type()}() opened`, url: page.url() });
    void d.dismiss().catch(() => undefined);
  });
  page.on('console', (m) => {
    const text = m.text().trim();
    if (/^-\d+$/.test(text)) hits.push({ id: -Number(text), how: 'console marker', url: page.url() });
  });
}

/**
 * Runs in the page: markup the platform never makes itself, so it can only come from an injection. (No inner
 * named functions: tsx would wrap them in a `__name` helper the page does not have.)
 */
function scanDom(): string[] {
  const found: string[] = [];
  const urlAttrs = /^(href|src|action|formaction|xlink:href|data|poster|background|srcset|codebase|ping)$/;
  const never =
    /^(iframe|frame|frameset|object|embed|applet|base|style|template|xmp|plaintext|noembed|marquee|math|isindex|keygen|portal|animate|animatetransform|set|foreignobject|video|audio|dialog|meter)$/;
  for (const el of Array.from(document.querySelectorAll('*'))) {
    const tag = el.localName.toLowerCase();
    if (never.test(tag)) found.push(`<${tag}> element: ${el.outerHTML.slice(0, 160)}`);
    if (tag === 'script') {
      const src = el.getAttribute('src') ?? '';
      if (!src.startsWith('/static/') || (el.textContent ?? '').trim())
        found.push(`script: ${el.outerHTML.slice(0, 160)}`);
    }
    if ((tag === 'meta' || tag === 'link') && el.closest('body'))
      found.push(`<${tag}> in body: ${el.outerHTML.slice(0, 160)}`);
    for (const a of Array.from(el.attributes)) {
      const name = a.name.toLowerCase();
      // eslint-disable-next-line no-control-regex -- browsers ignore control characters in URL attributes
      const value = a.value.replace(/[\u0000-\u0020]/g, '');
      if (name.startsWith('on')) found.push(`${name} attribute: ${el.outerHTML.slice(0, 160)}`);
      else if (name === 'style' || name === 'srcdoc')
        found.push(`${name} attribute: ${el.outerHTML.slice(0, 160)}`);
      else if (
        urlAttrs.test(name) &&
        /^(javascript|vbscript|data):/i.test(value) &&
        !/^data:image\//i.test(value)
      )
        found.push(`${name}=${value.slice(0, 40)}: ${el.outerHTML.slice(0, 160)}`);
      // The payloads' own call (`__xss(`), not any "xss": a random tracking code (WXSSXUE38L3F) is not a payload.
      else if (name !== 'value' && /_xss|xss\s*\(/i.test(a.value))
        found.push(`${name} carries a payload: ${el.outerHTML.slice(0, 160)}`);
    }
  }
  return found;
}

/** The DOM scan of the page as it is now, with what each finding names. */
export async function injectedMarkup(page: Page): Promise<string[]> {
  return page.evaluate(scanDom);
}
