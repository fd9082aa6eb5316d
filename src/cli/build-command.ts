import { fileURLToPath } from 'node:url';
import type { SiteConfig } from '../site/site-config.ts';
import { formatNoChange } from './format-no-change.ts';
import { configFromFlags, type BuildFlagValues } from './build-flags.ts';
import { checkNoChange } from './fast-path/check-no-change.ts';
import { stampInputs } from './fast-path/stamp-inputs.ts';
import type { OutputStamp } from './fast-path/stamp-output.ts';
import type { BuildResult } from './run-build.ts';
import { noteV01Pages } from './note-v01-pages.ts';

export { BUILD_FLAGS, BUILD_HELP, configFromFlags, type BuildFlagValues } from './build-flags.ts';

export const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** CLIPPINGS_TRACE=1 also says why a build did not take the no-change fast path. */
const trace = process.env.CLIPPINGS_TRACE === '1';

/**
 * `clippings build`: exit 0 when published (or nothing changed), 1 when --strict refused rejected
 * files. First the no-change fast path (src/cli/fast-path/): when the seeds, config, program and
 * output are as the last successful build left them, it says what it checked and stops, before any
 * of the build's modules (parser, archive, Eleventy) is loaded; `result` is then undefined.
 */
export async function buildCommand(flags: BuildFlagValues, config?: SiteConfig): Promise<{ code: number; result?: BuildResult }> {
  const started = Date.now();
  const siteConfig = config ?? (await configFromFlags(flags));
  const inputs = await stampInputs(flags.input, siteConfig, PROJECT_DIR);
  let full = flags.full;
  let previousOutput: OutputStamp | undefined;
  if (!full) {
    const check = await checkNoChange(inputs, flags.output, flags['cache-dir'], flags.strict);
    if (check.unchanged) {
      const text = formatNoChange(check.stamp.summary, check.checked, flags.output, Date.now() - started);
      if (!flags.quiet) console.log(text);
      else if (check.stamp.summary.rejected > 0) console.error(text);
      return { code: 0 };
    }
    if (trace) process.stderr.write(`[trace] no-change check: ${check.reason}\n`);
    full = !check.outputIntact; // an edited output: only a full build repairs it
    previousOutput = check.previousOutput;
  }
  const v01Note = noteV01Pages(flags.output, siteConfig);
  if (v01Note !== undefined && !flags.quiet) console.error(v01Note);
  const { runBuild, StrictBuildError } = await import('./run-build.ts');
  const { formatSummary } = await import('./format-summary.ts');
  const { createProgress } = await import('./create-progress.ts');
  const progress = createProgress({ quiet: flags.quiet });
  try {
    const result = await runBuild({
      input: flags.input,
      output: flags.output,
      cacheDir: flags['cache-dir'],
      config: siteConfig,
      full,
      strict: flags.strict,
      progress,
      projectDir: PROJECT_DIR,
      inputs,
      ...(previousOutput === undefined ? {} : { previousOutput }),
    });
    if (!flags.quiet) console.log(formatSummary(result, flags.output));
    else if (result.archive.rejected.length > 0) console.error(formatSummary(result, flags.output));
    return { code: 0, result };
  } catch (error) {
    progress.stop();
    if (error instanceof StrictBuildError) {
      console.error(`clippings build: ${error.message}`);
      return { code: 1 };
    }
    throw error;
  }
}
