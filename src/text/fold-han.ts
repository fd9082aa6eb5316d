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
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
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
