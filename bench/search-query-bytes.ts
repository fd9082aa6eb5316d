/**
 * What a first search query costs a reader, in Chromium: opens `/search/?q=<query>` of a built
 * site in a fresh browser context (empty cache) for each query, waits for the results, and sums the
 * bytes of every response the page fetched except the HTML page and CSS (the script, index.json,
 * the fold table, postings buckets, facets and the chunks of the results shown).
 *
 *     node --import tsx bench/search-query-bytes.ts /tmp/out 台湾 新冠疫苗 世界卫生组织
 *
 * Prints one line per query (status, results shown, requests, KB, ms) and the largest. `npm run
 * bench` calls firstQueryBytes on each size's clean build with SEARCH_BENCH_QUERIES.
 */
import { pathToFileURL } from 'node:url';
import { serveStatic } from '../test/support/static-server.ts';
import { withBrowser } from '../test/support/browser.ts';

/** Words of the generated archives' vocabulary (bench/chinese-text.ts): 2 to 10 characters, and a miss. */
export const SEARCH_BENCH_QUERIES = ['台湾', '美国', '新冠疫苗', '经济增长', '世界卫生组织', '安理会将召开紧急会议', '鬣蜥'];

export interface QueryBytes {
  readonly query: string;
  readonly status: string;
  readonly shown: number;
  readonly requests: number;
  readonly bytes: number;
  readonly ms: number;
}

export async function firstQueryBytes(dir: string, queries: readonly string[]): Promise<QueryBytes[]> {
  const server = await serveStatic(dir);
  const rows: QueryBytes[] = [];
  try {
    await withBrowser(async (browser) => {
      for (const query of queries) {
        const context = await browser.newContext();
        const page = await context.newPage();
        let bytes = 0;
        let requests = 0;
        page.on('response', async (response) => {
          const type = response.request().resourceType();
          if (type === 'document' || type === 'stylesheet') return;
          const body = await response.body().catch(() => Buffer.alloc(0));
          bytes += body.length;
          requests++;
        });
        const started = performance.now();
        await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
        await page.locator('#search-status', { hasText: /找到|没有找到|无法加载/ }).waitFor({ timeout: 60_000 });
        await page.waitForLoadState('networkidle');
        const ms = performance.now() - started;
        rows.push({ query, status: (await page.textContent('#search-status')) ?? '', shown: await page.locator('.search-result').count(), requests, bytes, ms });
        await context.close();
      }
    });
  } finally {
    await server.close();
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, ...queries] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node --import tsx bench/search-query-bytes.ts <built site> [query...]');
    process.exit(2);
  }
  const rows = await firstQueryBytes(dir, queries.length > 0 ? queries : SEARCH_BENCH_QUERIES);
  for (const r of rows) console.log(`${r.query}\t${r.status}\t${r.shown} shown\t${r.requests} requests\t${(r.bytes / 1024).toFixed(0)} KB\t${r.ms.toFixed(0)} ms`);
  console.log(`largest first query: ${(Math.max(...rows.map((r) => r.bytes)) / 1024).toFixed(0)} KB`);
}
