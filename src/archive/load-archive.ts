import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { OutletRule, ParsedArticle, ParseOptions } from '../article/article.ts';
import type { SeedProblem } from '../seed/seed-problem.ts';
import type { Archive, RejectedFile } from './archive.ts';
import { dedupeArticles } from './dedupe-articles.ts';
import { groupArchive } from './group-archive.ts';
import { listSeedFiles, type SeedFile } from './list-seed-files.ts';
import { ParseCache } from './parse-cache.ts';
import { SeedHashes } from './seed-hashes.ts';
import { offloadTexts } from './offload-texts.ts';
import type { ParseOutcome } from './parse-outcome.ts';
import { DEFAULT_PARSER_MODULE, importParser } from './parse-outcome.ts';
import { ParseQueue } from './parse-seeds.ts';
import { placeTopics } from './place-topics.ts';
import { TextStore } from '../runtime/text-store.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveTaxonomy, type TopicConfig } from './resolve-taxonomy.ts';

export interface LoadArchiveOptions {
  readonly timeZone: string;
  readonly outlets: readonly OutletRule[];
  /** Topic settings of the config (renames, section rules, keywords) over the default taxonomy. */
  readonly topics?: TopicConfig;
  /** Where parse results are cached (default ".cache/parse"); `false` disables the cache. */
  readonly cacheDir?: string | false;
  /** Called as files are read and parsed (cached files count as done at once). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Figures about the work done: how many files were parsed versus taken from the cache. */
  readonly onStats?: (stats: LoadStats) => void;
  /** Module URL exporting parseArticle and PARSER_VERSION (default: src/article/parse-article.ts). */
  readonly parserModule?: string;
  /** Worker threads for parsing; 0 parses in this thread. Default: one per core when there is enough work. */
  readonly workers?: number;
  /** The folder's files as listSeedFiles(inputDir) returned them just before, when the caller has them (no second walk). */
  readonly files?: readonly SeedFile[];
}

export interface LoadStats {
  readonly filesRead: number;
  readonly parsed: number;
  readonly fromCache: number;
  readonly parserVersion: string;
}

/** Files read between two turns of the event loop (which hand parse results back). */
const READ_SLICE = 64;

/** Seeds larger than this are refused without reading them (no news article is that big). */
export const MAX_SEED_BYTES = 50 * 1024 * 1024;

/**
 * Loads a folder of seed files into an Archive: reads every non-hidden file, parses it (in parallel,
 * cached by content), folds duplicates, places the articles in topics and groups them. Rejected files
 * never stop the load; they are listed on `archive.rejected` with their problems. Same files → same Archive.
 */
export async function loadArchive(inputDir: string, options: LoadArchiveOptions): Promise<Archive> {
  const { articles, ...loaded } = await loadArticles(inputDir, options);
  const taxonomy = resolveTaxonomy(options.topics);
  // The topic model is kept beside the parse cache: between two training levels a rebuild reads it.
  const cacheDir = options.cacheDir === false ? undefined : (options.cacheDir ?? '.cache/parse');
  const placed = placeTopics(articles, taxonomy, cacheDir === undefined ? {} : { modelFile: path.join(cacheDir, 'topic-model.bin'), scoresFile: path.join(cacheDir, 'topic-scores.bin') });
  return { ...groupArchive(placed, taxonomy), taxonomy, ...loaded, ...(cacheDir === undefined ? {} : { cacheDir }) };
}

/** What `loadArticles` gives: the deduplicated articles, not yet placed in topics nor grouped. */
export interface LoadedArticles extends Pick<Archive, 'rejected' | 'warnings' | 'duplicatesMerged' | 'filesRead' | 'sourceKey'> {
  readonly articles: Readonly<ParsedArticle>[];
}

/**
 * The first half of `loadArchive`: the articles read, parsed and deduplicated, without topics or
 * groups, for commands that need no more (`add`, `images`).
 */
