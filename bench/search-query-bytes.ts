/**
 * What a first search query costs a reader, in Chromium: opens `/search/?q=<query>` of a built
 * site in a fresh browser context (empty cache) for each query, waits for the results, and sums the
 * bytes of every response the page fetched except the HTML page and CSS (the script, index.json,
 * the fold table, postings buckets, facets and the chunks of the results shown).
 *
 *     node --import tsx bench/search-query-bytes.ts /tmp/out 台湾 新冠疫苗接种率 世界卫生组织
 *
 * Prints one line per query (results, requests, KB, ms) and the largest.
 */
import { serveStatic } from '../test/support/static-server.ts';
import { withBrowser } from '../test/support/browser.ts';

const [dir, ...queries] = process.argv.slice(2);
if (!dir || queries.length === 0) {
  console.error('usage: node --import tsx bench/search-query-bytes.ts <built site> <query>...');
  process.exit(2);
}

const server = await serveStatic(dir);
let largest = 0;
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
      const shown = await page.locator('.search-result').count();
      const status = await page.textContent('#search-status');
      console.log(`${query}\t${status}\t${shown} shown\t${requests} requests\t${(bytes / 1024).toFixed(0)} KB\t${ms.toFixed(0)} ms`);
      largest = Math.max(largest, bytes);
      await context.close();
    }
  });
} finally {
  await server.close();
}
console.log(`largest first query: ${(largest / 1024).toFixed(0)} KB`);
