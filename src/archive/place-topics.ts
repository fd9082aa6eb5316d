import type { Article, ParsedArticle, Section, Topic, TopicPlacement } from '../article/article.ts';
import { findSection } from '../article/find-section.ts';
import { topicText } from '../article/topic-text.ts';
import { withFields } from './with-fields.ts';
import { foldHan } from '../text/fold-han.ts';
import { forEachTermKey } from './for-each-term-key.ts';
import { sectionTopic, type Taxonomy } from './resolve-taxonomy.ts';
import { trainTopicModel, type Term, type Terms, type TopicModel, type TopicModelOptions } from './topic-model.ts';
import { cachedTopicModel, topicModelKey } from './cached-topic-model.ts';
import { TopicScores } from './cached-topic-scores.ts';
import { trainingSize } from './training-size.ts';
import { makeNameFinder } from './make-name-finder.ts';

/** Each title term counts this many times (a headline says more than a sentence of body; eval/topics.ts: 2 → 3 gained a point). */
const TITLE_WEIGHT = 3;

/** Below this probability a content classification is flagged uncertain. */
export const UNCERTAIN_BELOW = 0.5;
/** A second topic is given when the classifier gives it at least this probability. */
export const SECOND_TOPIC_FROM = 0.3;

export interface PlaceTopicsOptions extends TopicModelOptions {
  /** Weight of a title keyword (default KEYWORD_WEIGHT). */
  readonly keywordWeight?: number;
  /** Terms of an article as a list (default: `topicTerms`); eval/topics.ts compares segmenters through it. */
  readonly words?: (article: Readonly<ParsedArticle>) => readonly Term[];
  /**
   * How much the training set grows between retrains, in percent (default 10: src/archive/training-size.ts);
   * 0 trains on every sectioned article (what eval/topics.ts compares with).
   */
  readonly trainingGrowthPercent?: number;
  /**
   * Where the trained model is kept between builds (src/archive/cached-topic-model.ts): a build whose
   * training set is the one of the file reads the model instead of training it. loadArchive puts it in
   * its cache folder.
   */
  readonly modelFile?: string;
  /**
   * Where the model's probabilities for each article are kept between builds, under the model's key
   * (src/archive/cached-topic-scores.ts): a rebuild with the same model classifies only new texts.
   * Used only with `modelFile`.
   */
  readonly scoresFile?: string;
}

/**
 * Places every article in the taxonomy. An article whose outlet section maps to a topic goes there;
 * one whose title has a configured keyword goes to its topic; the others are classified by their
 * words with a linear model (src/archive/topic-model.ts) trained on the oldest section-mapped articles
 * of the same archive, and flagged uncertain when the model is; nothing known → the fallback topic.
 *
 * The model trains on the oldest `trainingSize(n)` of the n section-mapped articles (by publication
 * time, then id): a level that grows by 10 % at a time. Adding articles newer than the training set
 * (what a daily rebuild does) moves no other article until their count crosses the next level; adding
 * one without a section never does. The result does not depend on the order of `articles`.
 */
