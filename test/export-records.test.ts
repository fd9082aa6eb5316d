import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Article } from '../src/article/article.ts';
import type { Archive } from '../src/archive/archive.ts';
import { exportRecords } from '../src/archive/export-records.ts';
import { resolveTaxonomy } from '../src/archive/resolve-taxonomy.ts';
import { makeArticle } from './fixtures/features/make-article.ts';
import { readExport } from './support/read-export.ts';
import { validate, type Schema } from './support/validate-schema.ts';

const schema = JSON.parse(await readFile(new URL('../docs/export-schema.json', import.meta.url), 'utf8')) as Schema;

function archiveOf(articles: Article[]): Archive {
  return { articles, topics: [], outlets: [], years: [], taxonomy: resolveTaxonomy(), rejected: [], warnings: [], duplicatesMerged: 0, filesRead: articles.length };
}

const newest = makeArticle({
  url: 'http://www.rfi.fr//cn/中国/20230830-x',
  canonicalUrl: 'https://www.rfi.fr/cn/中国/20230830-x',
  title: '新标题',
  publishedAt: Date.UTC(2023, 7, 30, 18, 45, 25),
  keys: { year: '2023', month: '2023-08', day: '2023-08-31' },
  dateline: '30/08/2023 - 20:34',
  lead: '导语。',
  text: '导语。\n第二段。',
  hero: { src: 'https://s.rfi.fr/a.jpg', alt: '图', width: 1280 },
  readingMinutes: 2,
});
const older = makeArticle({ url: 'https://www.dw.com/zh/x', title: 'DW 旧闻', publishedAt: Date.UTC(2020, 6, 1) });
const recaptured: Article = {
  ...newest,
  captures: [newest.captures[0] as Article['captures'][number], { ...(newest.captures[0] as Article['captures'][number]), capturedAt: Date.UTC(2023, 7, 29), title: '旧标题', contentHash: 'b'.repeat(64) }],
};

test('exportRecords writes one schema-valid record per article, newest first, and it reads back in a few lines', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'clippings-export-'));
  try {
    const result = await exportRecords(archiveOf([recaptured, older]), dir);
    const files = ['data/articles-2023.ndjson.gz', 'data/articles-2020.ndjson.gz', 'data/index.json'];
    assert.deepEqual(result, { files: files.map((f) => join(dir, f)), records: 2 });
    assert.deepEqual((await readdir(join(dir, 'data'))).sort(), ['articles-2020.ndjson.gz', 'articles-2023.ndjson.gz', 'index.json'], 'no temporary file left behind');
    assert.deepEqual(JSON.parse(await readFile(join(dir, 'data/index.json'), 'utf8')), {
      schemaVersion: 1,
      files: [
        { path: 'data/articles-2023.ndjson.gz', year: '2023', records: 1 },
        { path: 'data/articles-2020.ndjson.gz', year: '2020', records: 1 },
      ],
    });

    // What docs/archive-features.md shows: read the export back in a few lines of Node.
    const records = [];
    for (const { path } of JSON.parse(await readFile(join(dir, 'data/index.json'), 'utf8')).files) {
      for await (const line of createInterface({ input: createReadStream(join(dir, path)).pipe(createGunzip()) })) {
        records.push(JSON.parse(line));
      }
    }

    assert.equal(records.length, 2);
    for (const [i, record] of records.entries()) assert.deepEqual(validate(record, schema, schema, `line ${i + 1}`), []);
    const [first, second] = records;
    assert.equal(first.id, newest.id);
    assert.equal(first.publishedAt, '2023-08-30T18:45:25.000Z');
    assert.equal(first.publishedAtMs, 1693421125000);
    assert.equal(first.keys.day, '2023-08-31', 'day keys stay in the site zone');
    assert.deepEqual(first.hero, { src: 'https://s.rfi.fr/a.jpg', alt: '图', width: 1280, height: null });
    assert.deepEqual(first.captures.map((c: { title: string; capturedAt: string }) => [c.title, c.capturedAt]), [
      ['新标题', '2023-08-30T18:45:25.000Z'],
      ['旧标题', '2023-08-29T00:00:00.000Z'],
    ]);
    assert.equal(second.dateline, null);
    assert.equal(second.hero, null);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the validator catches what the schema forbids', () => {
  const record = { ...JSON.parse(JSON.stringify({ schemaVersion: 2, extra: true })) };
  const errors = validate(record, schema, schema);
  assert.ok(errors.some((error) => error.includes('expected 1')));
});

test('an incremental export writes only the files asked for', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'clippings-export-'));
  try {
    const result = await exportRecords(archiveOf([recaptured, older]), dir, { only: new Set(['data/articles-2020.ndjson.gz']) });
    assert.deepEqual(result.files, [join(dir, 'data/articles-2020.ndjson.gz')]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a large archive is streamed: 5,000 articles export in order', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'clippings-export-'));
  try {
    const articles = Array.from({ length: 5_000 }, (_, i) =>
      makeArticle({ url: `https://example.org/${i}`, publishedAt: Date.UTC(2021, 0, 1) - i * 60_000, text: '很长的正文。'.repeat(400) }),
    );
    const started = performance.now();
    const { records } = await exportRecords(archiveOf(articles), dir);
    console.log(`# exported ${records} records in ${(performance.now() - started).toFixed(0)} ms`);
    const lines = await readExport(dir);
    assert.equal(lines.length, 5_000);
    assert.equal(JSON.parse(lines[4_999] ?? '{}').url, 'https://example.org/4999');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

const corpus = new URL('../../shared/corpus/real/', import.meta.url);
test('every record of the real corpus validates against the schema', async () => {
  const { loadArchive } = await import('../src/archive/load-archive.ts');
  const archive = await loadArchive(corpus.pathname, { timeZone: 'Asia/Shanghai', outlets: [] });
  const dir = await mkdtemp(join(tmpdir(), 'clippings-export-'));
  try {
    await exportRecords(archive, dir);
    const lines = await readExport(dir);
    assert.equal(lines.length, archive.articles.length);
    const errors = lines.flatMap((line, i) => validate(JSON.parse(line), schema, schema, `line ${i + 1}`));
    assert.deepEqual(errors.slice(0, 10), []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
