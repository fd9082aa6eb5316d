import type { ParsedArticle, ParseOptions } from '../article/article.ts';
import type { SeedProblem } from '../seed/seed-problem.ts';
import { runnableModule } from '../runtime/runnable-module.ts';

/**
 * What parsing one seed file yields: the shape of `ParseResult` from src/article/parse-article.ts,
 * restated here so the archive depends only on the contract (article undefined ⇒ file rejected).
 */
export interface ParseOutcome {
  readonly article?: Readonly<ParsedArticle>;
  readonly problems: readonly SeedProblem[];
}

/** The parser module's interface: `parseArticle` plus a version string that invalidates the cache. */
export interface ParserModule {
  readonly PARSER_VERSION: string;
  parseArticle(bytes: Uint8Array, path: string, options: ParseOptions): ParseOutcome;
}

/** The real parser; tests may substitute another module with the same exports. */
export const DEFAULT_PARSER_MODULE = new URL('../article/parse-article.ts', import.meta.url).href;

/** Imports a parser module and checks it has the two exports. */
export async function importParser(url: string): Promise<ParserModule> {
  let mod: Partial<ParserModule>;
  try {
    mod = (await import(runnableModule(url).href)) as Partial<ParserModule>;
  } catch (error) {
    throw new Error(`could not load the seed parser ${url}`, { cause: error });
  }
  if (typeof mod.parseArticle !== 'function' || typeof mod.PARSER_VERSION !== 'string') {
    throw new Error(`${url} must export parseArticle() and PARSER_VERSION`);
  }
  return mod as ParserModule;
}
