import type { Capture } from '../article/article.ts';
import type { ParseOutcome } from './parse-outcome.ts';

/**
 * The same outcome with each capture's `bodyHtml` and `text` pointing at the article's own strings
 * where they are equal. A parsed article's first capture repeats its body, and results cloned from a
 * worker or read from JSON hold separate copies: two of every body, four with `text`, hundreds of MB
 * of heap at 10,000 articles. Sharing one string keeps every value identical and the memory single.
 */
export function shareCaptureBodies(outcome: ParseOutcome): ParseOutcome {
  const article = outcome.article;
  if (article === undefined || !article.captures.some((c) => c.bodyHtml === article.bodyHtml || c.text === article.text)) return outcome;
  const captures = article.captures.map((c): Capture => ({
    ...c,
    bodyHtml: c.bodyHtml === article.bodyHtml ? article.bodyHtml : c.bodyHtml,
    text: c.text === article.text ? article.text : c.text,
  }));
  return { ...outcome, article: { ...article, captures } };
}
