import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { ParsedArticle } from '../article/article.ts';

/**
 * Every remote image an archive shows: `<img src>` in the bodies and the hero images, newest
 * article first, each URL once, exactly as written (the key under which it is cached and rewritten).
 */
export function collectImageUrls(articles: readonly Readonly<ParsedArticle>[]): string[] {
  const urls = new Set<string>();
  const add = (src: string | undefined): void => {
    if (src !== undefined && toFetchUrl(src) !== undefined) urls.add(src);
  };
  for (const article of articles) {
    add(article.hero?.src);
    for (const src of imageSources(article.bodyHtml)) add(src);
  }
  return [...urls];
}

/** The `src` of every `<img>` of an HTML fragment, in document order. */
export function imageSources(html: string): string[] {
  const sources: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node) => {
    const src = node.properties['src'];
    if (node.tagName === 'img' && typeof src === 'string') sources.push(src.trim());
  });
  return sources;
}

/** The URL to download for a src: absolute http(s) or protocol-relative (fetched over https). */
export function toFetchUrl(src: string): string | undefined {
  const absolute = src.startsWith('//') ? `https:${src}` : src;
  if (!/^https?:\/\//i.test(absolute)) return undefined;
  try {
    return new URL(absolute).href;
  } catch {
    return undefined;
  }
}
