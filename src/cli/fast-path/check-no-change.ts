import { manifestPath } from '../build-manifest.ts';
import { readStamp, stampPath, type BuildStamp } from './build-stamp.ts';
import type { InputsStamp } from './stamp-inputs.ts';
import { outputChange, type OutputStamp } from './stamp-output.ts';

export type NoChangeCheck =
  | { readonly unchanged: true; readonly stamp: BuildStamp; readonly checked: string }
  | {
    readonly unchanged: false;
    readonly reason: string;
    /** False when the output or its manifest is not as the last build left it (edited, added, removed): only a full build repairs that. */
    readonly outputIntact: boolean;
    /** The output's stamp when it is intact: the build's new stamp re-reads only the folders it changed. */
    readonly previousOutput?: OutputStamp;
  };

/**
 * The no-change fast path's test: the inputs stamped now (code, config, seeds, media) equal the last
 * successful build's, and its output folder and manifest are as it left them. Any difference, a stamp
 * that is missing, or a seed changed too recently to trust its times, and the build takes the normal
 * path. Reads no seed and no page: stats only.
 */
export async function checkNoChange(inputs: InputsStamp, output: string, cacheDir: string, strict: boolean): Promise<NoChangeCheck> {
  const stamp = await readStamp(stampPath(cacheDir, output));
  if (stamp === undefined) return { unchanged: false, reason: 'no record of a previous build of this output', outputIntact: true };
  const moved = outputChange(output, stamp.output, manifestPath(cacheDir, output));
  const outputIntact = moved === undefined;
  const changed = (reason: string): NoChangeCheck => ({ unchanged: false, reason, outputIntact, ...(outputIntact ? { previousOutput: stamp.output } : {}) });
  const was = stamp.inputs;
  if (moved !== undefined) return changed(`${moved} is not as the last build left it (edited, added to, removed or rewritten)`);
  if (was.code !== inputs.code) return changed('the program changed (code, templates, assets or packages)');
  if (was.config !== inputs.config) return changed('the config or the input folder changed');
  if (was.seeds !== inputs.seeds) return changed('seed files were added, removed or changed');
  if (inputs.racy !== undefined) return changed(`${inputs.racy} changed too recently to trust its times`);
  if (was.media !== inputs.media) return changed('the mirrored images changed');
  if (strict && stamp.summary.rejected > 0) return changed('--strict and the last build rejected files');
  const checked = `${n(inputs.seedCount)} seed files (size, times, inode), the config, ${n(inputs.codeFiles)} program files (content), the mirrored images, ${n(stamp.output.files)} output files and their folders and the build manifest (size, mtime)`;
  return { unchanged: true, stamp, checked };
}

function n(value: number): string {
  return value.toLocaleString('en-US');
}
