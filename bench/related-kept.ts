/**
 * Related lists with the kept index (src/archive/cached-related.ts) against lists computed with nothing
 * kept, on real articles: a kept file of all but the newest `--add` articles, then the newest added one
 * build at a time (the daily case: the kept index goes on), then an article removed from the middle
 * and put back, the newest removed and put back (full index, earlier lists kept). Every step must give
 * the lists of a clean computation, scores included; each prints its time.
 *
 *   node --import tsx bench/related-kept.ts [--input ../shared/corpus/real] [--add 5]
 *
 * Parsing is cached in bench/.work/related-kept-cache/ (the first run parses).
 */
import assert from 'node:assert/strict';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Article } from '../src/article/article.ts';
import { relatedWithScores, type FindRelatedOptions } from '../src/archive/find-related.ts';
import { loadArchive } from '../src/archive/load-archive.ts';

const { values } = parseArgs({ options: { input: { type: 'string', default: '../shared/corpus/real' }, add: { type: 'string', default: '5' } } });
const work = join(import.meta.dirname, '.work');
const archive = await loadArchive(values.input, { timeZone: 'Asia/Shanghai', outlets: [], cacheDir: join(work, 'related-kept-cache') });
const all = [...archive.articles].sort((a, b) => a.publishedAt - b.publishedAt || (a.id < b.id ? -1 : 1));
const SITE: FindRelatedOptions = { limit: 5, earlierOnly: true };
const file = join(work, 'related-kept.bin');
const kept: FindRelatedOptions = { ...SITE, cacheFile: file, sourceKey: archive.sourceKey! };
rmSync(file, { force: true });

const step = (label: string, articles: readonly Article[]): void => {
  const start = performance.now();
  const lists = relatedWithScores(articles, kept);
  const ms = performance.now() - start;
  assert.deepEqual(lists, relatedWithScores(articles, SITE), `${label}: not the lists of a clean computation`);
  console.log(`${label.padEnd(44)}${ms.toFixed(0).padStart(8)} ms   same lists as clean`);
};

const add = Number(values.add);
console.log(`${all.length} articles from ${values.input}`);
step(`nothing kept (${all.length - add} articles)`, all.slice(0, all.length - add));
console.log(`kept file: ${statSync(file).size.toLocaleString('en-US')} bytes`);
for (let n = all.length - add + 1; n <= all.length; n++) step(`newest added (${n})`, all.slice(0, n));
step('no change', all);
const middle = all.filter((_, i) => i !== all.length >> 1);
step('an article in the middle removed', middle);
step('and put back', all);
step('the newest two removed', all.slice(0, -2));
step('and put back', all);
