import { createHash } from 'node:crypto';
import { splitSeed } from '../seed/split-seed.ts';
import type { SeedProblem } from '../seed/seed-problem.ts';
import type { Article, ParseOptions } from './article.ts';
import { sanitizeSchema } from './sanitize-schema.ts';
import { toArticle } from './to-article.ts';

/** Bump when parsing or sanitizing output could change; combined with the schema so schema edits count too. */
const VERSION = 'clippings-parser 1 (2024-boilerplate-1, hero+caption, dateline, summary-160)';

/** Cache key for parsed articles: changes whenever parseArticle's output for the same bytes could change. */
export const PARSER_VERSION: string = createHash('sha256')
  .update(VERSION)
  .update(JSON.stringify(sanitizeSchema))
  .digest('hex')
  .slice(0, 16);

export interface ParseResult {
  /** Undefined when the file is rejected (problems then holds at least one error). */
  readonly article?: Article;
  readonly problems: readonly SeedProblem[];
}

/**
 * Parse one seed file into an Article. Synchronous, pure (no I/O; the only clock read bounds the timestamp to
 * one day in the future) and never throws: unexpected library errors become an error problem naming the cause.
 */
export function parseArticle(bytes: Uint8Array, path: string, options: ParseOptions): ParseResult {
  let warnings: readonly SeedProblem[] = [];
  try {
    const split = splitSeed(bytes, path);
    warnings = split.problems;
    if (split.parts === undefined) return split;
    const built = toArticle(split.parts, bytes, path, options);
    return built.article === undefined
      ? { problems: [...split.problems, ...built.problems] }
      : { article: built.article, problems: [...split.problems, ...built.problems] };
  } catch (cause) {
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    const error = new Error(`parseArticle failed on ${path}`, { cause });
    return {
      problems: [
        ...warnings,
        { path, line: 1, severity: 'error', message: `internal error while parsing (${reason}); please report this file. ${error.message}` },
      ],
    };
  }
}
