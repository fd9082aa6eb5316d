/**
 * The search index alone at archive scale: writes the index of `count` documents made from the real
 * corpus (article i is real article i mod 2,688, its paragraphs rotated by i / 2,688 so repeats are
 * not identical; dates one every 30 minutes back from 2024-06-30, so 100,000 span ~5.7 years), then
 * prints the time, peak memory, files and bytes, and what a first query loads through the reader the
 * search page runs (index files; the page's script, ~10 KB, comes on top).
 *
 *     node --import tsx bench/search-index.ts 10000
 *     node --expose-gc --import tsx bench/search-index.ts 100000    # ~1 min, ~1.5 GB with the texts
 *
 * Reads ../shared/corpus/real (parse cache in /tmp/clippings-bench-search/).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadArchive } from '../src/archive/load-archive.ts';
import { DEFAULT_SITE_CONFIG as config } from '../src/site/default-config.ts';
import { openSearchIndex } from '../src/site/search/client/open-search-index.ts';
import type { SearchDoc } from '../src/site/search/search-doc.ts';
import { SEARCH_DIR, writeSearchIndex } from '../src/site/search/write-search-index.ts';

const count = Number(process.argv[2] ?? 10000);
const QUERIES = ['台湾', '美国', '习近平', '国安法', '新冠疫苗', '世界卫生组织', '中华人民共和国', '美国总统特朗普周三表示', 'covid', '2020', '美'];

const archive = await loadArchive('../shared/corpus/real', { timeZone: config.timeZone, outlets: config.outlets, cacheDir: '/tmp/clippings-bench-search/parse' });
const real = archive.articles;
const docs: SearchDoc[] = [];
const newest = Date.UTC(2024, 5, 30);
for (let i = count - 1; i >= 0; i--) {
  const a = real[i % real.length]!;
  const round = Math.floor(i / real.length);
  const paragraphs = a.text.split('\n');
  const shift = paragraphs.length > 0 ? round % paragraphs.length : 0;
  const text = round === 0 ? a.text : [...paragraphs.slice(shift), ...paragraphs.slice(0, shift)].join('\n');
  const day = new Date(newest - i * 30 * 60_000).toISOString().slice(0, 10);
  docs.push({ title: a.title, url: `/articles/${i.toString(16)}/`, outlet: a.outlet.name, topics: [a.topic.label], date: day, day, text });
}
globalThis.gc?.();
const before = process.memoryUsage().rss;
const out = mkdtempSync(join(tmpdir(), 'clippings-bench-search-'));
try {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const written = writeSearchIndex(out, docs);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(`${count} documents: index written in ${seconds.toFixed(1)} s (cpu ${((used.user + used.system) / 1e6).toFixed(1)} s), ${written.files} files, ${(written.bytes / 1048576).toFixed(1)} MB (${(written.bytes / count / 1024).toFixed(1)} KB and ${(written.files / count).toFixed(2)} files per article), segments ${written.segments.join(', ')}`);
  console.log(`memory: rss before ${(before / 1048576).toFixed(0)} MB (texts), peak rss ${peak.toFixed(0)} MB`);
  let loaded = 0;
  const files = {
    bytes: async (path: string) => {
      const b = readFileSync(join(out, SEARCH_DIR, path));
      loaded += b.length;
      if (process.env.SHOW_FILES) console.log(`    ${path} ${b.length}`);
      return new Uint8Array(b.buffer, b.byteOffset, b.length);
    },
    gunzip: async (b: Uint8Array) => new Uint8Array(gunzipSync(b)),
  };
  for (const q of QUERIES) {
    loaded = 0;
    const index = await openSearchIndex(files);
    const t = performance.now();
    const found = await index.search(q);
    await index.docs(found.ids.slice(0, 10));
    console.log(`  ${q}: ${found.ids.length} found, first query loads ${(loaded / 1024).toFixed(0)} KB, ${(performance.now() - t).toFixed(0)} ms`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
