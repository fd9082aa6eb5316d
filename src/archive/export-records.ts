import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Article } from '../article/article.ts';
import type { Archive } from './archive.ts';

/**
 * Writes the archive as gzipped newline-delimited JSON, one file per publication year:
 * `<outDir>/data/articles-<year>.ndjson.gz`, one record per article, newest first (the archive's
 * order), documented by docs/export-schema.json, and `<outDir>/data/index.json` listing the files
 * (newest year first) with their record counts, for readers that cannot list a folder over HTTP.
 * Compressed, the export is a quarter of its plain size; split by year, an added article rewrites
 * one year's file, not the whole export. Files are written as streams (never a year in memory) and
 * replaced atomically.
 */

export const EXPORT_SCHEMA_VERSION = 1;

export interface ExportRecord {
  readonly schemaVersion: typeof EXPORT_SCHEMA_VERSION;
  readonly id: string;
  readonly url: string;
  readonly canonicalUrl: string;
  readonly outlet: { readonly key: string; readonly name: string };
  readonly topic: { readonly label: string; readonly slug: string };
  readonly secondTopic: { readonly label: string; readonly slug: string } | null;
  /** How the topic was found: the outlet's section, a title keyword, the classifier, or nothing (fallback). */
  readonly topicBy: 'section' | 'rule' | 'content' | 'fallback';
  /** The outlet's own section label, when its URL has one. */
  readonly section: string | null;
  readonly title: string;
  readonly publishedAt: string;
  readonly publishedAtMs: number;
  readonly keys: { readonly year: string; readonly month: string; readonly day: string };
  readonly dateline: string | null;
  readonly lead: string;
  readonly summary: string;
  readonly hero: { readonly src: string; readonly alt: string; readonly width: number | null; readonly height: number | null } | null;
  readonly bodyHtml: string;
  readonly text: string;
  readonly readingMinutes: number;
  readonly captures: readonly {
    readonly capturedAt: string;
    readonly title: string;
    readonly contentHash: string;
    readonly sourcePath: string;
  }[];
}

export interface ExportOptions {
  /**
   * The folder the archive was loaded from: capture `sourcePath`s are written relative to it, with
   * "/" separators, so the export holds no local absolute path. Absent: paths as given to the loader.
   */
  readonly sourceRoot?: string;
}

/** `data/index.json`: the export files, newest year first. */
export interface ExportIndex {
  readonly schemaVersion: typeof EXPORT_SCHEMA_VERSION;
  readonly files: readonly { readonly path: string; readonly year: string; readonly records: number }[];
}

/** Output-relative path of the export index. */
export const EXPORT_INDEX = 'data/index.json';

/** Output-relative path of one year's export file. */
export function exportPath(year: string): string {
  if (!/^\d{4}$/.test(year)) throw new Error(`unsafe year for an export file: ${JSON.stringify(year)}`);
  return `data/articles-${year}.ndjson.gz`;
}

export interface WriteExportOptions extends ExportOptions {
  /** Output-relative export paths to write (an incremental build's changed ones); default: all. */
  readonly only?: ReadonlySet<string>;
}

export async function exportRecords(archive: Archive, outDir: string, options: WriteExportOptions = {}): Promise<{ files: string[]; records: number }> {
  const years = byYear(archive.articles);
  const index: ExportIndex = { schemaVersion: EXPORT_SCHEMA_VERSION, files: [...years].map(([year, list]) => ({ path: exportPath(year), year, records: list.length })) };
  await mkdir(join(outDir, 'data'), { recursive: true });
  const files: string[] = [];
  for (const [year, list] of years) {
    const rel = exportPath(year);
    if (options.only && !options.only.has(rel)) continue;
    await writeAtomically(join(outDir, rel), Readable.from(chunks(list, options)).pipe(createGzip({ level: GZIP_LEVEL })));
    files.push(join(outDir, rel));
  }
  if (!options.only || options.only.has(EXPORT_INDEX)) {
    await writeAtomically(join(outDir, EXPORT_INDEX), Readable.from([`${JSON.stringify(index, null, 1)}\n`]));
    files.push(join(outDir, EXPORT_INDEX));
  }
  return { files, records: archive.articles.length };
}

/** gzip's default: level 9 saves 2 % more for twice the time. */
const GZIP_LEVEL = 6;

