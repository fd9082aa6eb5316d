/**
 * How well articles are placed in topics, on the real corpus:
 *
 *   node --import tsx eval/topics.ts [--input ../shared/corpus/real] [--segmenters] [--stability N] [--keyword-weight W]
 *
 * - Topic counts, fallback share, content-classified, uncertain and second-topic shares of a build.
 * - Accuracy of the content classifier, measured honestly: 5-fold cross-validation over the articles
 *   whose section maps to a topic; in each fold their sections are hidden (as if their URLs had none)
 *   and the model is trained on the other four folds only. Per-topic precision/recall, the largest
 *   confusions, and how accuracy follows the model's confidence. Beside it: a lenient accuracy (中国 /
 *   港澳台 / 国际 as one), accuracy per outlet, and the model alone with the keyword rules off
 *   (`--keyword-weight W` sets their weight for the main figure).
 * - `--segmenters`: the same accuracy and the time to cut the words with jieba, Intl.Segmenter and
 *   character bigrams (src/archive/README.md says which was chosen and why).
 * - `--stability N`: adds the N newest articles (sectioned or not) one at a time to the archive without
 *   them and counts the other articles whose topic changes, apart at the steps that retrain the model
 *   (src/archive/training-size.ts); then what each of the last three retrains moved.
 * - The hand check of 50 articles that used to land in 综合 (eval/topics-hand-check.json).
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Article, ParsedArticle } from '../src/article/article.ts';
import { loadArchive } from '../src/archive/load-archive.ts';
import { placeTopics, topicTerms, type PlaceTopicsOptions } from '../src/archive/place-topics.ts';
import { TOPIC_BODY_CHARS as BODY_CHARS } from '../src/article/topic-text.ts';
import type { Term, Terms } from '../src/archive/topic-model.ts';
import { trainingSize } from '../src/archive/training-size.ts';
import { resolveTaxonomy, sectionTopic, type Taxonomy } from '../src/archive/resolve-taxonomy.ts';
import { extractTerms } from '../src/archive/for-each-term-key.ts';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { foldHan } from '../src/text/fold-han.ts';

const { values: flags } = parseArgs({
  options: {
    input: { type: 'string', default: '../shared/corpus/real' },
    segmenters: { type: 'boolean', default: false },
    stability: { type: 'string', default: '0' },
    'keyword-weight': { type: 'string' },
  },
});
const here = path.dirname(new URL(import.meta.url).pathname);
const archive = await loadArchive(flags.input!, { timeZone: 'Asia/Shanghai', outlets: [], cacheDir: path.join(tmpdir(), 'clippings-eval-cache') });
const taxonomy = resolveTaxonomy();
const articles = archive.articles;
/** Topics whose boundary outlets' own sections disagree on (see sameStoryAgreement). */
const BLURRED = new Set(['china', 'hk-macau-taiwan', 'international']);
const pct = (n: number, of: number): string => `${((100 * n) / Math.max(1, of)).toFixed(1)} %`;

// 1. The build's placement.
console.log(`# Topics of ${articles.length} articles (${flags.input})\n`);
for (const group of archive.topics) {
  const primary = group.articles.filter((a) => a.topic.slug === group.key.slug).length;
  const outlets = new Set(group.articles.map((a) => a.outlet.key)).size;
  console.log(`${group.key.label.padEnd(4, '　')} ${group.key.slug.padEnd(16)} ${String(primary).padStart(5)} primary, ${String(group.articles.length - primary).padStart(4)} as second topic, ${outlets} outlets`);
}
const by = (kind: string): number => articles.filter((a) => a.placement.by === kind).length;
console.log(`\ntopics with articles: ${archive.topics.length}; fallback (${taxonomy.fallback.label}): ${by('fallback')} = ${pct(by('fallback'), articles.length)}`);
console.log(`by section ${by('section')}, by rule ${by('rule')}, by content ${by('content')} (${pct(by('content'), articles.length)}), uncertain ${articles.filter((a) => a.placement.uncertain).length}, with a second topic ${articles.filter((a) => a.secondTopic).length}`);

