import { readFileSync } from 'node:fs';
import { loadArchive } from '../src/archive/load-archive.ts';
import { indexStoryTerms } from '../src/archive/story-terms.ts';
import { weighTerms, selectQueries } from '../src/archive/related-terms.ts';
import { canonicalUrl } from '../src/article/canonical-url.ts';
import { termsNearInTime } from '../src/archive/find-stories.ts';
const { events } = JSON.parse(readFileSync('test/fixtures/stories/events.json', 'utf8'));
const archive = await loadArchive('../shared/corpus/real', { timeZone: 'Asia/Shanghai', outlets: [], cacheDir: '/tmp/clippings-eval-stories-cache' });
const docs = [...archive.articles].sort((a, b) => a.publishedAt - b.publishedAt || (a.id < b.id ? -1 : 1));
const index = indexStoryTerms(docs, 600);
const w = weighTerms(index, docs.length, Math.floor(docs.length * 0.2), 2);
const times = Float64Array.from(docs, (d) => d.publishedAt);
const n = termsNearInTime(w, times, 3*86400000);
const q = selectQueries(n.docStart, n.docTerm, n.docWeight, 40);
const pos = new Map(docs.map((d, i) => [d.canonicalUrl, i]));
const vec = (d: number) => { const m = new Map<number, number>(); for (let k = q.queryStart[d]!; k < q.queryStart[d + 1]!; k++) m.set(q.queryTerm[k]!, q.queryWeight[k]!); return m; };
const ev = events.find((e: any) => e.key === process.argv[2]);
const ds = [...new Set(ev.urls.map((u: string) => pos.get(canonicalUrl(u))))] as number[];
for (const a of ds) {
  const va = vec(a);
  const row = ds.map((b) => { if (a === b) return '  - '; const vb = vec(b); let dot = 0, n = 0; for (const [t, x] of va) { const y = vb.get(t); if (y) { dot += x * y; n++; } } return (dot / (q.queryNorm[a]! * q.queryNorm[b]!)).toFixed(2).slice(1) + (n > 9 ? '+' : String(n)); });
  console.log(docs[a]!.outlet.key.padEnd(8), row.join(' '), docs[a]!.title.slice(0, 30));
}
// term strings
import { forEachTermKey } from '../src/archive/for-each-term-key.ts';
import { namedThings } from '../src/text/named-things.ts';
import { foldHan } from '../src/text/fold-han.ts';
import { makeTermIds as mk } from '../src/archive/make-term-ids.ts';
{
  const ids = mk(); const names = new Map<number, string>();
  for (const doc of docs) { for (const text of [foldHan(doc.title), foldHan(doc.lead.slice(0, 600)), foldHan(doc.text.slice(0, 600))]) { forEachTermKey(text, (k, s) => { const id = ids(k, s); if (!names.has(id)) names.set(id, typeof k === 'string' ? k : s === undefined ? String.fromCodePoint(k) : String.fromCodePoint(k, s)); }); for (const n of namedThings(text)) { const id = ids(n); if (!names.has(id)) names.set(id, n); } } }
  // weighTerms renumbers densely; map dense → raw via index
  const dense: number[] = []; const dfs = index.dfs; const maxDf = Math.floor(docs.length * 0.2);
  for (let t = 0; t < dfs.length; t++) if (dfs[t]! >= 2 && dfs[t]! <= maxDf) dense.push(t);
  for (const a of ds.slice(0, 4)) { const parts = []; for (let k = q.queryStart[a]!; k < q.queryStart[a + 1]!; k++) parts.push(names.get(dense[q.queryTerm[k]!]!) + ':' + q.queryWeight[k]!.toFixed(1)); console.log(docs[a]!.title.slice(0, 20), parts.slice(0, 40).join(' ')); }
}
