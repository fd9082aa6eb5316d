import type { Article } from '../article/article.ts';
import { foldHan } from '../text/fold-han.ts';
import { namedThings } from '../text/named-things.ts';
import { foldNames } from '../text/fold-names.ts';
import { latinNames } from '../text/latin-names.ts';
import { forEachTermKey } from './for-each-term-key.ts';
import { makeTermIds } from './make-term-ids.ts';
import { dropOutletBoilerplate, type TermIndex } from './related-terms.ts';

/**
 * The terms of each article for story detection (src/archive/find-stories.ts), read once into the
 * same TermIndex layout as related articles use (so `weighTerms` and `selectQueries` weigh them):
 * folded title, lead and the first `bodyChars` characters of the body (繁/简 alike, foldHan), as CJK
 * bigrams and Latin words (forEachTermKey), plus named things (numbers, quoted names: namedThings).
 * Terms in at least half the articles of an outlet are that outlet's boilerplate and are dropped.
 */
export function indexStoryTerms(docs: readonly Readonly<Article>[], bodyChars: number): TermIndex {
  const ids = makeTermIds();
  // About one entry per character read (a bigram or word each, named things on top; foldNames may
  // lengthen a name): a first guess, grown when it runs out.
  let capacity = 16;
  for (const doc of docs) capacity += doc.title.length + Math.min(bodyChars, doc.lead.length) + Math.min(bodyChars, doc.text.length);
  let terms = new Int32Array(capacity);
  let counts = new Int32Array(capacity);
  let titled = new Uint8Array(capacity);
  let end = 0;
  const docStart = new Int32Array(docs.length + 1);
  const lengths = new Float64Array(docs.length);
  let seenIn = new Int32Array(4096);
  let seenAt = new Int32Array(4096);
  let current = 0;
  const add = (id: number, inTitle: number): void => {
    if (id >= seenIn.length) {
      seenIn = grow(seenIn, id);
      seenAt = grow(seenAt, id);
    }
    if (seenIn[id] === current) {
      const at = seenAt[id]!;
      counts[at]! += 1 - inTitle;
      titled[at]! |= inTitle;
      return;
    }
    if (end === terms.length) {
      terms = grow(terms, end);
      counts = grow(counts, end);
      const more = new Uint8Array(end * 2);
      more.set(titled);
      titled = more;
    }
    seenIn[id] = current;
    seenAt[id] = end;
    terms[end] = id;
    counts[end] = 1 - inTitle;
    titled[end] = inTitle;
    end++;
  };
  // Latin words count only when they look like names (latinNames): plain English words say nothing.
  let names = new Set<string>();
  const inTitle = (key: string | number, second?: number): void => {
    if (typeof key !== 'string' || names.has(key)) add(ids(key, second), 1);
  };
  const inBody = (key: string | number, second?: number): void => {
    if (typeof key !== 'string' || names.has(key)) add(ids(key, second), 0);
  };
  docs.forEach((doc, index) => {
    current = index + 1;
    const title = foldNames(foldHan(doc.title));
    const rawBody = doc.text.slice(0, bodyChars);
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
    docStart[index + 1] = end;
    let length = 0;
    for (let k = docStart[index]!; k < end; k++) length += counts[k]!;
    lengths[index] = length;
  });
  const dfs = new Int32Array(seenIn.length);
  for (let k = 0; k < end; k++) dfs[terms[k]!]!++;
  dropOutletBoilerplate(docs, docStart, terms, seenIn.length);
  return { docStart, terms: terms.subarray(0, end), counts: counts.subarray(0, end), titled: titled.subarray(0, end), lengths, dfs };
}

function grow(array: Int32Array<ArrayBuffer>, index: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(array.length * 2, index + 1));
  bigger.set(array);
  return bigger;
}
