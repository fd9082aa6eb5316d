import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Archive } from '../../archive/archive.ts';
import { exportDigests } from '../../archive/export-records.ts';
import { digestJson } from '../../site/digest-json.ts';
import { PageShelf } from '../../site/page-shelf.ts';
import type { PageLists, PageModel } from '../../site/site-model.ts';
import { insideRoot } from '../publish-output.ts';
import type { ModelledSite } from './model-phase.ts';
import { NO_SEARCH, searchState, type SearchState } from './search-state.ts';

export interface BuildDigests {
  /** Output-relative path → digest of its inputs: every page, the export files, feeds, sitemaps, robots.txt and _redirects. */
  readonly pages: Readonly<Record<string, string>>;
  /** Paths of the data export's files (docs/export-schema.json), kept like pages. */
  readonly exportFiles: readonly string[];
  /** Feeds, sitemaps, robots.txt and _redirects: rendered when their digest changed (all of them in a full build). */
  readonly published: readonly string[];
  readonly search: SearchState;
  /** Everything the output depends on: equal to the last build's, and nothing needs doing. */
  readonly site: string;
  /** The page models to render, as their JSON in a file: what the render phase reads back (src/site/page-shelf.ts). */
  readonly shelf: PageShelf;
  /** Pages of the site (shelved or not). */
  readonly pageCount: number;
}

/**
 * Phase 3: a digest of each output file's inputs (page model, with an article's body by its source
 * file: src/site/digest-json.ts; shell; templates digest), which is what makes builds incremental, and
 * the page models put on a shelf in `cacheDir` as their JSON: once this returns, nothing holds them in
 * the heap. A page path that escapes the output folder stops the build here.
 */
export function digestPhase(
  model: ModelledSite,
  archive: Archive,
  output: string,
  sourceRoot: string,
  cacheDir: string,
  /** Which pages to shelve (an incremental build's changed ones); all without it. */
  shelve?: (path: string, digest: string) => boolean,
): BuildDigests {
  const { site, templates } = model;
  const shell = JSON.stringify(site.shell);
  const pages: Record<string, string> = {};
  const shelf = new PageShelf(cacheDir, site);
  // Every page's digest starts with the templates' and the shell's: hashed once, copied per page (half the hashing time).
  const common = createHash('sha256').update(templates).update(shell);
  const digestPage = (kind: keyof PageLists, page: PageModel): void => {
    insideRoot(output, page.path);
    const { json, whole } = digestJson(page);
    // As UTF-16, what V8 holds the string in (mostly CJK): no UTF-8 encoding first (sha256 of it 40 % faster, measured).
    const digest = common.copy().update(json, 'utf16le').digest('hex');
    pages[page.path] = digest;
    if (shelve === undefined || shelve(page.path, digest)) shelf.add(kind, page.path, whole ? json : JSON.stringify(page));
  };
  for (const [kind, list] of Object.entries(site.lists) as [keyof PageLists, readonly PageModel[]][]) {
    // Article pages are built here one at a time, digested, shelved and let go: never all in the heap.
    if (kind === 'article') for (let i = 0; i < site.articleCount; i++) digestPage(kind, site.articlePage(i));
    else for (const page of list) digestPage(kind, page);
  }
  // The data export's files are kept like pages: each rewritten only when its content would change.
  const exports = exportDigests(archive, { sourceRoot });
  Object.assign(pages, exports);
  // Feeds, sitemaps, robots.txt and _redirects are digested like pages (their model is all they are
  // made of), so an incremental build renders only those that changed (an article added as the newest:
  // 4 of ~60 feeds). Listed so that one which is gone (a topic's feed, a sitemap part) is deleted.
  const { feeds, sitemaps, robots, redirects } = site.publish;
  const publishedFiles = [...feeds, ...sitemaps, ...(robots ? [robots] : []), ...(redirects ? [redirects] : [])];
  for (const file of publishedFiles) pages[file.path] = common.copy().update(JSON.stringify(file), 'utf16le').digest('hex');
  const published = publishedFiles.map((f) => f.path);
  // The search index's segment digests are kept beside the page shelf; the templates digest covers the parser and its options.
  const search = model.withSearch ? searchState(archive, site, { file: path.join(cacheDir, 'search-digests.json'), scope: templates }) : NO_SEARCH;
  return { pages, exportFiles: Object.keys(exports), published, search, shelf, pageCount: site.pageCount, site: wholeDigest(templates, pages, model.media.files, model.withSearch) };
}

function wholeDigest(templates: string, pages: Readonly<Record<string, string>>, media: readonly string[], search: boolean): string {
  const hash = createHash('sha256').update(templates).update(`\0${media.join('\n')}\0${search}`);
  for (const rel of Object.keys(pages).sort()) hash.update(`\0${rel}\0${pages[rel]}`);
  return hash.digest('hex');
}
