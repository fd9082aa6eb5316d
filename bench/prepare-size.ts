/**
 * Keeps `bench/.work/<size>/seeds` generated and reusable: regenerated only when the generator
 * version, the PRNG seed or the count changed, and cleaned of files a previous (interrupted)
 * add-one run left behind.
 */
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATOR_VERSION, generateSeeds } from './generate-seeds.ts';
import { writeHugoSite } from './hugo-site.ts';

export interface PreparedSize {
  readonly size: number;
  readonly workDir: string;
  readonly seedDir: string;
  readonly hugoSiteDir: string;
  readonly hugoPages: number;
  /** Where add-one runs record the files they add, so they can be removed. */
  readonly extrasFile: string;
}

interface Stamp {
  readonly version: number;
  readonly seed: number;
  readonly count: number;
  readonly hugoPages: number;
}

export function prepareSize(root: string, size: number, seed: number, log: (line: string) => void): PreparedSize {
  const workDir = join(root, String(size));
  const seedDir = join(workDir, 'seeds');
  const hugoSiteDir = join(workDir, 'hugo-site');
  const stampFile = join(workDir, 'stamp.json');
  const extrasFile = join(workDir, 'extras.txt');
  removeExtras(seedDir, extrasFile);
  const want = { version: GENERATOR_VERSION, seed, count: size };
  const stamp = readStamp(stampFile);
  if (stamp !== undefined && stamp.version === want.version && stamp.seed === want.seed && stamp.count === want.count && existsSync(hugoSiteDir)) {
    log(`${size}: reusing seeds and Hugo site in ${workDir}`);
    return { size, workDir, seedDir, hugoSiteDir, hugoPages: stamp.hugoPages, extrasFile };
  }
  log(`${size}: generating ${size} seed files…`);
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(seedDir, { recursive: true });
  generateSeeds(seedDir, size, { seed });
  log(`${size}: converting to a Hugo site…`);
  const site = writeHugoSite(seedDir, hugoSiteDir);
  writeFileSync(stampFile, JSON.stringify({ ...want, hugoPages: site.pages } satisfies Stamp));
  return { size, workDir, seedDir, hugoSiteDir, hugoPages: site.pages, extrasFile };
}

function readStamp(file: string): Stamp | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
}

/** Removes the files listed in `extrasFile` (relative to `seedDir`) and the list itself. */
export function removeExtras(seedDir: string, extrasFile: string): void {
  if (!existsSync(extrasFile)) return;
  for (const rel of readFileSync(extrasFile, 'utf8').split('\n')) {
    if (rel !== '') rmSync(join(seedDir, rel), { force: true });
  }
  rmSync(extrasFile, { force: true });
}
