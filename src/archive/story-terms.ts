import { grown } from '../runtime/grown.ts';
import type { Article } from '../article/article.ts';
import { foldHan } from '../text/fold-han.ts';
import { namedThings } from '../text/named-things.ts';
import { foldNames } from '../text/fold-names.ts';
import { latinNames } from '../text/latin-names.ts';
import { forEachTermKey } from './for-each-term-key.ts';
import { makeTermIds } from './make-term-ids.ts';
import { DocTermTable } from './doc-term-table.ts';
import { dropOutletBoilerplate, type TermIndex } from './related-terms.ts';
import { textHead, textLength } from './offload-texts.ts';

/**
 * The terms of each article for story detection (src/archive/find-stories.ts), read once into the
 * same TermIndex layout as related articles use (so `weighTerms` and `selectQueries` weigh them):
 * folded title, lead and the first `bodyChars` characters of the body (繁/简 alike, foldHan), as CJK
 * bigrams and Latin words (forEachTermKey), plus named things (numbers, quoted names: namedThings).
 * Terms in at least half the articles of an outlet are that outlet's boilerplate and are dropped.
 */
export function indexStoryTerms(docs: readonly Readonly<Article>[], bodyChars: number, boilerplate: Boilerplate = dropOutletBoilerplate): StoryTermIndex {
  const termIds = makeTermIds();
  // The key of each term that is not a bigram (a Latin name, a named thing), by id: read by `termKey`.
  const otherKeys = new Map<number, string | number>();
  let seen = 0;
  // The two characters of each bigram term (-1 for other terms), so that the overlapping bigrams of
  // one word (阿富, 富汗) can be counted as one name.
  let first = new Int32Array(1024).fill(-1);
  let second = new Int32Array(1024).fill(-1);
  const ids = (key: string | number, next?: number): number => {
    const id = termIds(key, next);
    if (id === seen) {
      seen++;
      if (next === undefined) otherKeys.set(id, key);
    }
    if (id >= first.length) {
      first = grown(first, id + 1, -1);
      second = grown(second, id + 1, -1);
    }
    if (next !== undefined && typeof key === 'number') {
      first[id] = key;
      second[id] = next;
    }
    return id;
  };
  // A first guess, grown when it runs out: ~0.55 of the characters read give distinct terms (bigrams
  // repeat; a word is one; named things add a few). Sized for every character it was 2.3 times too big.
  let capacity = 16;
  for (const doc of docs) capacity += Math.ceil(0.6 * (doc.title.length + Math.min(bodyChars, textLength(doc))));
  const table = new DocTermTable(docs.length, capacity);
  // Latin words count only when they look like names (latinNames): plain English words say nothing.
  let names = new Set<string>();
  const inTitle = (key: string | number, second?: number): void => {
    if (typeof key !== 'string' || names.has(key)) table.add(ids(key, second), 1);
  };
  const inBody = (key: string | number, second?: number): void => {
    if (typeof key !== 'string' || names.has(key)) table.add(ids(key, second), 0);
  };
  docs.forEach((doc, index) => {
    table.open(index);
    const title = foldNames(foldHan(doc.title));
    // Only the start is read from the text store (src/archive/offload-texts.ts).
    const rawBody = textHead(doc, bodyChars);
    names = latinNames(`${doc.title}\n${doc.lead.slice(0, bodyChars)}\n${rawBody}`);
    const body = foldNames(foldHan(rawBody));
    forEachTermKey(title, inTitle);
    for (const name of namedThings(title)) inTitle(name);
    // The lead is normally the first paragraph of the text; read it apart only when it is not.
    const lead = doc.lead && !rawBody.includes(doc.lead.slice(0, 40)) ? foldNames(foldHan(doc.lead.slice(0, bodyChars))) : '';
    for (const text of [lead, body]) {
      forEachTermKey(text, inBody);
      for (const name of namedThings(text)) inBody(name);
    }
    table.close(index);
  });
  const { docStart, terms, counts, titled, lengths, dfs, end, termCount } = table.finish();
  const termKey = (id: number): string => (first[id]! >= 0 ? `b${first[id]},${second[id]}` : `${typeof otherKeys.get(id) === 'number' ? 'n' : 's'}${otherKeys.get(id)}`);
  boilerplate(docs, docStart, terms, termCount, termKey);
  return { docStart, terms: terms.subarray(0, end), counts: counts.subarray(0, end), titled: titled.subarray(0, end), lengths, dfs, bigrams: { first, second }, termKey };
}

export type StoryTermIndex = TermIndex & { readonly bigrams: Bigrams; readonly termKey: (id: number) => string };

/**
 * Marks (`-id - 1`) the terms of each document that are its outlet's boilerplate: dropOutletBoilerplate
 * (terms in half the outlet's documents) unless the caller knows the outlets' boilerplate already
 * (src/archive/story-cache.ts, from the terms of the whole archive kept between builds). `termKey`
 * names a term the same way in every build (`b` + the code points of a bigram, `s`/`n` + a key).
 */
export type Boilerplate = (docs: readonly Readonly<Article>[], docStart: Int32Array, terms: Int32Array, termCount: number, termKey: (id: number) => string) => void;

/** The first and second character (code point) of each bigram term, by term id; -1 for other terms. */
export interface Bigrams {
  readonly first: Int32Array;
  readonly second: Int32Array;
}
