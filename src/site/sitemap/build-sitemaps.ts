/**
 * sitemap.xml for every HTML page of the site. Up to `maxUrlsPerFile` URLs (the protocol's limit,
 * 50,000) it is one `<urlset>`; beyond that `sitemap.xml` becomes a `<sitemapindex>` of
 * `sitemap-1.xml`, `sitemap-2.xml`, … each holding at most `maxUrlsPerFile` URLs. URLs that name a
 * `group` are split by group instead, `sitemap-<group>.xml` (`sitemap-<group>-2.xml`, … past the
 * limit), so a part keeps its URLs when others are added: the site puts each year's articles in a
 * group and the other pages in one, and an added article rewrites its year's part and the pages'
 * part, not every part after it.
 *
 *     const files = buildSitemaps(pages.map((p) => ({ url: p.url })), { pathPrefix: '/sub/', absolute: ctx.canonical });
 *     // [{ path: 'sitemap.xml', url: '/sub/sitemap.xml', xml: '<?xml …' }]
 */

export interface SitemapUrl {
  /** Site-relative URL including the path prefix, e.g. `/sub/articles/abc/`. */
  readonly url: string;
  /** W3C datetime of the page's last change, when known (articles: the newest capture). */
  readonly lastmod?: string;
  /** Part of a split sitemap this URL goes in (`[a-z0-9-]+`), e.g. `articles-2023`. */
  readonly group?: string;
}

export interface SitemapFile {
  readonly kind: 'sitemap';
  /** Output path relative to the output dir. */
  readonly path: string;
  /** Site-relative URL including the path prefix. */
  readonly url: string;
  readonly xml: string;
}

export interface SitemapOptions {
  /** Site-relative URL → absolute URL, e.g. `/sub/x/` → `https://user.github.io/sub/x/`. */
  readonly absolute: (url: string) => string;
  /** "/" or "/sub/". */
  readonly pathPrefix: string;
  /** URLs per sitemap file (default and maximum 50,000). */
  readonly maxUrlsPerFile?: number;
}

export function buildSitemaps(pages: readonly SitemapUrl[], options: SitemapOptions): SitemapFile[] {
  const max = options.maxUrlsPerFile ?? MAX_URLS;
  if (!Number.isSafeInteger(max) || max < 1 || max > MAX_URLS) {
    throw new RangeError(`maxUrlsPerFile must be an integer from 1 to ${MAX_URLS}, got ${max}`);
  }
  const file = (name: string, xml: string): SitemapFile => ({
    kind: 'sitemap',
    path: name,
    url: `${options.pathPrefix}${name}`,
    xml,
  });
  const { absolute } = options;
  if (pages.length <= max) return [file('sitemap.xml', urlset(pages, absolute))];

  const parts: SitemapFile[] = [];
  for (const [group, list] of groups(pages)) {
    for (let i = 0; i * max < list.length; i++) {
      const name = group === '' ? `sitemap-${i + 1}.xml` : `sitemap-${group}${i === 0 ? '' : `-${i + 1}`}.xml`;
      parts.push(file(name, urlset(list.slice(i * max, (i + 1) * max), absolute)));
    }
  }
  const index = [
    HEAD,
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...parts.map((p) => `<sitemap><loc>${escapeXml(absolute(p.url))}</loc></sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
  return [file('sitemap.xml', index), ...parts];
}

const MAX_URLS = 50_000;

/** URLs by group in order of first appearance ('' for URLs without one). */
function groups(pages: readonly SitemapUrl[]): Map<string, SitemapUrl[]> {
  const out = new Map<string, SitemapUrl[]>();
  for (const p of pages) {
    const group = p.group ?? '';
    if (group !== '' && !/^[a-z0-9-]+$/.test(group)) throw new Error(`unsafe sitemap group for an output path: ${JSON.stringify(group)}`);
    const list = out.get(group);
    if (list) list.push(p);
    else out.set(group, [p]);
  }
  return out;
}
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';

function urlset(pages: readonly SitemapUrl[], absolute: (url: string) => string): string {
  const rows = pages.map((p) => {
    const lastmod = p.lastmod === undefined ? '' : `<lastmod>${escapeXml(p.lastmod)}</lastmod>`;
    return `<url><loc>${escapeXml(absolute(p.url))}</loc>${lastmod}</url>`;
  });
  return [HEAD, '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...rows, '</urlset>', ''].join('\n');
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
