import { readFileSync } from 'node:fs';
import { loadArchive } from '../src/archive/load-archive.ts';
import { indexStoryTerms } from '../src/archive/story-terms.ts';
import { weighTerms, selectQueries } from '../src/archive/related-terms.ts';
import { canonicalUrl } from '../src/article/canonical-url.ts';
import { makeTermIds } from '../src/archive/make-term-ids.ts';
const { events } = JSON.parse(readFileSync('test/fixtures/stories/events.json', 'utf8'));
const archive = await loadArchive('../shared/corpus/real', { timeZone: 'Asia/Shanghai', outlets: [], cacheDir: '/tmp/clippings-eval-stories-cache' });
const docs = [...archive.articles].sort((a, b) => a.publishedAt - b.publishedAt || (a.id < b.id ? -1 : 1));
const index = indexStoryTerms(docs, 600);
const w = weighTerms(index, docs.length, Math.floor(docs.length * 0.05), 2);
const q = selectQueries(w.docStart, w.docTerm, w.docWeight, 40);
const pos = new Map(docs.map((d, i) => [d.canonicalUrl, i]));
const vec = (d: number) => { const m = new Map<number, number>(); for (let k = q.queryStart[d]!; k < q.queryStart[d + 1]!; k++) m.set(q.queryTerm[k]!, q.queryWeight[k]!); return m; };
const ev = events.find((e: any) => e.key === process.argv[2]);
const ds = [...new Set(ev.urls.map((u: string) => pos.get(canonicalUrl(u))))] as number[];
for (const a of ds) {
  const va = vec(a);
  const row = ds.map((b) => { if (a === b) return '  - '; const vb = vec(b); let dot = 0, n = 0; for (const [t, x] of va) { const y = vb.get(t); if (y) { dot += x * y; n++; } } return (dot / (q.queryNorm[a]! * q.queryNorm[b]!)).toFixed(2).slice(1) + (n > 9 ? '+' : String(n)); });
  console.log(docs[a]!.outlet.key.padEnd(8), row.join(' '), docs[a]!.title.slice(0, 30));
}