// 2. Cross-validated accuracy with the chosen words.
const mappedOf = (a: Readonly<ParsedArticle>): string | undefined => sectionTopic(taxonomy, a.outlet.key, a.section);
const labelled = articles.filter((a) => mappedOf(a) !== undefined);
const cache = new Map<string, readonly Term[]>();
const memo = (words: (a: Readonly<ParsedArticle>) => readonly Term[]) => (a: Readonly<ParsedArticle>): readonly Term[] => {
  let w = cache.get(a.id);
  if (w === undefined) cache.set(a.id, (w = words(a)));
  return w;
};
const keywordWeight = flags['keyword-weight'] === undefined ? {} : { keywordWeight: Number(flags['keyword-weight']) };
const result = crossValidate(articles, taxonomy, undefined, 5, keywordWeight);
report(result, taxonomy);
// The keyword rules are hand-written, so they are measured apart: the model alone (keyword weight 0).
const modelOnly = crossValidate(articles, taxonomy, undefined, 5, { keywordWeight: 0 });
console.log(`\nmodel alone (keyword rules off): accuracy ${pct(modelOnly.filter((o) => o.got === o.expected).length, modelOnly.length)}; lenient ${pct(modelOnly.filter(lenientRight).length, modelOnly.length)}`);
// The training set is the oldest sectioned articles up to a level (src/archive/training-size.ts): what that costs.
const allTrained = crossValidate(articles, taxonomy, undefined, 5, { ...keywordWeight, trainingGrowthPercent: 0 });
console.log(`trained on every sectioned article instead of the oldest up to a level: accuracy ${pct(allTrained.filter((o) => o.got === o.expected).length, allTrained.length)}`);
leaveOutletOut();
sameStoryAgreement();

if (flags.segmenters) compareSegmenters();
const stability = Number(flags.stability);
if (stability > 0) measureStability(stability);
handCheck();

interface Outcome {
  readonly outlet: string;
  readonly expected: string;
  readonly got: string;
  readonly confidence: number;
  readonly second?: string;
}

function crossValidate(all: readonly Article[], tax: Taxonomy, words: ((a: Readonly<ParsedArticle>) => readonly Term[]) | undefined, folds = 5, options: PlaceTopicsOptions = {}): Outcome[] {
  const outcomes: Outcome[] = [];
  const foldOf = (a: Article): number => Number.parseInt(a.id.slice(0, 8), 16) % folds;
  for (let fold = 0; fold < folds; fold++) {
    const hidden = all.map((a) => (foldOf(a) === fold && mappedOf(a) !== undefined ? withoutSection(a) : a));
    const placed = placeTopics(hidden, tax, words === undefined ? options : { ...options, words });
    placed.forEach((p, i) => {
      const original = all[i]!;
      const expected = mappedOf(original);
      if (foldOf(original) !== fold || expected === undefined) return;
      outcomes.push({ outlet: original.outlet.key, expected, got: p.topic.slug, confidence: p.placement.confidence, ...(p.secondTopic ? { second: p.secondTopic.slug } : {}) });
    });
  }
  return outcomes;
}

/** Each sectioned outlet in turn is hidden and classified by a model of the other outlets: how DW or VOA fare. */
function leaveOutletOut(): void {
  const outlets = [...new Set(labelled.map((a) => a.outlet.key))].sort();
  let right = 0;
  const rows: string[] = [];
  for (const outlet of outlets) {
    const hidden = articles.map((a) => (a.outlet.key === outlet && mappedOf(a) !== undefined ? withoutSection(a) : a));
    const placed = placeTopics(hidden, taxonomy);
    let n = 0;
    let ok = 0;
    placed.forEach((p, i) => {
      const expected = mappedOf(articles[i]!);
      if (articles[i]!.outlet.key !== outlet || expected === undefined) return;
      n++;
      if (p.topic.slug === expected) ok++;
    });
    right += ok;
    rows.push(`${outlet} ${pct(ok, n)} (${n})`);
  }
  console.log(`\nleave-one-outlet-out accuracy (an outlet's articles classified by a model of the other outlets only): ${pct(right, labelled.length)}; ${rows.join(', ')}`);
}

/**
 * How often two outlets' own sections put the same story in the same topic: pairs of sectioned
 * articles of different outlets within 3 days sharing 3+ title bigrams and a fifth of them (Jaccard).
 * This bounds what any classifier can score against section-mapped topics.
 */
function sameStoryAgreement(): void {
  const titleTerms = labelled.map((a) => new Set([...extractTerms(foldHan(a.title))].filter((t) => t.length === 2)));
  let pairs = 0;
  let agree = 0;
  const examples: string[] = [];
  for (let i = 0; i < labelled.length; i++) {
    for (let j = i + 1; j < labelled.length; j++) {
      const a = labelled[i]!;
      const b = labelled[j]!;
      if (a.outlet.key === b.outlet.key || Math.abs(a.publishedAt - b.publishedAt) > 3 * 86_400_000) continue;
      const x = titleTerms[i]!;
      const y = titleTerms[j]!;
      let shared = 0;
      for (const t of x) if (y.has(t)) shared++;
      if (shared < 3 || shared / (x.size + y.size - shared) < 0.2) continue;
      pairs++;
      if (mappedOf(a) === mappedOf(b)) agree++;
      else if (examples.length < 6) examples.push(`${a.outlet.key} ${mappedOf(a)} 「${a.title.slice(0, 22)}」 / ${b.outlet.key} ${mappedOf(b)} 「${b.title.slice(0, 22)}」`);
    }
  }
  console.log(`\nsame story, two outlets' sections: ${pairs} pairs, same topic in ${pct(agree, pairs)}. Disagreeing, e.g.:`);
  for (const e of examples) console.log(`  ${e}`);
}

