/**
 * `npm run bench [-- --sizes 1000,10000] [--with-100k] [--runs 3] [--large-runs N] [--seed N] [--no-clippings] [--no-hugo] [--daily] [--hugo-pagefind]`
 *
 * For each size: generates synthetic seeds into bench/.work/<size>/ (reused while the generator is
 * unchanged), converts them to a Hugo site, and measures Clippings (clean full build, no-change
 * rebuild, add-one rebuild + identical-output check) and Hugo (clean build): medians of `--runs`
 * runs, peak memory of the whole process tree; the output's files and bytes and the files each added
 * article changes. `--daily`: the daily cycle (one day's 300 new articles, rebuilt with search) at
 * each size ≥ 10k; `--hugo-pagefind`: Hugo + Pagefind, the peer for builds with search (Pagefind
 * peaks at several GB at 10k). Prints a table with the targets and writes
 * bench/results/latest.json. Benchmarks print figures; they are not tests.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchClippings, type ClippingsResult } from './bench-clippings.ts';
import { benchHugo, hugoVersion, type HugoResult } from './bench-hugo.ts';
import { benchHugoPagefind, type HugoPagefindResult } from './bench-hugo-pagefind.ts';
import { measureChurn, type ChurnResult } from './measure-churn.ts';
import { benchOneArticle, type OneArticleResult } from './bench-one-article.ts';
import { findCacheFlag, REPO } from './clippings-command.ts';
import { GENERATOR_VERSION } from './generate-seeds.ts';
import { prepareSize } from './prepare-size.ts';
import { evaluateTargets, printReport, type BenchReport, type SizeResult } from './report.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    'with-100k': { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    'large-runs': { type: 'string' },
    seed: { type: 'string', default: '20230830' },
    'no-clippings': { type: 'boolean', default: false },
    'no-hugo': { type: 'boolean', default: false },
    daily: { type: 'boolean', default: false },
    'hugo-pagefind': { type: 'boolean', default: false },
  },
});

const sizes = values.sizes.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
if (values['with-100k'] && !sizes.includes(100_000)) sizes.push(100_000);
const runs = Math.max(1, Number(values.runs));
/** Runs for sizes ≥ 10,000 (default: --runs), for loaded machines. */
const largeRuns = Math.max(1, Number(values['large-runs'] ?? values.runs));
const seed = Number(values.seed);
const root = join(REPO, 'bench', '.work');
const log = (line: string): void => console.error(`[bench] ${line}`);

const withClippings = !values['no-clippings'] && existsSync(join(REPO, 'src', 'cli', 'main.ts'));
if (!values['no-clippings'] && !withClippings) log('src/cli/main.ts does not exist yet: measuring Hugo only');
const withHugo = !values['no-hugo'] && hugoVersion() !== 'not installed';
if (!values['no-hugo'] && !withHugo) log('hugo is not installed (apt-get install -y hugo): measuring Clippings only');
if (withClippings) log(`cache flag of the CLI: ${findCacheFlag() ?? 'none (cache goes to <cwd>/.cache)'}`);

const loadBefore = os.loadavg();
log(`load average before: ${loadBefore.map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);

log('one-article build (startup cost)…');
const oneArticle: OneArticleResult = await benchOneArticle(root, runs, seed, { clippings: withClippings, hugo: withHugo });

const results: SizeResult[] = [];
for (const size of sizes) {
  const prepared = prepareSize(root, size, seed, log);
  const n = size >= 10_000 ? largeRuns : runs;
  let hugo: HugoResult | undefined;
  if (withHugo) {
    log(`${size}: hugo × ${n}…`);
    hugo = await benchHugo(prepared.hugoSiteDir, n);
  }
  let hugoPagefind: HugoPagefindResult | undefined;
  if (withHugo && values['hugo-pagefind']) {
    log(`${size}: hugo + pagefind × ${n}…`);
    hugoPagefind = await benchHugoPagefind(prepared.hugoSiteDir, n, (line) => log(`${size}: ${line}`));
  }
  let clippings: ClippingsResult | undefined;
  if (withClippings) clippings = await benchClippings(prepared, n, seed, log);
  let daily: ChurnResult | undefined;
  if (withClippings && values.daily && size >= 10_000) {
    log(`${size}: daily cycle (300 new articles of one day, rebuilt with search, compared with a clean build)…`);
    daily = await measureChurn(prepared, { mode: 'daily', seed, search: true, verify: true, log });
  }
  results.push({
    size,
    seedFiles: size,
    articles: prepared.hugoPages,
    ...(hugo === undefined ? {} : { hugo }),
    ...(hugoPagefind === undefined ? {} : { hugoPagefind }),
    ...(clippings === undefined ? {} : { clippings }),
    ...(daily === undefined ? {} : { daily }),
  });
  writeReport(makeReport(), 'partial.json'); // a long run that is stopped still leaves its figures
}

const report = makeReport();
printReport(report);
writeReport(report, 'latest.json');
rmSync(join(REPO, 'bench', 'results', 'partial.json'), { force: true });
log('wrote bench/results/latest.json');

function makeReport(): BenchReport {
  const loadAfter = os.loadavg();
  return {
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
      node: process.version,
      hugo: hugoVersion(),
      loadAverageBefore: loadBefore.map((l) => Number(l.toFixed(2))),
      loadAverageAfter: loadAfter.map((l) => Number(l.toFixed(2))),
    },
    generator: { version: GENERATOR_VERSION, seed },
    runs,
    largeRuns,
    oneArticle,
    sizes: results,
    targets: evaluateTargets(results, oneArticle),
  };
}

function writeReport(report: BenchReport, name: string): void {
  mkdirSync(join(REPO, 'bench', 'results'), { recursive: true });
  writeFileSync(join(REPO, 'bench', 'results', name), `${JSON.stringify(report, null, 2)}\n`);
}
