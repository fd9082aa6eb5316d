import path from 'node:path';
import type { Archive } from '../../archive/archive.ts';
import type { SeedFile } from '../../archive/list-seed-files.ts';
import { loadArchive } from '../../archive/load-archive.ts';
import { collectGarbage, heapIsLarge } from '../../runtime/collect-garbage.ts';
import type { SiteConfig } from '../../site/site-config.ts';
import type { Progress } from '../create-progress.ts';
import { tracePhase } from './trace-phase.ts';

export interface LoadedArchive {
  readonly archive: Archive;
  /** Seed files parsed by this build (the others came from the parse cache). */
  readonly parsed: number;
  /** Goes into the templates digest: a new parser re-renders every page. */
  readonly parserVersion: string;
}

/** Seeds parsed below which a load leaves too little garbage to collect at once. */
const FEW_PARSED = 150;

/** Phase 1: every seed under `input` parsed (in workers, cached in `cacheDir/parse`) into the archive. */
export async function loadPhase(input: string, cacheDir: string, config: SiteConfig, progress: Progress, files?: readonly SeedFile[]): Promise<LoadedArchive> {
  let parsed = 0;
  let parserVersion = '';
  let parseTotal = -1;
  const archive = await loadArchive(input, {
    timeZone: config.timeZone,
    outlets: config.outlets,
    ...(config.topics ? { topics: config.topics } : {}),
    cacheDir: path.join(cacheDir, 'parse'),
    ...(files === undefined ? {} : { files }),
    onProgress: (done, total) => {
      if (total !== parseTotal) progress.start('parse', (parseTotal = total));
      progress.update(done);
    },
    onStats: (stats) => {
      parsed = stats.parsed;
      parserVersion = stats.parserVersion;
    },
  });
  progress.stop();
  // The seeds' bytes and the workers' replies: the peak is set later, by what is live. A load that parsed
  // few seeds (an incremental build) left little of them: no full collection then, unless the heap is large.
  if (parsed >= FEW_PARSED || heapIsLarge()) collectGarbage();
  tracePhase('load archive');
  return { archive, parsed, parserVersion };
}
