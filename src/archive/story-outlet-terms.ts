import type { Article } from '../article/article.ts';
import { stable } from './related-terms.ts';
import { outletMembers } from './outlet-members.ts';

/**
 * What story detection needs to know of an outlet's boilerplate between builds (src/archive/story-cache.ts).
 * A term is boilerplate in an outlet of `n` ≥ 10 documents when at least stable(n) / 2 of them have
 * it (dropOutletBoilerplate): the one input of a story vector that the whole archive decides. Kept:
 * the exact count of every term in at least `h` of the outlet's documents when it was counted in full
 * (h ≈ a quarter of them; every term for a small outlet, h = 1), and `slack`, the documents added
 * since. A term not kept is in at most h − 1 + slack documents, so the boilerplate is known exactly
 * while that stays below the cut. For each kept term, `live` lists the outlet's documents (indexes)
 * that use it in their vector or would were it not boilerplate (storyVectors' `watch`), up to
 * LIVE_CAP + 1 of them: a term that crosses half of the outlet's documents changes no vector of the
 * documents before the first of them (a word like 今天 near half of one outlet's articles is too
 * common to be used by any).
 */
export interface OutletTerms {
  readonly n: number;
  readonly h: number;
  readonly slack: number;
  /** Count by term key (indexStoryTerms' `termKey`). */
  readonly terms: ReadonlyMap<string, number>;
  /** The documents that use a kept term (or would), ascending; absent when none; more than LIVE_CAP: many. */
  readonly live: ReadonlyMap<string, readonly number[]>;
}

/** Below this many documents an outlet keeps every term's count (h = 1). */
const SMALL_OUTLET = 20;
/** Documents using a kept term listed at most (one more means "many"). */
const LIVE_CAP = 16;

type Mutable = { n: number; h: number; slack: number; terms: Map<string, number>; live: Map<string, number[]> };

/**
 * The outlets' term counts of `docs` (all of findStories' documents, their terms indexed; marked
 * boilerplate `-id - 1` read as id), and the term ids whose use `liveRecorder` then needs.
 */
export function outletTerms(docs: readonly Readonly<Article>[], docStart: Int32Array, terms: Int32Array, termCount: number, termKey: (id: number) => string) {
  const byOutlet = outletMembers(docs);
  const counts = new Int32Array(termCount);
  const watched = new Uint8Array(termCount);
  const outlets = new Map<string, Mutable>();
  for (const [outlet, members] of byOutlet) {
    const n = members.length;
    const h = n < SMALL_OUTLET ? 1 : Math.max(1, Math.floor(stable(n) / 4));
    const kept = new Map<string, number>();
    for (const d of members) for (let k = docStart[d]!; k < docStart[d + 1]!; k++) counts[idOf(terms[k]!)]!++;
    for (const d of members) {
      for (let k = docStart[d]!; k < docStart[d + 1]!; k++) {
        const id = idOf(terms[k]!);
        if (counts[id]! >= h) {
          kept.set(termKey(id), counts[id]!);
          watched[id] = 1;
        }
        counts[id] = 0;
      }
    }
    outlets.set(outlet, { n, h, slack: 0, terms: kept, live: new Map() });
  }
  return { outlets, watched };
}

/**
 * `kept` with the documents from `from` of `docs` (the archive's tail from its document `start`, terms
 * indexed and not yet marked) added, and those documents' boilerplate terms marked (`-id - 1`), when
 * every outlet's boilerplate is known and changed for no term that a document before `changedFrom`
 * (a global index: the first document whose vector is found again) uses or would use; else undefined.
 * `live` keeps the documents before `cut` (from where the tail's vectors are exact): `liveRecorder` adds
 * the tail's. Also the tail's term ids to watch.
 */
