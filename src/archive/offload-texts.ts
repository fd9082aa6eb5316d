import type { Capture, ParsedArticle } from '../article/article.ts';
import type { TextStore } from '../runtime/text-store.ts';
import type { ParseOutcome } from './parse-outcome.ts';
import { copyProperty, withFields } from './with-fields.ts';

type Offloadable = 'bodyHtml' | 'text';
/** Hidden (non-enumerable) properties of an offloaded object: its store, and the id of each text in it. */
const STORE = Symbol('text store');
const IDS: Readonly<Record<Offloadable, symbol>> = { bodyHtml: Symbol('bodyHtml id'), text: Symbol('text id') };

/**
 * One getter per property, shared by every object: V8 keeps objects whose accessors are the same
 * functions in one fast layout, where a closure per object made each a hash table (2.6 KB more each).
 */
const GETTERS: Readonly<Record<Offloadable, PropertyDescriptor>> = {
  bodyHtml: reader('bodyHtml'),
  text: reader('text'),
};

function reader(key: Offloadable): PropertyDescriptor {
  const id = IDS[key];
  return {
    get(this: Record<symbol, unknown>) {
      return (this[STORE] as TextStore).get(this[id] as number);
    },
    enumerable: true,
    configurable: true,
  };
}

/**
 * The outcome with its article's `bodyHtml` and `text` (and its captures' bodies and texts) moved into
 * `store`, behind getters that read them back; as it is without an article. The folded `topicText`
 * stays: topic placement reads it several times, out of the store's order (twice the CPU, measured),
 * and drops it right after loading.
 * Loading calls it as each parse result arrives (from a worker or this thread; the parse cache adopts its texts instead, adoptTexts): every
 * reader sees the same values, but the heap no longer holds them between reads (~780 MB of the ~1 GB
 * of a 100,000-article archive). A capture whose body or text equals the article's shares its entry, so
 * there is one copy whatever the result's origin. Copies made with withFields keep the getters. An
 * article already offloaded comes back as it is.
 */
export function offloadTexts(outcome: ParseOutcome, store: TextStore): ParseOutcome {
  return outcome.article === undefined ? outcome : { ...outcome, article: offloadArticle(outcome.article, store) };
}

function offloadArticle(article: Readonly<ParsedArticle>, store: TextStore): Readonly<ParsedArticle> {
  if (STORE in article) return article;
  const ids = { bodyHtml: store.put(article.bodyHtml), text: store.put(article.text) };
  const captures = article.captures.map((c): Capture => {
    if (STORE in c) return c;
    const bodyHtml = c.bodyHtml === article.bodyHtml ? ids.bodyHtml : store.put(c.bodyHtml);
    const text = c.text === article.text ? ids.text : store.put(c.text);
    return offloaded(c, store, { bodyHtml, text });
  });
  return offloaded(withFields(article, { captures }), store, ids);
}

/**
 * An outcome whose texts are already in `store` (the parse cache copies them there as bytes): its
 * article's and captures' `bodyHtml` and `text` hold their ids, and come back behind the same getters
 * as `offloadTexts` gives. Takes a fresh object (parsed JSON), whose captures it replaces.
 */
export function adoptTexts(outcome: { article?: object; problems: unknown }, store: TextStore): ParseOutcome {
  const article = outcome.article as (Record<string, unknown> & { captures: Record<string, unknown>[] }) | undefined;
  if (article === undefined) return outcome as ParseOutcome;
  const idsOf = (o: Record<string, unknown>) => ({ bodyHtml: o.bodyHtml as number, text: o.text as number });
  article.captures = article.captures.map((c) => offloaded(c, store, idsOf(c)));
  return { ...outcome, article: offloaded(article, store, idsOf(article)) } as unknown as ParseOutcome;
}

/**
 * A copy of `source` whose `ids` properties read from `store` (fresh, so V8 gives it a fast layout):
 * its other properties copied in their order (copyProperty: plain fields assigned), each id'd one
 * turned into the shared getter in its place, then the ids and the store as hidden symbols.
 */
function offloaded<T extends object>(source: T, store: TextStore, ids: Partial<Record<Offloadable, number>>): T {
  const out = {};
  const keys = Reflect.ownKeys(source);
  for (const key of keys) {
    if (typeof key !== 'string') continue;
    if (Object.hasOwn(ids, key)) Object.defineProperty(out, key, GETTERS[key as Offloadable]);
    else copyProperty(source, out, key);
  }
  for (const key of Object.keys(ids) as Offloadable[]) if (!Object.hasOwn(source, key)) Object.defineProperty(out, key, GETTERS[key]);
  for (const key of keys) if (typeof key === 'symbol' && key !== STORE && key !== IDS.bodyHtml && key !== IDS.text) copyProperty(source, out, key);
  for (const key of Object.keys(ids) as Offloadable[]) Object.defineProperty(out, IDS[key], { value: ids[key] });
  Object.defineProperty(out, STORE, { value: store });
  return out as T;
}

/** `article.text.slice(0, chars)`, reading no more of an offloaded text than that. */
export function textHead(article: { readonly text: string }, chars: number): string {
  const stored = storedText(article);
  return stored ? stored.store.head(stored.id, chars) : article.text.slice(0, chars);
}

/** `article.text.length`, without reading an offloaded text. */
export function textLength(article: { readonly text: string }): number {
  const stored = storedText(article);
  return stored ? stored.store.length(stored.id) : article.text.length;
}

/** Where an offloaded object's `text` is: its store and id; undefined when it holds the text itself. */
function storedText(article: object): { store: TextStore; id: number } | undefined {
  const holder = article as Record<symbol, unknown>;
  return STORE in holder && IDS.text in holder ? { store: holder[STORE] as TextStore, id: holder[IDS.text] as number } : undefined;
}
