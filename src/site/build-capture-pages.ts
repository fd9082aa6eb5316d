import type { Article } from '../article/article.ts';
import { diffCaptures } from '../archive/diff-captures.ts';
import { rewriteImageUrls } from '../images/rewrite-image-urls.ts';
import type { ArticlePage, CaptureChange, CapturePage, ChangesPage, Link } from './site-model.ts';
import type { SiteContext } from './make-site-context.ts';
import { shortenTitle } from './shorten-title.ts';

/**
 * The pages of an article captured more than once: one page per earlier capture
 * (`/articles/<slug>/captures/<n>/`, n = 1 for the oldest; noindex, canonical = the article page)
 * and one changes page (`/articles/<slug>/changes/`) with the diff of each consecutive pair,
 * computed here once. An article with one capture has none.
 */
export function buildCapturePages(ctx: SiteContext, a: Readonly<Article>, page: ArticlePage): { captures: CapturePage[]; changes?: ChangesPage } {
  const links = page.article.captures;
  const changesUrl = page.article.changesUrl;
  if (links.length < 2 || changesUrl === undefined) return { captures: [] };
  const { routes } = ctx;
  const trail = page.breadcrumbs.slice(0, -1);
  const short = shortenTitle(a.title);
  const articleLink: Link = { label: short, url: page.url };
  const latest = { ...articleLink, time: page.article.captured };
  const mirror = ctx.options.mirror ?? new Map<string, string>();

  const captures = a.captures.slice(1).map((c, i): CapturePage => {
    const link = links[i + 1]!;
    const route = routes.articleCapture(a.slug, link.number);
    const base = ctx.base(route, `${shortenTitle(c.title)}（第 ${link.number} 次抓取）`, [...trail, articleLink], a.summary || short);
    return {
      kind: 'capture',
      ...base,
      heading: c.title,
      canonicalUrl: page.canonicalUrl,
      breadcrumbs: [...trail, articleLink, { label: `第 ${link.number} 次抓取`, url: route.url }],
      noindex: true,
      capture: link,
      latest,
      originalUrl: a.url,
      get bodyHtml() {
        return rewriteImageUrls(c.bodyHtml, mirror);
      },
      captures: links,
      changesUrl,
    };
  });

  // Newest step first, as the captures list reads.
  const changes = a.captures.slice(1).map((older, i): CaptureChange => {
    const newer = a.captures[i]!;
    const diff = diffCaptures(older, newer);
    return {
      older: links[i + 1]!,
      newer: links[i]!,
      identical: diff.identical,
      ...(diff.title.changed ? { title: diff.title.parts } : {}),
      text: { parts: diff.text.parts, added: diff.text.added, removed: diff.text.removed, changed: diff.text.changed },
    };
  });
  const route = routes.articleChanges(a.slug);
  const changesPage: ChangesPage = {
    kind: 'changes',
    ...ctx.base(route, `${short} · 修改记录`, [...trail, articleLink], `${short}：${links.length} 次抓取之间的改动`),
    heading: `修改记录：${a.title}`,
    breadcrumbs: [...trail, articleLink, { label: '修改记录', url: route.url }],
    noindex: true,
    article: articleLink,
    changes,
  };
  return { captures, changes: changesPage };
}
