import { fileURLToPath } from 'node:url';
import { hashSources } from '../runtime/hash-sources.ts';
import { splitSeed } from '../seed/split-seed.ts';
import type { SeedProblem } from '../seed/seed-problem.ts';
import type { ParsedArticle, ParseOptions } from './article.ts';
import { toArticle } from './to-article.ts';

/**
 * Cache key for parsed articles: changes whenever parseArticle's output for the same bytes could change.
 * It hashes the source of every parsing module (src/seed, src/article) rather than a hand-bumped
 * number, so an edit to the schema, a boilerplate rule or a field extractor can never serve stale cache.
 */
export const PARSER_VERSION: string = hashSources([
  fileURLToPath(new URL('.', import.meta.url)),
  fileURLToPath(new URL('../seed/', import.meta.url)),
]);

export interface ParseResult {
  /** Undefined when the file is rejected (problems then holds at least one error). */
  readonly article?: ParsedArticle;
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