export async function loadArticles(inputDir: string, options: Omit<LoadArchiveOptions, 'topics'>): Promise<LoadedArticles> {
  const parserUrl = options.parserModule ?? DEFAULT_PARSER_MODULE;
  const parser = await importParser(parserUrl);
  const parseOptions: ParseOptions = { timeZone: options.timeZone, outlets: options.outlets };
  const startedAt = Date.now();
  const cacheDir = options.cacheDir === false ? undefined : (options.cacheDir ?? '.cache/parse');
  // Bodies and texts go here as each result comes in (offload-texts.ts): the heap never holds them all.
  const store = new TextStore(cacheDir ?? tmpdir());
  const [files, cache] = await Promise.all([options.files ?? listSeedFiles(inputDir), ParseCache.open(cacheDir, parser.PARSER_VERSION, parseOptions, store)]);
  // Files whose size, times and inode are as the last load found them are not read to find their result.
  const known = cacheDir === undefined ? undefined : SeedHashes.open(path.join(cacheDir, 'seed-hashes.json'), startedAt);
  const total = files.length;
  const outcomes = new Array<ParseOutcome>(total);
  const misses: { index: number; path: string; hash: string }[] = [];
  let hits = 0;
  const queue = new ParseQueue({
    onOutcome: (outcome) => offloadTexts(outcome, store),
    parserUrl,
    options: parseOptions,
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    onProgress: (done) => options.onProgress?.(hits + done, total),
  });

  // Read synchronously, a slice at a time: on these machines a synchronous read costs a fifth of an
  // async one (no thread-pool round trip), and yielding between slices lets the workers' results in,
  // so parsing the first files overlaps reading the rest.
  for (let start = 0; start < total; start += READ_SLICE) {
    for (let index = start; index < Math.min(total, start + READ_SLICE); index++) {
      const file = files[index]!;
      if (file.size > MAX_SEED_BYTES) {
        outcomes[index] = { problems: [tooLarge(file.path, file.size)] };
        continue;
      }
      const knownHash = known?.hashOf(file);
      const knownResult = knownHash === undefined ? undefined : cache.get(knownHash, file.path);
      if (knownResult !== undefined) {
        outcomes[index] = knownResult;
        known!.found(file, knownHash!);
        hits++;
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file.absolutePath);
      } catch (error) {
        outcomes[index] = { problems: [{ path: file.path, line: 1, severity: 'error', message: `cannot read the file (${(error as Error).message})` }] };
        continue;
      }
      const hash = createHash('sha256').update(bytes).digest('hex');
      known?.found(file, hash);
      const cached = cache.get(hash, file.path);
      if (cached !== undefined) {
        outcomes[index] = cached;
        hits++;
      } else {
        misses.push({ index, path: file.path, hash });
        queue.push({ path: file.path, bytes });
      }
    }
    await new Promise((resolve) => setImmediate(resolve));
    await queue.ready();
  }
  options.onProgress?.(hits, total);

  const parsed = await queue.finish();
  parsed.forEach((outcome, i) => {
    const miss = misses[i]!;
    outcomes[miss.index] = cache.set(miss.hash, miss.path, outcome);
  });
  await cache.save();
  known?.save();
  options.onStats?.({ filesRead: total, parsed: misses.length, fromCache: hits, parserVersion: parser.PARSER_VERSION });
  const sourceKey = createHash('sha256').update(JSON.stringify({ parserVersion: parser.PARSER_VERSION, ...parseOptions })).digest('hex');
  return { ...assemble(outcomes, files.map((f) => f.path)), sourceKey };
}

function assemble(outcomes: readonly ParseOutcome[], paths: readonly string[]): LoadedArticles {
  const accepted: Readonly<ParsedArticle>[] = [];
  const rejected: RejectedFile[] = [];
  const warnings: SeedProblem[] = [];
  outcomes.forEach((outcome, index) => {
    if (outcome.article === undefined) rejected.push({ path: paths[index]!, problems: outcome.problems });
    else {
      accepted.push(outcome.article);
      warnings.push(...outcome.problems);
    }
  });
  const { articles, merged } = dedupeArticles(accepted);
  return { articles, rejected, warnings, duplicatesMerged: merged, filesRead: paths.length };
}

function tooLarge(path: string, size: number): SeedProblem {
  const mb = (size / 1024 / 1024).toFixed(1);
  return { path, line: 1, severity: 'error', message: `file is ${mb} MB, larger than the 50 MB a seed may be; is it really a seed file?` };
}
