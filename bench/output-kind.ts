/** The kind of an output file, from its path (the URL scheme of src/site/make-routes.ts), for churn and size tables. */
export function outputKind(path: string): string {
  if (path.startsWith('pagefind/') || path.startsWith('search/')) return 'search';
  if (path.startsWith('data/')) return 'data export';
  if (/^articles\/[^/]+\/index\.html$/.test(path)) return 'article';
  if (path.startsWith('articles/')) return 'capture/changes';
  if (/(^|\/)feed\.xml$/.test(path)) return 'feed';
  if (/^sitemap/.test(path) || path === 'robots.txt') return 'sitemap/robots';
  if (/^archive\/\d{4}\/\d{2}\/\d{2}\//.test(path)) return 'day';
  if (/^archive\/\d{4}\/\d{2}\//.test(path)) return 'month';
  if (/^archive\/\d{4}\//.test(path)) return 'year';
  if (/^(page|topics\/[^/]+\/page|outlets\/[^/]+\/page)\//.test(path)) return 'old list address (redirect)';
  if (path.startsWith('topics/')) return path === 'topics/index.html' ? 'topic index' : /^topics\/[^/]+\/index\.html$/.test(path) ? 'topic first page' : 'topic list';
  if (path.startsWith('outlets/')) return path === 'outlets/index.html' ? 'outlet index' : /^outlets\/[^/]+\/index\.html$/.test(path) ? 'outlet first page' : 'outlet list';
  if (path === 'index.html') return 'home';
  if (path.startsWith('p/') || path.startsWith('page/')) return 'home list';
  if (path.endsWith('.html')) return 'other page';
  return 'asset';
}
