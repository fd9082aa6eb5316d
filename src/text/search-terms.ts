/**
 * The terms of the search index, and of a query: one function for both sides, so what a reader
 * types is cut exactly as the index was. Text is folded as foldHan folds it (繁→简, full-width →
 * ASCII, lowercase; `codeFolder` turns the same table into a per-code-point function that the
 * build and the browser share), then split into runs:
 *
 * - a run of CJK characters (Han, kana, Hangul) gives each character (a unigram, for one-character
 *   queries) and each pair of neighbours (a bigram): 國安法 → 国 安 法 国安 安法;
 * - a run of other letters and digits gives one word: COVID-19 → covid 19.
 *
 * No dictionary, no segmenter: a query of n CJK characters is found through its n−1 bigrams, which
 * every text containing it also holds, so recall does not depend on how anything was segmented.
 *
 * The search page's script imports this module (bundled by esbuild), so it imports nothing.
 */

/** Folds one code point; `codeFolder(FOLD_TABLE)(c)` equals `foldChar(c)` for every code point. */
export type CodeFolder = (code: number) => number;

/** Longer words are cut: nobody searches for them, and one in a URL-like run would bloat the index. */
export const MAX_WORD = 24;

/** One run of a query: its terms must all be in a document for it to match (an AND). */
export interface QueryPart {
  /** The run as folded, e.g. `国安法` or `covid`. */
  readonly text: string;
  /** `['国安', '安法']`, `['国']` for a single character, `['covid']` for a word. */
  readonly terms: readonly string[];
  readonly cjk: boolean;
}

/**
 * The fold of foldHan as a function on code points, from its character table (FOLD_TABLE in Node,
 * the `fold-*.txt` pairs in the browser): table entries, then full-width ASCII → ASCII, then
 * lowercase when that stays one code point. Code points below U+10000 are looked up in a table
 * built once.
 */
export function codeFolder(table: Iterable<readonly [string, string]>): CodeFolder {
  const map = new Map<number, number>();
  for (const [from, to] of table) map.set(from.codePointAt(0)!, to.codePointAt(0)!);
  const slow = (code: number): number => {
    const mapped = map.get(code);
    if (mapped !== undefined) return mapped;
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCodePoint(code - 0xfee0).toLowerCase().codePointAt(0)!;
    if (code < 0x80) return code >= 65 && code <= 90 ? code + 32 : code;
    const ch = String.fromCodePoint(code);
    const lower = ch.toLowerCase();
    return [...lower].length === 1 ? lower.codePointAt(0)! : code;
  };
  const bmp = new Uint32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) bmp[c] = slow(c);
  return (code) => (code < 0x10000 ? bmp[code]! : slow(code));
}

/** Pairs "臺台灣湾…" (the fold table file) as entries for codeFolder. */
export function foldPairs(data: string): [string, string][] {
  const chars = [...data];
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < chars.length; i += 2) pairs.push([chars[i]!, chars[i + 1]!]);
  return pairs;
}

/**
 * Calls `onCjk(code, previous)` for every CJK character (its folded code point, and the folded one
 * before it in the same run or −1) and `onWord(word)` for every word, of `text` folded by `fold`.
 * A word mixing letters and digits is also given as its letter and digit runs (covid19 → covid19,
 * covid, 19), so that a query for covid finds it; `whole` gives only the word (for queries).
 */
export function forEachTerm(text: string, fold: CodeFolder, onCjk: (code: number, previous: number) => void, onTerm: (word: string) => void, whole = false): void {
  let previous = -1;
  let word = '';
  const onWord = whole
    ? onTerm
    : (w: string): void => {
        onTerm(w);
        const runs = /\p{N}/u.test(w) && /[^\p{N}]/u.test(w) ? w.match(/\p{N}+|[^\p{N}]+/gu) : null;
        if (runs !== null) for (const run of runs) onTerm(run);
      };
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) (code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000), i++;
    }
    code = fold(code);
    const kind = classOf(code);
    if (kind === CJK) {
      if (word !== '') (onWord(word.slice(0, MAX_WORD)), (word = ''));
      onCjk(code, previous);
      previous = code;
    } else if (kind === WORD) {
      previous = -1;
      word += String.fromCodePoint(code);
    } else {
      previous = -1;
      if (word !== '') (onWord(word.slice(0, MAX_WORD)), (word = ''));
    }
  }
  if (word !== '') onWord(word.slice(0, MAX_WORD));
}

/**
 * Cuts a query into parts, each with the terms the index must hold for it:
 *
 *     queryParts('新冠病毒 COVID', fold) // [{ text: '新冠病毒', terms: ['新冠', '冠病', '病毒'], cjk: true }, { text: 'covid', terms: ['covid'], cjk: false }]
 */
export function queryParts(query: string, fold: CodeFolder): QueryPart[] {
  const parts: QueryPart[] = [];
  let run: string[] = [];
  const endRun = (): void => {
    if (run.length === 0) return;
    const terms = run.length === 1 ? run : run.slice(1).map((c, i) => run[i]! + c);
    parts.push({ text: run.join(''), terms: [...new Set(terms)], cjk: true });
    run = [];
  };
  forEachTerm(
    query,
    fold,
    (code, previous) => {
      if (previous === -1) endRun();
      run.push(String.fromCodePoint(code));
    },
    (word) => {
      endRun();
      parts.push({ text: word, terms: [word], cjk: false });
    },
    true,
  );
  endRun();
  const seen = new Set<string>();
  return parts.filter((p) => !seen.has(p.text) && seen.add(p.text));
}

/**
 * One of 8 bits for a character: the index stores, with each bigram's posting, the bits of the
 * characters that follow it in the document, so a query 共和国 can tell a text with 共和国 from one
 * with only 共和党 and 和国际 (7 times in 8), without positions.
 */
export function nextBit(code: number): number {
  return 1 << (Math.imul(code, 0x9e3779b1) >>> 29);
}

const OTHER = 0;
const WORD = 1;
const CJK = 2;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}々〆ー]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
let bmpClasses: Uint8Array | undefined;

function classOf(code: number): number {
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) ? WORD : OTHER;
  if (code < 0x10000) {
    bmpClasses ??= classTable();
    return bmpClasses[code]!;
  }
  return slowClass(code);
}

function classTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let c = 0x80; c < 0x10000; c++) if (c < 0xd800 || c >= 0xe000) table[c] = slowClass(c);
  return table;
}

function slowClass(code: number): number {
  const ch = String.fromCodePoint(code);
  return CJK_CHAR.test(ch) ? CJK : WORD_CHAR.test(ch) ? WORD : OTHER;
}
