import type { Article, ParsedArticle, Section, Topic, TopicPlacement } from '../article/article.ts';
import { findSection } from '../article/find-section.ts';
import { foldHan } from '../text/fold-han.ts';
import { forEachTermKey } from './for-each-term-key.ts';
import { sectionTopic, type Taxonomy } from './resolve-taxonomy.ts';
import { trainTopicModel, type Term, type TopicModel, type TopicModelOptions } from './topic-model.ts';

/** Characters of body text read for the classifier, after the title (the lead is where the subject is). */
export const BODY_CHARS = 600;
/** Below this probability a content classification is flagged uncertain. */
export const UNCERTAIN_BELOW = 0.5;
/** A second topic is given when the classifier gives it at least this probability. */
export const SECOND_TOPIC_FROM = 0.35;

export interface PlaceTopicsOptions extends TopicModelOptions {
  /** Terms of an article (default: `topicTerms`); eval/topics.ts compares segmenters through it. */
  readonly words?: (article: Readonly<ParsedArticle>) => readonly Term[];
}

/**
 * Places every article in the taxonomy. An article whose outlet section maps to a topic goes there;
 * one whose title has a configured keyword goes to its topic; the others are classified by their
 * words with a naive Bayes model trained on the section-mapped articles of the same archive, and
 * flagged uncertain when the model is; nothing known → the fallback topic. Only section-mapped
 * articles train the model, so adding an article without a section never moves another article.
 * The result does not depend on the order of `articles`.
 */
export function placeTopics(articles: readonly Readonly<ParsedArticle>[], taxonomy: Taxonomy, options: PlaceTopicsOptions = {}): Article[] {
  const wordsOf = options.words ?? topicTerms;
  const index = new Map(taxonomy.topics.map((t, i) => [t.slug, i]));
  const prepared = articles.map((article) => {
    const section = taxonomy.configuredOutlets.has(article.outlet.key)
      ? findSection(article.canonicalUrl, taxonomy.outlets[article.outlet.key])
      : article.section;
    const mapped = sectionTopic(taxonomy, article.outlet.key, section);
    return { article, section, mapped: mapped === undefined ? undefined : index.get(mapped), words: wordsOf(article) };
  });
  const model = trainTopicModel(
    prepared.flatMap((p) => (p.mapped === undefined ? [] : [{ words: p.words, topic: p.mapped, outlet: p.article.outlet.key }])),
    taxonomy.topics.length,
    options,
  );
  return prepared.map((p) => place(p.article, p.section, p.mapped, p.words, taxonomy, model));
}

/**
 * The classifier's terms of an article: CJK character bigrams (as numbers, `first * 0x110000 + second`)
 * and Latin words of the title, twice (a headline says more than a sentence of body), then of the
 * first BODY_CHARS of the text; folded with foldHan, so 臺灣 and 台湾 are one term. Why bigrams rather
 * than jieba's words: src/archive/README.md.
 */
export function topicTerms(article: Readonly<ParsedArticle>): Term[] {
  const terms: Term[] = [];
  const visit = (key: string | number, second?: number): void => {
    if (typeof key === 'string') terms.push(key);
    else if (second !== undefined) terms.push(key * 0x110000 + second);
  };
  forEachTermKey(foldHan(article.title), visit);
  const titleEnd = terms.length;
  for (let i = 0; i < titleEnd; i++) terms.push(terms[i]!);
  forEachTermKey(foldHan((article.text || article.lead).slice(0, BODY_CHARS)), visit);
  return terms;
}

function place(
  article: Readonly<ParsedArticle>,
  section: Section | undefined,
  mapped: number | undefined,
  words: readonly Term[],
  taxonomy: Taxonomy,
  model: TopicModel,
): Article {
  const { topics } = taxonomy;
  const { section: _parsed, ...rest } = article;
  const withSection = section === undefined ? rest : { ...rest, section };
  const probabilities = model.classify(words);
  const ranked = probabilities === undefined ? [] : rank(probabilities);
  const second = (primary: number, from: number): { secondTopic?: Topic } => {
    const other = ranked.find((t) => t !== primary);
    return other !== undefined && probabilities![other]! >= from ? { secondTopic: topics[other]! } : {};
  };
  if (mapped !== undefined) {
    return { ...withSection, topic: topics[mapped]!, ...second(mapped, STRONG_SECOND), placement: certain('section') };
  }
  const title = foldHan(article.title);
  const rule = taxonomy.keywords.find((k) => title.includes(k.word));
  if (rule !== undefined) return { ...withSection, topic: topics[rule.topic]!, ...second(rule.topic, STRONG_SECOND), placement: certain('rule') };
  const best = ranked[0];
  if (best === undefined) return { ...withSection, topic: taxonomy.fallback, placement: { by: 'fallback', confidence: 0, uncertain: true } };
  const confidence = probabilities![best]!;
  const placement: TopicPlacement = { by: 'content', confidence: round(confidence), uncertain: confidence < UNCERTAIN_BELOW };
  return { ...withSection, topic: topics[best]!, ...second(best, SECOND_TOPIC_FROM), placement };
}

/** Beside a topic its section or a rule gave, the classifier must be this sure of another one. */
const STRONG_SECOND = 0.6;

function certain(by: 'section' | 'rule'): TopicPlacement {
  return { by, confidence: 1, uncertain: false };
}

/** Topic indexes by falling probability, ties by index (so by taxonomy order). */
function rank(p: Float64Array): number[] {
  return [...p.keys()].sort((a, b) => p[b]! - p[a]! || a - b);
}

function round(p: number): number {
  return Math.round(p * 1000) / 1000;
}