/** Right, or wrong only across the 中国 / 港澳台 / 国际 boundary. */
function lenientRight(o: Outcome): boolean {
  return o.got === o.expected || (BLURRED.has(o.got) && BLURRED.has(o.expected));
}

function withoutSection(a: Article): ParsedArticle {
  const { section: _section, ...rest } = a;
  return rest;
}

function report(outcomes: readonly Outcome[], tax: Taxonomy): void {
  const right = outcomes.filter((o) => o.got === o.expected).length;
  const either = outcomes.filter((o) => o.got === o.expected || o.second === o.expected).length;
  console.log(`\n# Content classifier, 5-fold cross-validation over ${outcomes.length} section-mapped articles (sections hidden)\n`);
  console.log(`accuracy ${pct(right, outcomes.length)} (${right}/${outcomes.length}); topic or second topic right ${pct(either, outcomes.length)}`);
  console.log(`lenient accuracy (中国, 港澳台 and 国际 taken as one: the boundary outlets' own sections disagree on, see "same story" below) ${pct(outcomes.filter(lenientRight).length, outcomes.length)}`);
  const byOutlet = new Map<string, [number, number]>();
  for (const o of outcomes) {
    const row = byOutlet.get(o.outlet) ?? [0, 0];
    row[0] += o.got === o.expected ? 1 : 0;
    row[1]++;
    byOutlet.set(o.outlet, row);
  }
  console.log(`per outlet: ${[...byOutlet].sort((a, b) => b[1][1] - a[1][1]).map(([k, [ok, n]]) => `${k} ${pct(ok, n)} (${n})`).join(', ')}`);
  console.log(`\ntopic            precision  recall  (articles)`);
  for (const t of tax.topics) {
    const tp = outcomes.filter((o) => o.got === t.slug && o.expected === t.slug).length;
    const predicted = outcomes.filter((o) => o.got === t.slug).length;
    const actual = outcomes.filter((o) => o.expected === t.slug).length;
    if (actual === 0 && predicted === 0) continue;
    console.log(`${t.slug.padEnd(16)} ${pct(tp, predicted).padStart(9)} ${pct(tp, actual).padStart(8)}  (${actual})`);
  }
  const confusion = new Map<string, number>();
  for (const o of outcomes) if (o.got !== o.expected) confusion.set(`${o.expected} → ${o.got}`, (confusion.get(`${o.expected} → ${o.got}`) ?? 0) + 1);
  console.log(`\nlargest confusions (section's topic → classified as): ${[...confusion].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, n]) => `${k} ${n}`).join('; ')}`);
  const bins = [0, 0.5, 0.7, 0.9, 1.01];
  const rows: string[] = [];
  for (let i = 0; i + 1 < bins.length; i++) {
    const inBin = outcomes.filter((o) => o.confidence >= bins[i]! && o.confidence < bins[i + 1]!);
    rows.push(`[${bins[i]}, ${Math.min(1, bins[i + 1]!)}): ${inBin.length} articles, ${pct(inBin.filter((o) => o.got === o.expected).length, inBin.length)} right`);
  }
  console.log(`confidence → accuracy: ${rows.join('; ')}`);
}

