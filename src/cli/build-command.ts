import { fileURLToPath } from 'node:url';
import type { SiteConfig } from '../site/site-config.ts';
import { createProgress } from './create-progress.ts';
import { formatSummary } from './format-summary.ts';
import { configFromFlags, type BuildFlagValues } from './build-flags.ts';
import { runBuild, StrictBuildError, type BuildResult } from './run-build.ts';

export { BUILD_FLAGS, BUILD_HELP, configFromFlags, type BuildFlagValues } from './build-flags.ts';

export const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** `clippings build`: exit 0 when published, 1 when --strict refused rejected files. */
export async function buildCommand(flags: BuildFlagValues, config?: SiteConfig): Promise<{ code: number; result?: BuildResult }> {
  const siteConfig = config ?? (await configFromFlags(flags));
  const progress = createProgress({ quiet: flags.quiet });
  try {
    const result = await runBuild({
      input: flags.input,
      output: flags.output,
      cacheDir: flags['cache-dir'],
      config: siteConfig,
      full: flags.full,
      strict: flags.strict,
      progress,
      projectDir: PROJECT_DIR,
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
