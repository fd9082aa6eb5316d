import { loadArchive } from '../archive/load-archive.ts';
import type { SeedProblem } from '../seed/seed-problem.ts';
import { formatProblem } from '../seed/seed-problem.ts';
import type { SiteConfig } from '../site/site-config.ts';

export const CHECK_HELP = `Usage: clippings check [--input DIR] [--time-zone ZONE] [--config FILE]

Parses every seed file without building the site and prints each problem as
path:line: reason, grouped by file. Exits 1 if any file would be rejected.
`;

/** `clippings check`: exit 1 when any file is rejected, 0 otherwise (warnings alone pass). */
export async function checkCommand(input: string, config: SiteConfig, cacheDir: string): Promise<number> {
  const archive = await loadArchive(input, { timeZone: config.timeZone, outlets: config.outlets, cacheDir: `${cacheDir}/parse` });
  const byFile = new Map<string, SeedProblem[]>();
  for (const file of archive.rejected) byFile.set(file.path, [...file.problems]);
  for (const warning of archive.warnings) byFile.set(warning.path, [...(byFile.get(warning.path) ?? []), warning]);
  for (const path of [...byFile.keys()].sort()) {
    console.log(path);
    for (const problem of byFile.get(path)!) console.log(`  ${formatProblem(problem)}`);
  }
  const accepted = archive.filesRead - archive.rejected.length;
  console.log(
    `\nChecked ${archive.filesRead} files: ${accepted} accepted, ${archive.rejected.length} rejected, ${archive.warnings.length} warnings, ${archive.duplicatesMerged} duplicates to merge.`,
  );
  return archive.rejected.length > 0 ? 1 : 0;
}
