/**
 * How well story detection (src/archive/find-stories.ts) finds real events: loads the real corpus
 * (../shared/corpus/real), finds its stories and compares them with the events of
 * test/fixtures/stories/events.json (each the URLs of the articles that belong to it, chosen by
 * reading them). Per event: coverage (share of its articles in its best-matching story) and purity
 * (share of that story's articles that belong to the event), averaged over round 1 (the events
 * detection was tuned on), round 2 (added later, to catch overfitting) and all. Then how many stories the corpus
 * yields, their sizes, and the hand-checked verdicts of eval/stories-verdicts.json.
 *
 *   node --import tsx eval/stories.ts [--list] [options as JSON, e.g. '{"minSimilarity":0.25}']
 */
import { readFileSync } from 'node:fs';
import { loadArchive } from '../src/archive/load-archive.ts';
import { findStories, type FindStoriesOptions } from '../src/archive/find-stories.ts';
import { canonicalUrl } from '../src/article/canonical-url.ts';

interface Event {
  readonly key: string;
  readonly name: string;
  /** 1: the events the detection was first tuned on; 2: added later, before retuning, to check it does not overfit. */
  readonly round: number;
  readonly urls: readonly string[];
}

const args = process.argv.slice(2);
const list = args.includes('--list');
const options = JSON.parse(args.find((a) => a.startsWith('{')) ?? '{}') as FindStoriesOptions;
const fixture = (name: string) => new URL(name, import.meta.url);
const { events } = JSON.parse(readFileSync(fixture('../test/fixtures/stories/events.json'), 'utf8')) as { events: Event[] };
const verdicts = JSON.parse(readFileSync(fixture('./stories-verdicts.json'), 'utf8')) as { verdicts: { story: string; title: string; verdict: string }[] };

const archive = await loadArchive(new URL('../../shared/corpus/real', import.meta.url).pathname, {
  timeZone: 'Asia/Shanghai',
  outlets: [],
  cacheDir: '/tmp/clippings-eval-stories-cache',
});
const cpu = process.cpuUsage();
const stories = findStories(archive.articles, options);
const used = process.cpuUsage(cpu);
const byUrl = new Map(archive.articles.map((a) => [a.canonicalUrl, a]));
const storyOf = new Map<string, number>();
stories.forEach((s, i) => s.articleIds.forEach((id) => storyOf.set(id, i)));

const pct = (x: number) => `${(100 * x).toFixed(0)}%`.padStart(5);
console.log(`${archive.articles.length} articles → ${stories.length} stories in ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`);
console.log(`\nevent                              articles  story  coverage  purity`);
const results: { round: number; coverage: number; purity: number | undefined }[] = [];
for (const event of events) {
  const ids = [...new Set(event.urls.map((u) => byUrl.get(canonicalUrl(u))?.id).filter((id): id is string => id !== undefined))];
  if (ids.length !== new Set(event.urls.map(canonicalUrl)).size) console.log(`  (${event.key}: ${event.urls.length - ids.length} URLs not in the archive)`);
  // Best-matching story: the one holding most of the event's articles (ties: the purer one).
  const counts = new Map<number, number>();
  for (const id of ids) {
    const s = storyOf.get(id);
    if (s !== undefined) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  let best = -1;
  for (const [s, n] of counts) {
    const size = stories[s]!.articleIds.length;
    if (best < 0 || n > counts.get(best)! || (n === counts.get(best)! && n / size > counts.get(best)! / stories[best]!.articleIds.length)) best = s;
  }
  const found = best < 0 ? 0 : counts.get(best)!;
  const coverage = found / ids.length;
  const purity = best < 0 ? undefined : found / stories[best]!.articleIds.length;
  results.push({ round: event.round, coverage, purity });
  console.log(`${event.key.padEnd(36)} ${String(ids.length).padStart(5)}  ${best < 0 ? '    —' : String(stories[best]!.articleIds.length).padStart(5)}  ${pct(coverage)}   ${purity === undefined ? '    —' : pct(purity)}`);
}
for (const [label, round] of [['average, round 1', 1], ['average, round 2', 2], ['average, all', 0]] as const) {
  const chosen = results.filter((r) => round === 0 || r.round === round);
  const purities = chosen.flatMap((r) => (r.purity === undefined ? [] : [r.purity]));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const pct1 = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`${`${label} (${chosen.length})`.padEnd(36)}              ${pct1(mean(chosen.map((r) => r.coverage)))}  ${pct1(mean(purities))} (purity over the ${purities.length} with a story)`);
}

const sizes = new Map<number, number>();
for (const s of stories) sizes.set(s.articleIds.length, (sizes.get(s.articleIds.length) ?? 0) + 1);
console.log(`\nstory sizes: ${[...sizes].sort((a, b) => a[0] - b[0]).map(([size, n]) => `${size}: ${n}`).join(', ')}`);
const outlets = stories.map((s) => new Set(s.articleIds.map((id) => archive.articles.find((a) => a.id === id)!.outlet.key)).size);
console.log(`outlets per story: ${[1, 2, 3, 4, 5].map((k) => `${k}${k === 5 ? '+' : ''}: ${outlets.filter((n) => (k === 5 ? n >= 5 : n === k)).length}`).join(', ')}`);
console.log(`articles in a story: ${storyOf.size} of ${archive.articles.length}`);

const known = new Set(stories.map((s) => s.id));
console.log(`\nchecked by hand (eval/stories-verdicts.json):`);
for (const v of verdicts.verdicts) console.log(`  ${known.has(v.story) ? ' ' : '!'} ${v.title} — ${v.verdict}`);

if (list) {
  const byId = new Map(archive.articles.map((a) => [a.id, a]));
  for (const s of stories) {
    console.log(`\n${s.id} (${s.articleIds.length})`);
    for (const id of s.articleIds) {
      const a = byId.get(id)!;
      console.log(`  ${a.keys.day} ${a.outlet.key.padEnd(10)} ${a.title.slice(0, 60)}${id === s.leadId ? '  ← title' : ''}`);
    }
  }
}
