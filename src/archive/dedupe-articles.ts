import { withFields } from './with-fields.ts';
import type { ParsedArticle, Capture } from '../article/article.ts';

export interface Deduped {
  readonly articles: Readonly<ParsedArticle>[];
  /** Accepted files folded into another article (byte twins and older captures). */
  readonly merged: number;
}

/**
 * One article per canonical URL: the newest capture (publishedAt, ties broken by contentHash) wins and
 * carries every distinct capture, newest first. Byte-identical files (same contentHash) count once,
 * the one with the smallest path standing for all. The result does not depend on the input order.
 */
export function dedupeArticles(parsed: readonly Readonly<ParsedArticle>[]): Deduped {
  const byUrl = new Map<string, Readonly<ParsedArticle>[]>();
  const seenBytes = new Map<string, Readonly<ParsedArticle>>();
  for (const article of parsed) {
    const twin = seenBytes.get(article.contentHash);
    if (twin !== undefined && twin.sourcePath <= article.sourcePath) continue;
    seenBytes.set(article.contentHash, article);
  }
  for (const article of seenBytes.values()) {
    const list = byUrl.get(article.canonicalUrl);
    if (list === undefined) byUrl.set(article.canonicalUrl, [article]);
    else list.push(article);
  }
  const articles: Readonly<ParsedArticle>[] = [];
  for (const versions of byUrl.values()) {
    versions.sort(newestFirst);
    const [winner] = versions;
    if (winner === undefined) continue;
    if (versions.length === 1) {
      articles.push(winner);
      continue;
    }
    const captures = versions.map(ownCapture).sort(newestCaptureFirst);
    articles.push(withFields(winner, { captures }));
  }
  return { articles, merged: parsed.length - articles.length };
}

function newestFirst(a: Readonly<ParsedArticle>, b: Readonly<ParsedArticle>): number {
  return b.publishedAt - a.publishedAt || compare(b.contentHash, a.contentHash);
}

function newestCaptureFirst(a: Capture, b: Capture): number {
  return b.capturedAt - a.capturedAt || compare(b.contentHash, a.contentHash);
}

/** The capture an article's own file made (the parser puts it first). */
function ownCapture(article: Readonly<ParsedArticle>): Capture {
  return (
    article.captures.find((c) => c.contentHash === article.contentHash) ?? {
      capturedAt: article.publishedAt,
      title: article.title,
      text: article.text,
      bodyHtml: article.bodyHtml,
      sourcePath: article.sourcePath,
      contentHash: article.contentHash,
    }
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
