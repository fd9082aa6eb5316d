import { createHash } from 'node:crypto';
import type { Archive } from '../../archive/archive.ts';
import { exportDigests } from '../../archive/export-records.ts';
import { collectGarbage } from '../../runtime/collect-garbage.ts';
import { insideRoot } from '../publish-output.ts';
import type { ModelledSite } from './model-phase.ts';
import { NO_SEARCH, searchState, type SearchState } from './search-state.ts';
import { tracePhase } from './trace-phase.ts';

export interface BuildDigests {
  /** Output-relative path → digest of its inputs: every page, the export files, and `rewritten` for feeds etc. */
  readonly pages: Readonly<Record<string, string>>;
  /** Paths of the data export's files (docs/export-schema.json), kept like pages. */
  readonly exportFiles: readonly string[];
  /** Feeds, sitemaps, robots.txt and _redirects: rewritten by every build that writes anything. */
  readonly published: readonly string[];
  readonly search: SearchState;
  /** Everything the output depends on: equal to the last build's, and nothing needs doing. */
  readonly site: string;
}

/**
 * Phase 3: a digest of each output file's inputs (page model + shell + templates digest), which is
 * what makes builds incremental. A page path that escapes the output folder stops the build here.
 */
export function digestPhase(model: ModelledSite, archive: Archive, output: string, sourceRoot: string): BuildDigests {
  const { site, templates } = model;
  const shell = JSON.stringify(site.shell);
  const pages: Record<string, string> = {};
  for (const page of site.pages) {
    insideRoot(output, page.path);
    pages[page.path] = createHash('sha256').update(templates).update(shell).update(JSON.stringify(page)).digest('hex');
  }
  // The data export's files are kept like pages: each rewritten only when its content would change.
  const exports = exportDigests(archive, { sourceRoot });
  Object.assign(pages, exports);
  // Listed so that one which is gone (a topic's feed, a sitemap part) is deleted.
  const { feeds, sitemaps, robots, redirects } = site.publish;
  const published = [...feeds, ...sitemaps, ...(robots ? [robots] : []), ...(redirects ? [redirects] : [])].map((f) => f.path);
  for (const rel of published) pages[rel] = 'rewritten';
  const search = model.withSearch ? searchState(archive, site) : NO_SEARCH;
  collectGarbage();
  tracePhase('page models and digests');
  return { pages, exportFiles: Object.keys(exports), published, search, site: wholeDigest(templates, pages, JSON.stringify(site.publish), model.media.files, model.withSearch) };
}

function wholeDigest(templates: string, pages: Readonly<Record<string, string>>, publish: string, media: readonly string[], search: boolean): string {
  const hash = createHash('sha256').update(templates).update(`\0${publish}\0${media.join('\n')}\0${search}`);
  for (const rel of Object.keys(pages).sort()) hash.update(`\0${rel}\0${pages[rel]}`);
  return hash.digest('hex');
}
