import type { Article } from '../article/article.ts';
import { stable } from './related-terms.ts';

/**
 * What story detection needs to know of an outlet's boilerplate between builds (src/archive/story-cache.ts).
 * A term is boilerplate in an outlet of `n` ≥ 10 documents when at least stable(n) / 2 of them have
 * it (dropOutletBoilerplate): the one input of a story vector that the whole archive decides. Kept:
 * the exact count of every term in at least `h` of the outlet's documents when it was counted in full
 * (h ≈ a quarter of them; every term for a small outlet, h = 1), and `slack`, the documents added
 * since. A term not kept is in at most h − 1 + slack documents, so the boilerplate is known exactly
 * while that stays below the cut.
 */
export interface OutletTerms {
  readonly n: number;
  readonly h: number;
  readonly slack: number;
  /** Count by term key (indexStoryTerms' `termKey`). */
  readonly terms: ReadonlyMap<string, number>;
}

/** Below this many documents an outlet keeps every term's count (h = 1). */
const SMALL_OUTLET = 20;

/** The outlets' term counts of `docs` (all of findStories' documents, their terms indexed; marked boilerplate `-id - 1` read as id). */
export function outletTerms(docs: readonly Readonly<Article>[], docStart: Int32Array, terms: Int32Array, termCount: number, termKey: (id: number) => string): Map<string, OutletTerms> {
  const byOutlet = new Map<string, number[]>();
  docs.forEach((doc, d) => {
    const list = byOutlet.get(doc.outlet.key);
    if (list) list.push(d);
    else byOutlet.set(doc.outlet.key, [d]);
  });
  const counts = new Int32Array(termCount);
  const outlets = new Map<string, OutletTerms>();
  for (const [outlet, members] of byOutlet) {
    const n = members.length;
    const h = n < SMALL_OUTLET ? 1 : Math.max(1, Math.floor(stable(n) / 4));
    const kept = new Map<string, number>();
    for (const d of members) for (let k = docStart[d]!; k < docStart[d + 1]!; k++) counts[idOf(terms[k]!)]!++;
    for (const d of members) {
      for (let k = docStart[d]!; k < docStart[d + 1]!; k++) {
        const id = idOf(terms[k]!);
        if (counts[id]! >= h) kept.set(termKey(id), counts[id]!);
        counts[id] = 0;
      }
    }
    outlets.set(outlet, { n, h, slack: 0, terms: kept });
  }
  return outlets;
}

/**
 * `kept` with the documents from `from` of `docs` (a tail of the archive, terms indexed and not yet
 * marked) added, and those documents' terms that are boilerplate marked (`-id - 1`), when every
 * outlet's boilerplate is known and the same as before; else undefined (nothing marked).
 */
export function updatedOutletTerms(kept: ReadonlyMap<string, OutletTerms>, docs: readonly Readonly<Article>[], docStart: Int32Array, terms: Int32Array, termKey: (id: number) => string, from: number): Map<string, OutletTerms> | undefined {
  // Each term's key, made once.
  const keys: string[] = [];
  const keyOf = (id: number): string => (keys[id] ??= termKey(id));
  const next = new Map<string, { n: number; h: number; slack: number; terms: Map<string, number> }>();
  for (const [outlet, { n, h, slack, terms: counts }] of kept) next.set(outlet, { n, h, slack, terms: new Map(counts) });
  for (let d = from; d < docs.length; d++) {
    const key = docs[d]!.outlet.key;
    let outlet = next.get(key);
    if (!outlet) next.set(key, (outlet = { n: 0, h: 1, slack: 0, terms: new Map() }));
    outlet.n++;
    // An outlet that keeps every term's count keeps the new ones too: nothing it does not keep.
    if (outlet.h > 1) outlet.slack++;
    for (let k = docStart[d]!; k < docStart[d + 1]!; k++) {
      const term = keyOf(terms[k]!);
      const count = outlet.terms.get(term);
      if (count !== undefined || outlet.h === 1) outlet.terms.set(term, (count ?? 0) + 1);
    }
  }
  const boilerplate = new Map<string, Set<string>>();
  for (const [key, outlet] of next) {
    const before = kept.get(key);
    // A term not kept might now be boilerplate: not known.
    if (outlet.n >= 10 && outlet.h - 1 + outlet.slack >= stable(outlet.n) / 2) return undefined;
    const set = new Set<string>();
    for (const [term, count] of outlet.terms) {
      const now = isBoilerplate(outlet.n, count);
      if (now !== isBoilerplate(before?.n ?? 0, before?.terms.get(term) ?? 0)) return undefined;
      if (now) set.add(term);
    }
    boilerplate.set(key, set);
  }
  for (let d = 0; d < docs.length; d++) {
    const set = boilerplate.get(docs[d]!.outlet.key);
    if (set === undefined || set.size === 0) continue;
    for (let k = docStart[d]!; k < docStart[d + 1]!; k++) if (set.has(keyOf(terms[k]!))) terms[k] = -terms[k]! - 1;
  }
  return next;
}

/** dropOutletBoilerplate's rule: in at least half of an outlet's documents (of ten or more). */
function isBoilerplate(n: number, count: number): boolean {
  return n >= 10 && count >= stable(n) / 2;
}

function idOf(term: number): number {
  return term < 0 ? -term - 1 : term;
}
