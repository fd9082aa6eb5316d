import { rm } from 'node:fs/promises';
import type { Archive } from '../../archive/archive.ts';
import { exportRecords } from '../../archive/export-records.ts';
import { writeManifest, type BuildManifest } from '../build-manifest.ts';
import { publishMedia, type Media } from '../load-media.ts';
import { applyStaging, swapIn } from '../publish-output.ts';
import type { TouchedFolders } from '../fast-path/stamp-output.ts';
import { tracePhase } from './trace-phase.ts';
import { asWriteFailure } from '../../runtime/as-write-failure.ts';

/**
 * Test hook: with CLIPPINGS_FAIL_AFTER_RENDER=1 the build throws after rendering into the staging
 * folder and before the swap, as a crash at the worst moment would. The live output must survive.
 */
const FAIL_AFTER_RENDER = 'CLIPPINGS_FAIL_AFTER_RENDER';

export interface PublishInput {
  readonly archive: Archive;
  readonly media: Media;
  readonly staging: string;
  /** The live output folder (absolute). */
  readonly live: string;
  /** The data export's files to write (their digest changed; all of them in a full build). */
  readonly exportFiles: ReadonlySet<string>;
  readonly sourceRoot: string;
  /** An incremental build moves its files into the live output; a full one swaps the folder. */
  readonly incremental: boolean;
  /** Folders the staging copy replaces whole, and paths to delete from the live output. */
  readonly replaceDirs: readonly string[];
  readonly removed: readonly string[];
  readonly manifestFile: string;
  readonly manifest: BuildManifest;
}

/**
 * Phase 6: the data export and mirrored images into staging, then staging published (moved in file by
 * file, or swapped in whole) and the build manifest written: only after everything else succeeded.
 * An incremental build returns the live folders it changed (the output's new stamp re-stats only those).
 */
export async function publishPhase(input: PublishInput): Promise<TouchedFolders | undefined> {
  const { staging, live, incremental } = input;
  // Each step's write errors (a full disk, a folder we may not write) say what and where: asWriteFailure.
  const failed = (what: string, where: string) => (error: unknown): never => {
    throw asWriteFailure(error, what, where);
  };
  if (input.exportFiles.size > 0) {
    await exportRecords(input.archive, staging, { sourceRoot: input.sourceRoot, only: input.exportFiles }).catch(failed('the data export', live));
  }
  const media = await publishMedia(input.media, staging, incremental ? live : undefined).catch(failed('the mirrored images', live));
  const removed = [...input.removed, ...media];
  if (process.env[FAIL_AFTER_RENDER] === '1') throw new Error(`${FAIL_AFTER_RENDER}=1: failing before the swap, as asked`);
  tracePhase('export and media');
  let touched: TouchedFolders | undefined;
  if (incremental) {
    await rm(input.manifestFile, { force: true }); // stopped while applying, the next build is a full one
    try {
      touched = applyStaging(staging, live, { replaceDirs: new Set(input.replaceDirs), remove: removed });
    } catch (error) {
      failed('the new output (publishing it)', live)(error);
    }
  } else {
    await swapIn(staging, live).catch(failed('the new output (publishing it)', live));
  }
  await writeManifest(input.manifestFile, input.manifest).catch(failed('the build manifest', input.manifestFile));
  tracePhase('publish');
  return touched;
}
