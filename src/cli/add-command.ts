import { createHash } from 'node:crypto';
import { link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ParsedArticle } from '../article/article.ts';
import { parseArticle } from '../article/parse-article.ts';
import { listSeedFiles } from '../archive/list-seed-files.ts';
import { loadArticles } from '../archive/load-archive.ts';
import { formatProblem } from '../seed/seed-problem.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { asWriteFailure } from '../runtime/as-write-failure.ts';

export const ADD_HELP = `Usage: clippings add <file|dir>... [--input DIR]

Validates seed files and copies the valid ones into the archive (default: content/) as
<outlet>/<publishedAt>-<first 8 of the content hash>.md. Invalid files are refused with the
reason and left where they are; files already in the archive are skipped. The given files are
never modified and no existing archive file is ever overwritten. Exits 1 if any file was refused.
`;

export type AddOutcome = 'added' | 'skipped' | 'refused';

/** `clippings add`: copy valid seeds into the archive; exit 1 if any was refused. */
export async function addCommand(sources: readonly string[], input: string, config: SiteConfig, cacheDir: string): Promise<number> {
  const archive = await loadArticles(input, { timeZone: config.timeZone, outlets: config.outlets, cacheDir: `${cacheDir}/parse` });
  const byHash = new Map<string, string>();
  const byUrl = new Map<string, Readonly<ParsedArticle>>();
  for (const article of archive.articles) {
    byUrl.set(article.canonicalUrl, article);
    for (const capture of article.captures) byHash.set(capture.contentHash, capture.sourcePath);
  }
  const counts: Record<AddOutcome, number> = { added: 0, skipped: 0, refused: 0 };
  for (const file of await expand(sources)) {
    const outcome = await addOne(file, input, config, byHash, byUrl);
    counts[outcome]++;
  }
  console.log(`\n${counts.added} added, ${counts.skipped} skipped, ${counts.refused} refused.`);
  return counts.refused > 0 ? 1 : 0;
}

async function addOne(file: string, input: string, config: SiteConfig, byHash: Map<string, string>, byUrl: Map<string, Readonly<ParsedArticle>>): Promise<AddOutcome> {
  const bytes = await readFile(file);
  const hash = createHash('sha256').update(bytes).digest('hex');
  const result = parseArticle(bytes, file, { timeZone: config.timeZone, outlets: config.outlets });
  const article = result.article;
  if (article === undefined) {
    console.log(`refused ${file}:`);
    for (const problem of result.problems) console.log(`  ${formatProblem(problem)}`);
    return 'refused';
  }
  const known = byHash.get(hash);
  if (known !== undefined) {
    console.log(`skipped ${file}: already in the archive as ${known}`);
    return 'skipped';
  }
  const previous = byUrl.get(article.canonicalUrl);
  const twin = previous?.captures.find((c) => c.capturedAt === article.publishedAt && c.bodyHtml === article.bodyHtml && c.title === article.title);
  if (twin !== undefined) {
    console.log(`skipped ${file}: same URL and same content as ${twin.sourcePath}`);
    return 'skipped';
  }
  const rel = `${article.outlet.key}/${article.publishedAt}-${hash.slice(0, 8)}.md`;
  const target = path.join(input, rel);
  const existing = await readFile(target).catch(() => undefined);
  if (existing !== undefined) {
    const same = createHash('sha256').update(existing).digest('hex') === hash;
    console.log(same ? `skipped ${file}: already in the archive as ${target}` : `refused ${file}: ${target} exists with other content and is never overwritten`);
    return same ? 'skipped' : 'refused';
  }
  try {
    await writeAtomically(target, bytes);
  } catch (error) {
    // The files added before this one are in place (each was written whole); running add again skips them.
    throw asWriteFailure(error, file, path.dirname(target), 'run `clippings add` again');
  }
  byHash.set(hash, target);
  const note = previous === undefined ? '' : article.publishedAt > previous.publishedAt ? ` (newer capture of ${article.canonicalUrl})` : ` (older capture of ${article.canonicalUrl})`;
  for (const problem of result.problems) console.log(`  ${formatProblem(problem)}`);
  console.log(`added ${file} → ${target}${note}`);
  if (previous === undefined || article.publishedAt > previous.publishedAt) byUrl.set(article.canonicalUrl, { ...article, captures: [...article.captures, ...(previous?.captures ?? [])] });
  return 'added';
}

/**
 * Writes a temp file beside the target, then links it into place: never a half file, never an overwrite.
 * A write that fails (a full disk) leaves no temp file behind.
 */
async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await link(temp, target);
  } catch (error) {
    throw new Error(`cannot add ${target}`, { cause: error });
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function expand(sources: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const source of sources) {
    const info = await stat(source).catch((error: unknown) => {
      throw new Error(`cannot read ${source}`, { cause: error });
    });
    if (info.isDirectory()) files.push(...(await listSeedFiles(source)).map((f) => f.absolutePath));
    else files.push(source);
  }
  return files;
}