export function placeTopics(articles: readonly Readonly<ParsedArticle>[], taxonomy: Taxonomy, options: PlaceTopicsOptions = {}): Article[] {
  const findNames = makeNameFinder(taxonomy.names);
  const termsOf = options.words === undefined ? (a: Readonly<ParsedArticle>) => topicTerms(a, findNames) : listedTerms(options.words);
  const index = new Map(taxonomy.topics.map((t, i) => [t.slug, i]));
  const sections = new Array<Section | undefined>(articles.length);
  const mapped = new Int32Array(articles.length).fill(-1);
  const sectioned: number[] = [];
  articles.forEach((article, i) => {
    const section = taxonomy.configuredOutlets.has(article.outlet.key)
      ? findSection(article.canonicalUrl, taxonomy.outlets[article.outlet.key])
      : article.section;
    sections[i] = section;
    const slug = sectionTopic(taxonomy, article.outlet.key, section);
    if (slug === undefined) return;
    mapped[i] = index.get(slug)!;
    sectioned.push(i);
  });
  sectioned.sort((a, b) => articles[a]!.publishedAt - articles[b]!.publishedAt || compare(articles[a]!.id, articles[b]!.id));
  const training = sectioned.slice(0, trainingSize(sectioned.length, options.trainingGrowthPercent));
  const train = (): TopicModel =>
    trainTopicModel(
      training.map((i) => ({ terms: termsOf(articles[i]!), topic: mapped[i]!, outlet: articles[i]!.outlet.key, key: articles[i]!.id })),
      taxonomy.topics.length,
      options,
    );
  const key = options.modelFile === undefined || options.words !== undefined ? undefined : modelKey(articles, training, mapped, taxonomy, options);
  const model = key === undefined ? train() : cachedTopicModel(options.modelFile, key, train, options);
  const keywordWeight = options.keywordWeight ?? KEYWORD_WEIGHT;
  const kept = key === undefined || options.scoresFile === undefined ? undefined : TopicScores.open(options.scoresFile, key, taxonomy.topics.length);
  const classify = (article: Readonly<ParsedArticle>): Float64Array | undefined =>
    kept === undefined ? model.classify(termsOf(article)) : kept.scoresOf(sourceText(article), () => model.classify(termsOf(article)));
  const placed = articles.map((article, i) => place(article, sections[i], mapped[i]! < 0 ? undefined : mapped[i], classify(article), taxonomy, keywordWeight));
  kept?.save();
  return placed;
}

/** What the classifier reads of an article (topicTerms cuts it). */
function sourceText(article: Readonly<ParsedArticle>): string {
  return article.topicText ?? topicText(article.title, article.text, article.lead);
}

/**
 * The classifier's terms of an article: CJK character bigrams and Latin words of the title, TITLE_WEIGHT
 * times, then of the start of the text: of `article.topicText` (src/article/topic-text.ts, folded
 * while parsing); and, with `findNames`, a term `@<topic index>` per mention of a place or person name
 * of the taxonomy (src/archive/make-name-finder.ts; TITLE_WEIGHT times in the title). Cut anew at each
 * visit, nothing kept. Why bigrams rather than jieba's words: src/archive/README.md.
 */
export function topicTerms(article: Readonly<ParsedArticle>, findNames?: ReturnType<typeof makeNameFinder>): Terms {
  return (visit) => {
    const source = sourceText(article);
    const titleLength = source.indexOf('\n');
    const pairs = (key: string | number, second?: number): void => {
      if (typeof key === 'string') visit(key);
      else if (second !== undefined) visit(key, second);
    };
    const title = source.slice(0, titleLength);
    const body = source.slice(titleLength + 1);
    for (let copy = 0; copy < TITLE_WEIGHT; copy++) forEachTermKey(title, pairs);
    forEachTermKey(body, pairs);
    if (findNames === undefined) return;
    findNames(title, (topic) => {
      for (let copy = 0; copy < TITLE_WEIGHT; copy++) visit(NAME_TERMS[topic] ?? `@${topic}`);
    });
    findNames(body, (topic) => visit(NAME_TERMS[topic] ?? `@${topic}`));
  };
}

/** What the model is trained from, as a digest: training articles in key order with topic, outlet and text; options; topics and names. */
function modelKey(articles: readonly Readonly<ParsedArticle>[], training: readonly number[], mapped: Int32Array, taxonomy: Taxonomy, options: PlaceTopicsOptions): string {
  const key = topicModelKey();
  key.add(JSON.stringify([options.minOutlets, options.epochs, options.lambda, options.sharpness, TITLE_WEIGHT, taxonomy.topics.length, taxonomy.names]));
  for (const i of [...training].sort((a, b) => compare(articles[a]!.id, articles[b]!.id))) {
    const article = articles[i]!;
    key.add(article.id);
    key.add(mapped[i]!);
    key.add(article.outlet.key);
    key.add(sourceText(article));
  }
  return key.digest();
}

/** The name terms of the first topics, made once (`@` is in no Latin word of forEachTermKey). */
const NAME_TERMS = Array.from({ length: 64 }, (_, i) => `@${i}`);

