import type { Archive } from '../archive/archive.ts';
import { loadArchive } from '../archive/load-archive.ts';
import type { SeedProblem } from '../seed/seed-problem.ts';
import { formatProblem } from '../seed/seed-problem.ts';
import type { SiteConfig } from '../site/site-config.ts';

export const CHECK_HELP = `Usage: clippings check [--input DIR] [--time-zone ZONE] [--config FILE] [--topics]

Parses every seed file without building the site and prints each problem as
path:line: reason, grouped by file. Exits 1 if any file would be rejected.

  --topics   also list the articles whose topic the classifier is unsure of
             (and those nothing could place), and the article count of each topic
`;

/** `clippings check`: exit 1 when any file is rejected, 0 otherwise (warnings alone pass). */
export async function checkCommand(input: string, config: SiteConfig, cacheDir: string, options: { readonly topics?: boolean } = {}): Promise<number> {
  const archive = await loadArchive(input, {
    timeZone: config.timeZone,
    outlets: config.outlets,
    ...(config.topics ? { topics: config.topics } : {}),
    cacheDir: `${cacheDir}/parse`,
  });
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
  if (options.topics) printTopics(archive);
  return archive.rejected.length > 0 ? 1 : 0;
}

/** The uncertain placements, least sure first, then the counts per topic: what a curator needs to add a rule. */
function printTopics(archive: Archive): void {
  const unsure = archive.articles
    .filter((a) => a.placement.uncertain)
    .sort((a, b) => a.placement.confidence - b.placement.confidence || (a.sourcePath < b.sourcePath ? -1 : 1));
  console.log(`\nUncertain topics (${unsure.length}): path: topic (probability) · outlet · section · title`);
  for (const a of unsure) {
    const section = a.section ? ` · ${a.section.label}` : '';
    console.log(`  ${a.sourcePath}: ${a.topic.label} (${a.placement.by === 'fallback' ? '未能归类' : a.placement.confidence.toFixed(2)}) · ${a.outlet.name}${section} · ${a.title}`);
  }
  console.log('\nTopics: articles (first topic + second topic) · by section / rule / content · uncertain');
  for (const group of archive.topics) {
    const own = group.articles.filter((a) => a.topic.slug === group.key.slug);
    const by = (kind: string): number => own.filter((a) => a.placement.by === kind).length;
    const uncertain = own.filter((a) => a.placement.uncertain).length;
    console.log(`  ${group.key.label} (${group.key.slug}): ${group.articles.length} (${own.length} + ${group.articles.length - own.length}) · ${by('section')} / ${by('rule')} / ${by('content')} · ${uncertain}`);
  }
}
