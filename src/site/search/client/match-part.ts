import { nextBit, type QueryPart } from '../../../text/search-terms.ts';
import { readVarint } from '../search-format.ts';

/** A term's postings across segments, ids ascending. */
export interface Postings {
  readonly ids: number[];
  /** 8 = in the title, 0–7 = tf in the body. */
  readonly flags: number[];
  /** Bigrams only: per posting, the bits (nextBit) of the characters that follow it in the document. */
  readonly next: number[];
}

/** Appends the postings of one segment's bucket entry (search-format.ts) to `into`. */
export function decodePostings(bytes: Uint8Array, bigram: boolean, into: Postings): void {
  for (let at = 0, doc = -1; at < bytes.length; ) {
    let v: number;
    [v, at] = readVarint(bytes, at);
    doc += Math.floor(v / 16);
    into.ids.push(doc);
    into.flags.push(v % 16);
    if (bigram) into.next.push(bytes[at++]!);
  }
}

/**
 * The documents that hold a part of a query: every looked-up term, and for each bigram the
 * followers the part needs (共和 followed by 国, for 共和国). Returns id → flags: the lowest tf of
 * its terms, and the title bit only when all have it.
 *
 *     matchPart(queryParts('国安法', fold)[0], ['国安', '安法'], lists) // Map { 12 => 3, 40 => 9, … }
 */
export function matchPart(part: QueryPart, terms: readonly string[], lists: ReadonlyMap<string, Postings>): Map<number, number> {
  const needs = followers(part);
  const sorted = terms.map((t) => ({ list: lists.get(t)!, needs: needs.get(t) ?? 0 })).sort((a, b) => a.list.ids.length - b.list.ids.length);
  const out = new Map<number, number>();
  const [first, ...rest] = sorted;
  if (first === undefined) return out;
  const cursors = rest.map(() => 0);
  outer: for (let i = 0; i < first.list.ids.length; i++) {
    const id = first.list.ids[i]!;
    if (first.needs !== 0 && (first.list.next[i]! & first.needs) !== first.needs) continue;
    let tf = first.list.flags[i]! & 7;
    let title = first.list.flags[i]! & 8;
    for (let l = 0; l < rest.length; l++) {
      const { list, needs: need } = rest[l]!;
      let c = cursors[l]!;
      while (c < list.ids.length && list.ids[c]! < id) c++;
      cursors[l] = c;
      if (list.ids[c] !== id) continue outer;
      if (need !== 0 && (list.next[c]! & need) !== need) continue outer;
      tf = Math.min(tf, list.flags[c]! & 7);
      title &= list.flags[c]! & 8;
    }
    out.set(id, title | tf);
  }
  return out;
}

/** For each bigram of a CJK part, the bits of the characters that follow it in the part. */
function followers(part: QueryPart): Map<string, number> {
  const needs = new Map<string, number>();
  if (!part.cjk) return needs;
  const chars = [...part.text];
  for (let i = 0; i + 2 < chars.length; i++) {
    const bigram = chars[i]! + chars[i + 1]!;
    needs.set(bigram, (needs.get(bigram) ?? 0) | nextBit(chars[i + 2]!.codePointAt(0)!));
  }
  return needs;
}