/** Terms given as a list (a bigram as `first * 0x110000 + second`). */
function listedTerms(words: (article: Readonly<ParsedArticle>) => readonly Term[]): (article: Readonly<ParsedArticle>) => Terms {
  return (article) => (visit) => {
    for (const term of words(article)) {
      if (typeof term === 'string') visit(term);
      else visit(Math.floor(term / 0x110000), term % 0x110000);
    }
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function place(
  article: Readonly<ParsedArticle>,
  section: Section | undefined,
  mapped: number | undefined,
  probabilities: Float64Array | undefined,
  taxonomy: Taxonomy,
  keywordWeight: number,
): Article {
  const { topics } = taxonomy;
  // The folded text was the classifier's only: dropped, so the archive does not keep it for the build.
  // withFields, not a spread: the offloaded body and text stay in the store (offload-texts.ts).
  const placed = (fields: Pick<Article, 'topic' | 'placement'> & { secondTopic?: Topic }): Article =>
    withFields(article, { ...(section === undefined ? {} : { section }), ...fields }, ['section', 'topicText']) as unknown as Article;
  const ranked = probabilities === undefined ? [] : rank(probabilities);
  const second = (primary: number, from: number): { secondTopic?: Topic } => {
    const other = ranked.find((t) => t !== primary);
    return other !== undefined && probabilities![other]! >= from ? { secondTopic: topics[other]! } : {};
  };
  if (mapped !== undefined) {
    return placed({ topic: topics[mapped]!, ...second(mapped, STRONG_SECOND), placement: certain('section') });
  }
  const hits = keywordHits(foldHan(article.title), taxonomy);
  const weighed = hits === undefined ? probabilities : withKeywords(probabilities, hits, keywordWeight);
  const order = weighed === undefined ? [] : rank(weighed);
  const best = order[0];
  if (best === undefined) return placed({ topic: taxonomy.fallback, placement: { by: 'fallback', confidence: 0, uncertain: true } });
  const confidence = weighed![best]!;
  const by = hits !== undefined && hits[best]! > 0 ? 'rule' : 'content';
  const placement: TopicPlacement = { by, confidence: round(confidence), uncertain: confidence < UNCERTAIN_BELOW };
  const other = order[1];
  const secondTopic = other !== undefined && weighed![other]! >= SECOND_TOPIC_FROM ? { secondTopic: topics[other]! } : {};
  return placed({ topic: topics[best]!, ...secondTopic, placement });
}

/** Beside the topic its section gave, the classifier must be this sure of another one. */
const STRONG_SECOND = 0.6;
/** What one keyword of a topic in the title weighs against the classifier, in nats (e ≈ 2.7 times the odds; 2 and 5 measured worse, eval/topics.ts --keyword-weight). */
export const KEYWORD_WEIGHT = 1;

function certain(by: 'section'): TopicPlacement {
  return { by, confidence: 1, uncertain: false };
}

/** How many distinct keywords of each topic the (folded) title holds; undefined when none. */
function keywordHits(title: string, taxonomy: Taxonomy): Float64Array | undefined {
  let hits: Float64Array | undefined;
  for (const { word, topic } of taxonomy.keywords) {
    if (!title.includes(word)) continue;
    hits ??= new Float64Array(taxonomy.topics.length);
    hits[topic]!++;
  }
  return hits;
}

/**
 * The classifier's probabilities with each keyword hit multiplying its topic's odds (a topic the model
 * cannot give, having no trained examples, first counts as likely as the model's best guess, so its
 * keyword decides); hits alone when the model knows no word.
 */
function withKeywords(probabilities: Float64Array | undefined, hits: Float64Array, weight: number): Float64Array {
  const p = new Float64Array(hits.length);
  const best = probabilities === undefined ? 1 : Math.max(...probabilities);
  let total = 0;
  for (let t = 0; t < hits.length; t++) {
    const p0 = probabilities?.[t] ?? 0;
    const base = hits[t]! > 0 && p0 === 0 ? best : p0;
    total += p[t] = base * Math.exp(weight * hits[t]!);
  }
  for (let t = 0; t < hits.length; t++) p[t]! /= total;
  return p;
}

/** Topic indexes by falling probability, ties by index (so by taxonomy order). */
function rank(p: Float64Array): number[] {
  return [...p.keys()].sort((a, b) => p[b]! - p[a]! || a - b);
}

function round(p: number): number {
  return Math.round(p * 1000) / 1000;
}
