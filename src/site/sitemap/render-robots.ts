/**
 * robots.txt: everything may be crawled; the sitemap is named by its absolute URL, as the
 * protocol requires. Crawlers only read robots.txt at the root of a host, so on a site served
 * under a path prefix (`https://user.github.io/repo/`) this file is informative only; the
 * sitemap can still be submitted directly.
 *
 *     renderRobots('https://user.github.io/repo/sitemap.xml')
 */
export function renderRobots(sitemapUrl: string): string {
  if (!/^https?:\/\/[^\s]+$/.test(sitemapUrl)) throw new Error(`robots.txt needs an absolute sitemap URL, got ${JSON.stringify(sitemapUrl)}`);
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}
