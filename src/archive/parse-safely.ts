import type { ParseOptions } from '../article/article.ts';
import type { ParseOutcome, ParserModule } from './parse-outcome.ts';

/** Runs the parser on one file; a parser bug becomes a rejection of that file, not a crashed build. */
export function parseSafely(parser: ParserModule, bytes: Uint8Array, path: string, options: ParseOptions): ParseOutcome {
  try {
    return parser.parseArticle(bytes, path, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problems: [{ path, line: 1, severity: 'error', message: `the parser failed on this file (${reason}); please report it` }] };
  }
}
