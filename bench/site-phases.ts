/**
 * CPU time and heap of the build's site-level phases on a seeds folder: the page models
 * (streamSite, src/site/build-site.ts) and the digest phase (src/cli/build-phases/digest-phase.ts),
 * each run `--runs` times on one loaded archive; the archive is loaded once through the parse cache
 * in `--cache` (the first run fills it). CPU times, so that a busy machine matters less than for wall time.
 *
 *     node --import tsx bench/site-phases.ts /work/b10k/seeds [--runs 3] [--cache /tmp/site-phases-cache]
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { digestPhase } from '../src/cli/build-phases/digest-phase.ts';
import { loadPhase } from '../src/cli/build-phases/load-phase.ts';
import { modelPhase } from '../src/cli/build-phases/model-phase.ts';
import { collectGarbage } from '../src/runtime/collect-garbage.ts';
import { DEFAULT_SITE_CONFIG as config } from '../src/site/default-config.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '3' }, cache: { type: 'string' } } });
const input = positionals[0];
if (input === undefined) throw new Error('usage: bench/site-phases.ts <seeds folder> [--runs n] [--cache dir]');
const cacheDir = values.cache ?? path.join(tmpdir(), 'site-phases-cache');
const progress = { start() {}, update() {}, stop() {} };
const project = path.resolve(import.meta.dirname, '..');
const mb = (n: number): string => `${Math.round(n / 1048576)} MB`;
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

const { archive, parserVersion } = await loadPhase(input, cacheDir, config, progress);
collectGarbage();
const archiveHeap = process.memoryUsage().heapUsed;
console.log(`${archive.articles.length} articles; heap after load ${mb(archiveHeap)}`);
for (let run = 1; run <= Number(values.runs); run++) {
  let cpu = process.cpuUsage();
  const model = await modelPhase(archive, config, project, parserVersion);
  const modelMs = cpuMs(cpu);
  collectGarbage();
  const modelHeap = process.memoryUsage().heapUsed;
  cpu = process.cpuUsage();
  const digests = digestPhase(model, archive, path.join(cacheDir, 'out'), input, cacheDir);
  const digestMs = cpuMs(cpu);
  console.log(
    `run ${run}: page models ${modelMs.toFixed(0)} ms CPU (+${mb(modelHeap - archiveHeap)} held), ` +
      `digests of ${digests.pageCount} pages ${digestMs.toFixed(0)} ms CPU, heap at the end ${mb(process.memoryUsage().heapUsed)}`,
  );
}
