import type { Article } from '../article/article.ts';
import { diffCaptures } from '../archive/diff-captures.ts';
import type { CaptureDiffs } from '../archive/cached-capture-diffs.ts';
import { rewriteImageUrls } from '../images/rewrite-image-urls.ts';
import type { ArticlePage, CaptureChange, ChangesPage, EarlierCapture, Link } from './site-model.ts';
import type { SiteContext } from './make-site-context.ts';
import { shortenTitle } from './shorten-title.ts';

/**
 * The one page of an article captured more than once, `/articles/<slug>/changes/` (noindex): the
 * diff of each consecutive pair of captures, computed here once, newest step first, then every
 * earlier capture in full at `#capture-<n>` (n = 1 for the oldest), newest first. One file per
 * recaptured article, where a page per earlier capture beside it would be one more each; a reader
 * finds the same titles and bodies, one link away from the article. An article with one capture
 * has none.
 */
export function buildChangesPage(ctx: SiteContext, a: Readonly<Article>, page: ArticlePage, diffs?: CaptureDiffs): ChangesPage | undefined {
  const links = page.article.captures;
  const changesUrl = page.article.changesUrl;
  if (links.length < 2 || changesUrl === undefined) return undefined;
  const trail = page.breadcrumbs.slice(0, -1);
  const short = shortenTitle(a.title);
  const articleLink: Link = { label: short, url: page.url };
  const mirror = ctx.options.mirror ?? new Map<string, string>();

  // Newest step first, as the captures list reads.
  const changes = a.captures.slice(1).map((older, i): CaptureChange => {
    const newer = a.captures[i]!;
    const diff = diffs === undefined ? diffCaptures(older, newer) : diffs.diff(older, newer);
    return {
      older: links[i + 1]!,
      newer: links[i]!,
      identical: diff.identical,
      ...(diff.title.changed ? { title: diff.title.parts } : {}),
      text: { parts: diff.text.parts, added: diff.text.added, removed: diff.text.removed, changed: diff.text.changed },
    };
  });
  const earlier = a.captures.slice(1).map((c, i): EarlierCapture => ({
    capture: links[i + 1]!,
    // Read from the archive's text store when the page is digested or rendered, never held (offload-texts.ts).
    get bodyHtml() {
      return rewriteImageUrls(c.bodyHtml, mirror);
    },
  }));
  const route = ctx.routes.articleChanges(a.slug);
  return {
    kind: 'changes',
    ...ctx.base(route, `${short} · 修改记录`, [...trail, articleLink], `${short}：${links.length} 次抓取之间的改动`),
    heading: `修改记录：${a.title}`,
    breadcrumbs: [...trail, articleLink, { label: '修改记录', url: route.url }],
    noindex: true,
    article: articleLink,
    changes,
    earlier,
    originalUrl: a.url,
  };
}

/** The fragment of an earlier capture on the changes page: `capture-<n>`. */
export function captureAnchor(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`not a capture number: ${n}`);
  return `capture-${n}`;
}