/** The records of a year in ~1 MB strings. */
function* chunks(articles: readonly Article[], options: ExportOptions): Generator<string> {
  let chunk = '';
  for (const article of articles) {
    chunk += `${JSON.stringify(toRecord(article, options))}\n`;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

async function writeAtomically(file: string, content: NodeJS.ReadableStream): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await pipeline(content, createWriteStream(temp));
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw new Error(`${file}: cannot write the export`, { cause: error });
  }
}

/** Articles by publication year (the site's zone), newest year first, each list in archive order. */
function byYear(articles: readonly Article[]): Map<string, Article[]> {
  const years = new Map<string, Article[]>();
  for (const a of articles) {
    const list = years.get(a.keys.year);
    if (list) list.push(a);
    else years.set(a.keys.year, [a]);
  }
  return new Map([...years].sort((a, b) => (a[0] < b[0] ? 1 : -1)));
}

const CHUNK_CHARS = 1 << 20;

/**
 * One article as its export record: explicit nulls for absent fields, ISO 8601 UTC times. `texts`
 * stand in for the body and text (the digests' placeholders), which are then never read from the store.
 */
export function toRecord(article: Article, options: ExportOptions = {}, texts?: Pick<ExportRecord, 'bodyHtml' | 'text'>): ExportRecord {
  const source = sourcePathIn(options.sourceRoot);
  return {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    id: article.id,
    url: article.url,
    canonicalUrl: article.canonicalUrl,
    outlet: { key: article.outlet.key, name: article.outlet.name },
    topic: { label: article.topic.label, slug: article.topic.slug },
    secondTopic: article.secondTopic ? { label: article.secondTopic.label, slug: article.secondTopic.slug } : null,
    topicBy: article.placement.by,
    section: article.section?.label ?? null,
    title: article.title,
    publishedAt: new Date(article.publishedAt).toISOString(),
    publishedAtMs: article.publishedAt,
    keys: { year: article.keys.year, month: article.keys.month, day: article.keys.day },
    dateline: article.dateline ?? null,
    lead: article.lead,
    summary: article.summary,
    hero: article.hero
      ? { src: article.hero.src, alt: article.hero.alt, width: article.hero.width ?? null, height: article.hero.height ?? null }
      : null,
    bodyHtml: texts ? texts.bodyHtml : article.bodyHtml,
    text: texts ? texts.text : article.text,
    readingMinutes: article.readingMinutes,
    captures: article.captures.map((capture) => ({
      capturedAt: new Date(capture.capturedAt).toISOString(),
      title: capture.title,
      contentHash: capture.contentHash,
      sourcePath: source(capture.sourcePath),
    })),
  };
}

/**
 * A digest of each file `exportRecords` would write (output-relative path → digest), without writing
 * them: a build compares them with the previous ones and rewrites only the files that changed. The
 * body and text (three quarters of the bytes) stand in as the article's seed hash: they are the parse
 * of exactly those bytes, and a new parser or parse option already forces a full build.
 */
export function exportDigests(archive: Archive, options: ExportOptions = {}): Record<string, string> {
  const digests: Record<string, string> = {};
  const index = createHash('sha256').update(`gzip ${GZIP_LEVEL}`);
  for (const [year, list] of byYear(archive.articles)) {
    const hash = createHash('sha256').update(`gzip ${GZIP_LEVEL}`);
    // Hashed ~1 MB at a time, as UTF-16 (what V8 holds the strings in): not a UTF-8 encoding and a call per record.
    let chunk = '';
    for (const article of list) {
      chunk += `${JSON.stringify(toRecord(article, options, { bodyHtml: article.contentHash, text: '' }))}\n`;
      if (chunk.length >= CHUNK_CHARS) (hash.update(chunk, 'utf16le'), (chunk = ''));
    }
    digests[exportPath(year)] = hash.update(chunk, 'utf16le').digest('hex');
    index.update(`${year} ${list.length}\n`);
  }
  digests[EXPORT_INDEX] = index.digest('hex');
  return digests;
}

function sourcePathIn(root: string | undefined): (file: string) => string {
  if (root === undefined) return (file) => file;
  const base = resolve(root);
  return (file) => {
    const rel = relative(base, resolve(file));
    return rel === '' || isAbsolute(rel) ? file : rel.split(sep).join('/');
  };
}
