import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../runtime/write-file-atomic.ts';
import { manifestPath } from '../build-manifest.ts';
import type { InputsStamp } from './stamp-inputs.ts';
import type { OutputStamp } from './stamp-output.ts';

/** Bumped whenever what a stamp covers changes: an older stamp then simply never matches. */
const STAMP_VERSION = 1;

/** What the last successful build of an output folder read and left, with the figures its summary printed. */
export interface BuildStamp {
  readonly version: number;
  readonly inputs: Pick<InputsStamp, 'code' | 'config' | 'seeds' | 'media'>;
  readonly output: OutputStamp;
  readonly summary: StampSummary;
}

/** The last build's summary figures: a no-change build prints them again (rejected files included). */
export interface StampSummary {
  readonly articles: number;
  readonly filesRead: number;
  readonly rejected: number;
  readonly warnings: number;
  readonly duplicatesMerged: number;
  readonly pagesTotal: number;
  /** formatRejected's lines: every rejected file's problems. */
  readonly rejectedLines: readonly string[];
}

/** Beside the build manifest in the cache folder: `<cacheDir>/build/<key>.stamp.json`. */
export function stampPath(cacheDir: string, output: string): string {
  return manifestPath(cacheDir, output).replace(/\.json$/, '.stamp.json');
}

export function newStamp(inputs: InputsStamp, output: OutputStamp, summary: StampSummary): BuildStamp {
  const { code, config, seeds, media } = inputs;
  return { version: STAMP_VERSION, inputs: { code, config, seeds, media }, output, summary };
}

export async function readStamp(file: string): Promise<BuildStamp | undefined> {
  try {
    const json = JSON.parse(await readFile(file, 'utf8')) as BuildStamp;
    return json.version === STAMP_VERSION && typeof json.inputs === 'object' && typeof json.output === 'object' && typeof json.summary === 'object' ? json : undefined;
  } catch {
    return undefined; // none, or unreadable: the build takes the normal path
  }
}

export async function writeStamp(file: string, stamp: BuildStamp): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(stamp));
}

/** Removed before a build changes anything: a build that stops half-way leaves no stamp to trust. */
export async function removeStamp(file: string): Promise<void> {
  await rm(file, { force: true });
}