export function updatedOutletTerms(kept: ReadonlyMap<string, OutletTerms>, docs: readonly Readonly<Article>[], docStart: Int32Array, terms: Int32Array, termCount: number, termKey: (id: number) => string, at: { readonly from: number; readonly start: number; readonly cut: number; readonly changedFrom: number }) {
  // Each term's key, made once.
  const keys: string[] = [];
  const keyOf = (id: number): string => (keys[id] ??= termKey(id));
  const next = new Map<string, Mutable>();
  for (const [outlet, { n, h, slack, terms: counts, live }] of kept) {
    const before = new Map<string, number[]>();
    for (const [term, list] of live) if (list[0]! < at.cut) before.set(term, list.filter((d) => d < at.cut));
    next.set(outlet, { n, h, slack, terms: new Map(counts), live: before });
  }
  for (let d = at.from; d < docs.length; d++) {
    const key = docs[d]!.outlet.key;
    let outlet = next.get(key);
    if (!outlet) next.set(key, (outlet = { n: 0, h: 1, slack: 0, terms: new Map(), live: new Map() }));
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
  const watchedKeys = new Set<string>();
  for (const [key, outlet] of next) {
    const before = kept.get(key);
    // A term not kept might now be boilerplate: not known.
    if (outlet.n >= 10 && outlet.h - 1 + outlet.slack >= stable(outlet.n) / 2) return undefined;
    const set = new Set<string>();
    for (const [term, count] of outlet.terms) {
      const now = isBoilerplate(outlet.n, count);
      if (now !== isBoilerplate(before?.n ?? 0, before?.terms.get(term) ?? 0)) {
        // Crossing half: fine when no document whose vector is kept uses the term (or would).
        const live = before?.live.get(term) ?? [];
        if (live.length > LIVE_CAP || live.some((d) => d < at.changedFrom)) return undefined;
      }
      if (now) set.add(term);
      watchedKeys.add(term);
    }
    boilerplate.set(key, set);
  }
  for (let d = 0; d < docs.length; d++) {
    const set = boilerplate.get(docs[d]!.outlet.key);
    if (set === undefined || set.size === 0) continue;
    for (let k = docStart[d]!; k < docStart[d + 1]!; k++) if (set.has(keyOf(terms[k]!))) terms[k] = -terms[k]! - 1;
  }
  const watched = new Uint8Array(termCount);
  for (let id = 0; id < termCount; id++) if (watchedKeys.has(keyOf(id))) watched[id] = 1;
  return { outlets: next as Map<string, OutletTerms>, watched };
}

/**
 * Records in `outlets` the uses of watched terms storyVectors reports (`onLive`, as document and term
 * id) over `docs`, the archive from its document `start`, for the documents from `from` (local) on;
 * `finish` adds them to the outlets' `live` lists. At most LIVE_CAP + 1 are held per outlet and term.
 */
export function liveRecorder(outlets: ReadonlyMap<string, OutletTerms>, docs: readonly Readonly<Article>[], termKey: (id: number) => string, start: number, from: number) {
  const found = new Map<string, Map<number, number[]>>();
  return {
    onLive(d: number, id: number): void {
      if (d < from) return;
      const outlet = docs[d]!.outlet.key;
      let byTerm = found.get(outlet);
      if (byTerm === undefined) found.set(outlet, (byTerm = new Map()));
      const list = byTerm.get(id);
      if (list === undefined) byTerm.set(id, [d + start]);
      else if (list.length <= LIVE_CAP) list.push(d + start);
    },
    finish(): void {
      for (const [key, byTerm] of found) {
        const outlet = outlets.get(key) as Mutable | undefined;
        if (outlet === undefined) continue;
        for (const [id, docs] of byTerm) {
          const term = termKey(id);
          if (!outlet.terms.has(term)) continue;
          const list = outlet.live.get(term) ?? [];
          outlet.live.set(term, [...list, ...docs].slice(0, LIVE_CAP + 1));
        }
      }
    },
  };
}

/** dropOutletBoilerplate's rule: in at least half of an outlet's documents (of ten or more). */
function isBoilerplate(n: number, count: number): boolean {
  return n >= 10 && count >= stable(n) / 2;
}

function idOf(term: number): number {
  return term < 0 ? -term - 1 : term;
}
