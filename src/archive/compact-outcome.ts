import type { Capture, ParsedArticle } from '../article/article.ts';
import type { SeedProblem } from '../seed/seed-problem.ts';
import type { ParseOutcome } from './parse-outcome.ts';

type CompactCapture = Omit<Capture, 'bodyHtml' | 'text'> & { bodyHtml: string | null; text: string | null };

/**
 * A parse outcome as it crosses threads and as the parse cache stores it: a capture's body and text are
 * null where they equal the article's (every article's own capture). A structured clone or a JSON line
 * would otherwise carry, and the heap hold, two copies of every body and text: 250 MB at 30,000 seeds
 * while loading, until the copies were shared again.
 */
export interface CompactOutcome {
  readonly article?: Omit<ParsedArticle, 'captures'> & { readonly captures: CompactCapture[] };
  readonly problems: readonly SeedProblem[];
}

export function compactOutcome(outcome: ParseOutcome): CompactOutcome {
  const article = outcome.article;
  if (article === undefined) return outcome as CompactOutcome;
  const captures = article.captures.map((c) => ({ ...c, bodyHtml: c.bodyHtml === article.bodyHtml ? null : c.bodyHtml, text: c.text === article.text ? null : c.text }));
  return { ...outcome, article: { ...article, captures } };
}

/** Undoes `compactOutcome` in place (on a fresh clone or JSON value), pointing the nulls at the article's own strings. */
export function expandOutcome(outcome: CompactOutcome): ParseOutcome {
  const article = outcome.article;
  if (article !== undefined) {
    for (const c of article.captures) {
      c.bodyHtml ??= article.bodyHtml;
      c.text ??= article.text;
    }
  }
  return outcome as ParseOutcome;
}
