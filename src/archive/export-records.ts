import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Article } from '../article/article.ts';
import type { Archive } from './archive.ts';

/**
 * Writes the archive as newline-delimited JSON, `<outDir>/data/articles.ndjson`: one record per
 * article, newest first (the archive's order), documented by docs/export-schema.json. The file is
 * written in chunks (never the whole export in memory) and replaced atomically.
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

export async function exportRecords(archive: Archive, outDir: string, options: ExportOptions = {}): Promise<{ files: string[]; records: number }> {
  const dir = join(outDir, 'data');
  const file = join(dir, 'articles.ndjson');
  const temp = `${file}.${process.pid}.tmp`;
  await mkdir(dir, { recursive: true });
  // Synchronous writes of ~1 MB chunks: a stream's 16 KB writes and drains cost thousands of
  // thread-pool round trips at 10,000 articles, and the build has nothing to overlap them with.
  try {
    const fd = openSync(temp, 'w');
    try {
      let chunk = '';
      for (const article of archive.articles) {
        chunk += `${JSON.stringify(toRecord(article, options))}\n`;
        if (chunk.length >= CHUNK_CHARS) {
          writeSync(fd, chunk);
          chunk = '';
        }
      }
      writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw new Error(`${file}: cannot write the export`, { cause: error });
  }
  return { files: [file], records: archive.articles.length };
}

const CHUNK_CHARS = 1 << 20;

/** One article as its export record: explicit nulls for absent fields, ISO 8601 UTC times. */
export function toRecord(article: Article, options: ExportOptions = {}): ExportRecord {
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
    bodyHtml: article.bodyHtml,
    text: article.text,
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
 * A digest of what `exportRecords` would write, without writing it: a build compares it with the
 * previous one and rewrites the file only when it changed. The body and text (three quarters of the
 * bytes) stand in as the article's seed hash: they are the parse of exactly those bytes, and a new
 * parser or parse option already forces a full build.
 */
export function exportDigest(archive: Archive, options: ExportOptions = {}): string {
  const hash = createHash('sha256');
  for (const article of archive.articles) {
    hash.update(`${JSON.stringify({ ...toRecord(article, options), bodyHtml: article.contentHash, text: '' })}\n`);
  }
  return hash.digest('hex');
}

function sourcePathIn(root: string | undefined): (file: string) => string {
  if (root === undefined) return (file) => file;
  const base = resolve(root);
  return (file) => {
    const rel = relative(base, resolve(file));
    return rel === '' || isAbsolute(rel) ? file : rel.split(sep).join('/');
  };
}
