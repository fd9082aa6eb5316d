/**
 * Recall and precision of the search index on the real corpus, per query, through the same reader
 * the search page runs (src/site/search/client/open-search-index.ts), reading the index files from
 * disk. Ground truth: the articles whose folded title or body text (foldHan) contains the folded
 * query. Also prints the bytes each query loads (index files only; the page's script and the fold
 * table come on top, once).
 *
 *     node --import tsx eval/search.ts            # table + totals
 *     node --import tsx eval/search.ts --json     # machine-readable
 *     node --import tsx eval/search.ts --browser /tmp/real-site   # also: a handful of queries through
 *       the search page of a site built from the same corpus, in Chromium; its counts must equal the truth
 *
 * Reads ../shared/corpus/real (parsed with a cache in /tmp/clippings-eval-search/).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadArchive } from '../src/archive/load-archive.ts';
import { buildSite } from '../src/site/build-site.ts';
import { DEFAULT_SITE_CONFIG as config } from '../src/site/default-config.ts';
import { openSearchIndex } from '../src/site/search/client/open-search-index.ts';
import { searchDocs } from '../src/site/search/search-doc.ts';
import { SEARCH_DIR, writeSearchIndex } from '../src/site/search/write-search-index.ts';
import { foldHan } from '../src/text/fold-han.ts';
import { firstQueryBytes } from '../bench/search-query-bytes.ts';

/** Names, places, 2–6 character words, both scripts, Latin words and numbers, one character. */
export const QUERIES = [
  '台湾', '臺灣', '台灣', '習近平', '习近平', '国安法', '國安法', '新冠病毒', '新冠疫苗', '香港',
  '特朗普', '川普', '拜登', '蓬佩奥', '华为', '抖音', '疫苗', '口罩', '武汉', '新疆',
  '维吾尔', '西藏', '南海', '美国大选', '选举', '選舉', '民主党', '共和国', '中华人民共和国', '世界卫生组织',
  '联合国', '欧盟', '默克尔', '黎智英', '林郑月娥', '蔡英文', '立法会', '孟晚舟', '一带一路', '人权',
  '气候变化', '比特币', '贸易战', '解放军', '台积电', '芯片', '疫情', '经济', 'TikTok', 'covid',
  'Trump', '5G', '2020', '北京', '鬣蜥', '美',
];

const work = '/tmp/clippings-eval-search';
const archive = await loadArchive('../shared/corpus/real', { timeZone: config.timeZone, outlets: config.outlets, cacheDir: join(work, 'parse') });
const site = buildSite(archive, config, { feeds: false, search: true });
const docs = searchDocs(archive.articles, site.lists.article);
const out = mkdtempSync(join(tmpdir(), 'clippings-eval-search-'));
try {
  const written = writeSearchIndex(out, docs);
  const root = join(out, SEARCH_DIR);
  let loaded = 0;
  const files = {
    bytes: async (path: string) => {
      const b = readFileSync(join(root, path));
      loaded += b.length;
      return new Uint8Array(b.buffer, b.byteOffset, b.length);
    },
    gunzip: async (b: Uint8Array) => new Uint8Array(gunzipSync(b)),
  };
  const folded = docs.map((d) => [foldHan(d.title), foldHan(d.text)] as const);
  const rows = [];
  let [truthSum, foundSum, hitSum] = [0, 0, 0];
  for (const query of QUERIES) {
    const index = await openSearchIndex(files); // a fresh reader per query: bytes as a first query
    const opened = loaded;
    const q = foldHan(query);
    const truth = new Set<number>();
    folded.forEach(([t, x], id) => (t.includes(q) || x.includes(q)) && truth.add(id));
    const started = performance.now();
    const { ids } = await index.search(query);
    await index.docs(ids.slice(0, 10));
    const ms = performance.now() - started;
    const hits = ids.filter((id) => truth.has(id)).length;
    truthSum += truth.size;
    foundSum += ids.length;
    hitSum += hits;
    rows.push({ query, truth: truth.size, found: ids.length, recall: truth.size ? hits / truth.size : 1, precision: ids.length ? hits / ids.length : 1, kb: (loaded - opened) / 1024, ms });
    loaded = 0;
  }
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ written, rows }, null, 2));
  } else {
    const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
    console.log(`${docs.length} articles; index ${written.files} files, ${(written.bytes / 1048576).toFixed(1)} MB, written in ${(written.ms / 1000).toFixed(1)} s\n`);
    console.log('| query | truth | found | recall | precision | KB loaded (10 results) |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const r of rows) console.log(`| ${r.query} | ${r.truth} | ${r.found} | ${pct(r.recall)} | ${pct(r.precision)} | ${r.kb.toFixed(0)} |`);
    const macro = (k: 'recall' | 'precision') => rows.reduce((n, r) => n + r[k], 0) / rows.length;
    console.log(`\n${rows.length} queries. Micro: recall ${pct(hitSum / truthSum)}, precision ${pct(hitSum / foundSum)}. Macro: recall ${pct(macro('recall'))}, precision ${pct(macro('precision'))}.`);
    console.log(`Lowest precision: ${rows.filter((r) => r.precision < 0.95).map((r) => `${r.query} ${pct(r.precision)}`).join(', ') || 'none below 95 %'}`);
    console.log(`Largest first query: ${Math.max(...rows.map((r) => r.kb)).toFixed(0)} KB (index files; the page's script comes on top).`);
  }
  const site = process.argv[process.argv.indexOf('--browser') + 1];
  if (process.argv.includes('--browser') && site) {
    const handful = ['台湾', '臺灣', '習近平', '国安法', '國安法', '新冠病毒', '新冠疫苗', '共和国', 'covid', '美'];
    console.log(`\nIn Chromium, through ${site}/search/:`);
    for (const r of await firstQueryBytes(site, handful)) {
      const count = Number(/找到 (\d+) 篇/.exec(r.status)?.[1] ?? 0);
      const row = rows.find((x) => x.query === r.query);
      const truth = row?.truth ?? '?';
      console.log(`  ${r.query}: page says ${count}, truth ${truth}, reader ${row?.found ?? '?'} — ${count === row?.found ? 'same as the reader' : 'DIFFERS'}; ${(r.bytes / 1024).toFixed(0)} KB`);
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
