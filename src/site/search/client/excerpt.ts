import type { CodeFolder, QueryPart } from '../../../text/search-terms.ts';

export interface Piece {
  readonly text: string;
  readonly mark: boolean;
}

/**
 * A window of `width` characters of `text` around the first place where a part of the query occurs
 * (folded on both sides, so 臺灣 is marked in a text found by 台湾; the text keeps its own script),
 * cut into plain and marked pieces. With `width` Infinity, the whole text (a title) with its marks.
 *
 *     excerpt('…兩岸關係與臺灣選舉…', queryParts('台湾', fold), fold, 60) // [{ text: '…兩岸關係與', mark: false }, { text: '臺灣', mark: true }, …]
 */
export function excerpt(text: string, parts: readonly QueryPart[], fold: CodeFolder, width: number): Piece[] {
  const chars = [...text];
  const folded = chars.map((c) => fold(c.codePointAt(0)!));
  const needles = parts.map((p) => [...p.text].map((c) => c.codePointAt(0)!)).filter((n) => n.length > 0);
  const marks = new Uint8Array(chars.length);
  let first = -1;
  for (let i = 0; i < folded.length; i++) {
    for (const needle of needles) {
      if (!matchesAt(folded, i, needle)) continue;
      if (first === -1) first = i;
      marks.fill(1, i, i + needle.length);
    }
  }
  let start = 0;
  let end = chars.length;
  if (Number.isFinite(width) && chars.length > width) {
    start = Math.max(0, Math.min(chars.length - width, first === -1 ? 0 : first - Math.floor(width / 3)));
    end = start + width;
  }
  const pieces: Piece[] = [];
  let run = '';
  let inMark = false;
  for (let i = start; i < end; i++) {
    const mark = marks[i] === 1;
    if (mark !== inMark && run !== '') (pieces.push({ text: run, mark: inMark }), (run = ''));
    inMark = mark;
    run += chars[i];
  }
  if (run !== '') pieces.push({ text: run, mark: inMark });
  if (start > 0) pieces.unshift({ text: '…', mark: false });
  if (end < chars.length) pieces.push({ text: '…', mark: false });
  return pieces;
}

function matchesAt(haystack: readonly number[], at: number, needle: readonly number[]): boolean {
  if (at + needle.length > haystack.length) return false;
  for (let j = 0; j < needle.length; j++) if (haystack[at + j] !== needle[j]) return false;
  return true;
}