/** jieba's words worth a feature: 2+ Han characters, or a Latin word with a letter. */
function isWord(word: string): boolean {
  return /^\p{Script=Han}{2,}$/u.test(word) || /^(?=.*[a-z])[a-z0-9][a-z0-9.+#-]*[a-z0-9+#]$/.test(word);
}

function compareSegmenters(): void {
  const started = performance.now();
  const jieba = Jieba.withDict(dict);
  console.log(`\n(jieba's dictionary loaded in ${(performance.now() - started).toFixed(0)} ms)`);
  console.log(`\n# Segmenters (title ×2 + first ${BODY_CHARS} characters of the text; time to cut all ${articles.length} articles, this machine)\n`);
  const intl = new Intl.Segmenter('zh', { granularity: 'word' });
  const textOf = (a: Readonly<ParsedArticle>): [string, string] => [a.title, (a.text || a.lead).slice(0, BODY_CHARS)];
  const variants: [string, (a: Readonly<ParsedArticle>) => readonly Term[]][] = [
    ['character bigrams (chosen)', (a) => {
      const { topicText: _cached, ...uncached } = a; // fold and cut here, as the others do
      return termList(topicTerms(uncached));
    }],
    ['jieba (@node-rs/jieba)', (a) => {
      const [title, body] = textOf(a).map((t) => jieba.cut(foldHan(t), false).filter(isWord));
      return [...title!, ...title!, ...body!];
    }],
    ['Intl.Segmenter', (a) => {
      const [title, body] = textOf(a).map((t) => [...intl.segment(foldHan(t))].filter((s) => s.isWordLike && s.segment.length >= 2).map((s) => s.segment));
      return [...title!, ...title!, ...body!];
    }],
  ];
  for (const [name, words] of variants) {
    cache.clear();
    const started = performance.now();
    for (const a of articles) memo(words)(a);
    const ms = performance.now() - started;
    const outcomes = crossValidate(articles, taxonomy, memo(words));
    const right = outcomes.filter((o) => o.got === o.expected).length;
    console.log(`${name.padEnd(24)} accuracy ${pct(right, outcomes.length)}, ${ms.toFixed(0)} ms to cut (${((1e4 / articles.length) * ms / 1000).toFixed(2)} s at 10,000 articles)`);
  }
  cache.clear();
}

/** The terms as a list: a bigram as `first * 0x110000 + second`. */
function termList(terms: Terms): Term[] {
  const list: Term[] = [];
  terms((key, second) => list.push(typeof key === 'string' ? key : key * 0x110000 + second!));
  return list;
}

function measureStability(samples: number): void {
  const byTime = [...articles].sort((a, b) => a.publishedAt - b.publishedAt || (a.id < b.id ? -1 : 1));
  const sectionedIn = (list: readonly Article[]): number => list.filter((a) => mappedOf(a) !== undefined).length;
  const topicsOf = (list: readonly Article[]): Map<string, string> => new Map(placeTopics(list, taxonomy).map((a) => [a.id, `${a.topic.slug} ${a.secondTopic?.slug ?? ""}`]));
  const movedBetween = (before: Map<string, string>, after: Map<string, string>): number => [...before].filter(([id, slug]) => after.get(id) !== slug).length;
  let previous = byTime.slice(0, byTime.length - samples);
  let before = topicsOf(previous);
  let quiet = 0;
  let quietMoved = 0;
  const retrains: string[] = [];
  for (let k = samples - 1; k >= 0; k--) {
    const now = byTime.slice(0, byTime.length - k);
    const after = topicsOf(now);
    const moved = movedBetween(before, after);
    const [from, to] = [trainingSize(sectionedIn(previous)), trainingSize(sectionedIn(now))];
    if (from === to) {
      quiet++;
      quietMoved += moved;
    } else retrains.push(`training ${from} → ${to}: ${moved} moved`);
    previous = now;
    before = after;
  }
  console.log(`\n# Stability: the ${samples} newest articles added one at a time (oldest first)\n`);
  console.log(`other articles whose topic or second topic changed: ${quietMoved} in ${quiet} additions that kept the training set; at the ${retrains.length} that crossed a level: ${retrains.join('; ') || '-'}`);
  // What a retrain moves: the archive just before and just after the sectioned article that completes a level.
  const sectioned = byTime.filter((a) => mappedOf(a) !== undefined);
  const levels: number[] = [];
  for (let n = sectioned.length; n > 0 && levels.length < 3; n = trainingSize(n) - 1) levels.push(trainingSize(n));
  const unsectioned = articles.filter((a) => mappedOf(a) === undefined).length;
  for (const level of levels) {
    const last = sectioned[level - 1]!;
    const at = byTime.indexOf(last);
    const moved = movedBetween(topicsOf(byTime.slice(0, at)), topicsOf(byTime.slice(0, at + 1)));
    console.log(`retrain at ${level} sectioned articles (from ${trainingSize(level - 1)}): ${moved} other articles moved (${pct(moved, unsectioned)} of the ${unsectioned} without a mapped section)`);
  }
}

function handCheck(): void {
  const file = path.join(here, 'topics-hand-check.json');
  let checks: { id: string; title: string; placed: string; mine: string }[];
  try {
    checks = JSON.parse(readFileSync(file, 'utf8')) as typeof checks;
  } catch {
    return;
  }
  const byId = new Map(articles.map((a) => [a.id, a]));
  let same = 0;
  const differing: string[] = [];
  for (const c of checks) {
    const now = byId.get(c.id)?.topic.slug;
    if (now === c.mine) same++;
    else differing.push(`${c.title.slice(0, 24)}: ${now} (I would say ${c.mine})`);
  }
  console.log(`\n# Hand check: ${checks.length} articles that used to be in 综合 (${path.relative(process.cwd(), file)})\n`);
  console.log(`filed as I would have: ${same}/${checks.length}`);
  for (const d of differing) console.log(`  ${d}`);
}
