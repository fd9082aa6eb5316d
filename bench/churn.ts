/**
 * `node --import tsx bench/churn.ts [--size 10000] [--mode random|newest|daily] [--no-search] [--verify] [--seed N]`
 *
 * What one added article (or one day's 300) costs a deploy: builds the generated archive of `--size`
 * seeds, adds the seed(s), rebuilds incrementally and prints the files that changed (added, other
 * bytes, removed) and those written again with the same bytes, by kind, with the size of the site
 * (files and bytes on disk per article). Writes bench/results/churn-<size>-<mode>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO } from './clippings-command.ts';
import { measureChurn, type ChurnMode, type ChurnResult } from './measure-churn.ts';
import { prepareSize } from './prepare-size.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '10000' },
    mode: { type: 'string', default: 'random' },
    'no-search': { type: 'boolean', default: false },
    verify: { type: 'boolean', default: false },
    seed: { type: 'string', default: '20230830' },
  },
});
const mode = values.mode as ChurnMode;
if (!['random', 'newest', 'daily'].includes(mode)) throw new Error(`--mode must be random, newest or daily, got ${values.mode}`);
const size = Number(values.size);
const seed = Number(values.seed);
const log = (line: string): void => console.error(`[churn] ${line}`);
log(`load average: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
const prepared = prepareSize(join(REPO, 'bench', '.work'), size, seed, log);
const result = await measureChurn(prepared, { mode, seed, search: !values['no-search'], verify: values.verify, log });
printChurn(result);
mkdirSync(join(REPO, 'bench', 'results'), { recursive: true });
writeFileSync(join(REPO, 'bench', 'results', `churn-${size}-${mode}.json`), `${JSON.stringify({ loadAverage: os.loadavg(), ...result }, null, 2)}\n`);

export function printChurn(r: ChurnResult): void {
  const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;
  const mb = (n: number): string => `${(n / 1048576).toFixed(1)} MB`;
  const rows = Object.entries(r.changedByKind).sort((a, b) => b[1].files - a[1].files);
  console.log(`\n${r.added} article(s) added (${r.mode}) to ${r.articlesBefore.toLocaleString('en-US')}${r.search ? '' : ', --no-search'}: rebuild ${(r.rebuild.ms / 1000).toFixed(1)} s, peak ${r.rebuild.peakProcessMb} MB`);
  console.log(`files changed (added, other bytes or removed): ${r.changedFiles} (${mb(r.changedBytes)}); written again with the same bytes: ${Object.values(r.sameBytesRewrittenByKind).reduce((a, b) => a + b, 0)}`);
  console.log('\n| kind | changed files | bytes | same bytes rewritten |\n|---|--:|--:|--:|');
  for (const [kind, f] of rows) console.log(`| ${kind} | ${f.files} | ${kb(f.bytes)} | ${r.sameBytesRewrittenByKind[kind] ?? 0} |`);
  for (const [kind, n] of Object.entries(r.sameBytesRewrittenByKind)) if (r.changedByKind[kind] === undefined) console.log(`| ${kind} | 0 | 0 KB | ${n} |`);
  const articles = r.articlesBefore + r.added;
  console.log(`\nsite: ${r.outputFiles.toLocaleString('en-US')} files, ${mb(r.outputDiskBytes)} on disk; per article ${(r.outputFiles / articles).toFixed(2)} files, ${kb(r.outputDiskBytes / articles)}`);
  console.log('\n| kind | files | on disk |\n|---|--:|--:|');
  for (const [kind, f] of Object.entries(r.sizeByKind).sort((a, b) => b[1].bytes - a[1].bytes)) console.log(`| ${kind} | ${f.files.toLocaleString('en-US')} | ${mb(f.bytes)} |`);
  if (r.identicalToClean !== undefined) console.log(`\nincremental output equal to a clean build: ${r.identicalToClean ? 'yes' : `no\n  ${r.differences?.join('\n  ')}`}`);
  if (r.changedFiles <= 60) console.log(`\nchanged:\n  ${r.changedPaths.join('\n  ')}`);
}
