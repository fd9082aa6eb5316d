import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';

/**
 * Traditional → simplified, one code point for one code point, from OpenCC's own character tables
 * (opencc-js): Taiwan and Hong Kong variants to OpenCC's standard form (TWVariantsRev, HKVariantsRev),
 * then traditional to simplified (TSCharacters, first candidate). Phrase tables are left out on
 * purpose: folding must keep every code point where it was, so a match found in folded text is at
 * the same offsets in the original (highlights, excerpts), and the browser can fold a query with
 * this table alone (FOLD_TABLE, ~4,000 pairs) instead of loading OpenCC's phrase dictionaries.
 */
export const FOLD_TABLE: ReadonlyMap<string, string> = buildTable();

/**
 * Folds text for matching: 繁 → 简 (FOLD_TABLE), full-width ASCII → ASCII, Latin lowercased. Length-
 * preserving in code points, so offsets in the result are offsets in the input. 臺灣 → 台湾, 習近平 →
 * 习近平, ＡＢＣ → abc.
 *
 *     foldHan('國安法與台灣') // '国安法与台湾'
 */
export function foldHan(text: string): string {
  // Fast path: one table lookup per UTF-16 unit of the Basic Multilingual Plane (built once from
  // foldChar); the rare text with a surrogate pair or a character that folds outside the BMP takes
  // the code-point path. Same result either way.
  const table = bmpTable ?? (bmpTable = buildBmpTable());
  if (!LITTLE_ENDIAN) return foldByCodePoint(text);
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const folded = table[text.charCodeAt(i)]!;
    if (folded === SLOW) return foldByCodePoint(text);
    units[i] = folded;
  }
  return UTF16.decode(units);
}

function foldByCodePoint(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/** Marks a unit the table cannot fold (a surrogate, or a character folding outside the BMP). */
const SLOW = 0xd800;
const UTF16 = new TextDecoder('utf-16le');
/** Uint16Array holds units in the machine's byte order; the decoder reads little-endian. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
let bmpTable: Uint16Array | undefined;

function buildBmpTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const folded = c >= 0xd800 && c <= 0xdfff ? '' : foldChar(String.fromCharCode(c));
    table[c] = folded.length === 1 && (folded.charCodeAt(0) < 0xd800 || folded.charCodeAt(0) > 0xdfff) ? folded.charCodeAt(0) : SLOW;
  }
  return table;
}

/** One code point folded (see foldHan); always one code point. */
export function foldChar(ch: string): string {
  const mapped = FOLD_TABLE.get(ch);
  if (mapped !== undefined) return mapped;
  const code = ch.codePointAt(0)!;
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCodePoint(code - 0xfee0).toLowerCase();
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  const lower = ch.toLowerCase();
  return [...lower].length === 1 ? lower : ch;
}

function buildTable(): Map<string, string> {
  const ts = pairs(TSCharacters);
  const variants = new Map([...pairs(TWVariantsRev), ...pairs(HKVariantsRev)]);
  const table = new Map<string, string>();
  const add = (from: string): void => {
    const standard = variants.get(from) ?? from;
    const simplified = ts.get(standard) ?? ts.get(from) ?? standard;
    if (simplified !== from && [...simplified].length === 1 && [...from].length === 1) table.set(from, simplified);
  };
  for (const from of ts.keys()) add(from);
  for (const from of variants.keys()) add(from);
  return table;
}

/** OpenCC's packed dictionary: "from to1 to2|from to|…"; the first candidate is the usual one. */
function pairs(packed: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of packed.split('|')) {
    const [from, to] = entry.split(' ');
    if (from && to && !map.has(from)) map.set(from, to);
  }
  return map;
}
