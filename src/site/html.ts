/**
 * A tagged template that escapes every interpolation. Values are escaped for text and quoted
 * attributes alike (& < > " '); arrays are joined; `Html` values (the result of `html` itself)
 * pass through. The only way to put raw markup in a page is `sanitizedBody`, for the article body
 * that the sanitizer already cleaned. URLs in attributes go through `safeUrl`.
 *
 *     html`<a href="${safeUrl(entry.url)}"><bdi>${entry.title}</bdi></a>`
 */

const RAW = Symbol('html');

export interface Html {
  readonly [RAW]: string;
}

export type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return wrap(out);
}

/** The one raw-HTML helper: only for `article.bodyHtml`, which the sanitizer produced. */
export function sanitizedBody(bodyHtml: string): Html {
  return wrap(bodyHtml);
}

/** The markup of an Html value, for Eleventy's `render`. */
export function toString(value: Html): string {
  return value[RAW];
}

/**
 * Allows http(s) URLs and site-relative URLs (`/x/`); anything else (javascript:, data:,
 * protocol-relative `//host`) becomes `#`. The result is still escaped by `html`.
 */
export function safeUrl(url: string): string {
  if (/^\/(?![/\\])/.test(url)) return url;
  if (/^https?:\/\//i.test(url)) {
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return url;
    } catch {
      // not a URL: fall through
    }
  }
  return '#';
}

export function escapeHtml(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c) : text;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function render(value: Interpolation): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'boolean') return '';
  if (typeof value === 'number') return String(value);
  if (isHtml(value)) return value[RAW];
  let out = '';
  for (const item of value) out += render(item);
  return out;
}

function isHtml(value: object): value is Html {
  return RAW in value;
}

function wrap(markup: string): Html {
  return { [RAW]: markup };
}
