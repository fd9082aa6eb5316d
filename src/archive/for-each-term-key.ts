/**
 * The terms of a text for related-article matching, as cheap keys: a CJK bigram is its two code
 * points (`visit(first, second)`), a lone CJK character its code point, a Latin word the lowercase
 * string. Bigrams never span anything that is not CJK (punctuation, spaces, digits, Latin letters),
 * so "香港，国安法" gives 香港, 国安, 安法 but not 港国. Latin words need 2+ letters; numbers alone
 * ("2020", "11") and a few English function words are not terms: they say nothing about a story.
 * `extractTerms` gives the same terms as strings (for tests and for people).
 */
export function forEachTermKey(text: string, visit: (key: string | number, second?: number) => void): void {
  let previous = -1; // last code point of the current CJK run
  let runLength = 0;
  let wordStart = -1;
  let wordLetters = 0;
  let wordChars = 0;
  const endRun = (): void => {
    if (runLength === 1) visit(previous);
    previous = -1;
    runLength = 0;
  };
  const endWord = (at: number): void => {
    if (wordChars >= 2 && wordLetters > 0) {
      const word = text.slice(wordStart, at).toLowerCase();
      if (!STOP_WORDS.has(word)) visit(word);
    }
    wordStart = -1;
    wordChars = 0;
    wordLetters = 0;
  };
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const kind = classOf(code);
    if (kind === CJK) {
      endWord(i);
      if (previous >= 0) visit(previous, code);
      previous = code;
      runLength++;
    } else {
      endRun();
      if (kind === OTHER) endWord(i);
      else {
        if (wordStart < 0) wordStart = i;
        wordChars++;
        if (kind === LETTER) wordLetters++;
      }
    }
    i += width;
  }
  endRun();
  endWord(text.length);
}

/** The terms of `forEachTermKey` as strings: CJK bigrams (a lone CJK character as itself) and lowercase words. */
export function extractTerms(text: string): Set<string> {
  const terms = new Set<string>();
  forEachTermKey(text, (key, second) => {
    terms.add(typeof key === 'string' ? key : second === undefined ? String.fromCodePoint(key) : String.fromCodePoint(key, second));
  });
  return terms;
}

/** English function words: frequent in the few English passages, meaningless for matching. */
const STOP_WORDS = new Set(
  'the of and to in is for on with at by from as that it be are was this an or not but has have its their he she they we you will'.split(' '),
);

const OTHER = 0;
const CJK = 1;
const LETTER = 2;
const DIGIT = 3;
const CJK_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
const LETTER_CHAR = /^\p{L}$/u;
const DIGIT_CHAR = /^\p{N}$/u;
/** Class of every BMP code point, computed once from the Unicode properties above. */
let bmpClasses: Uint8Array | undefined;

function classOf(code: number): number {
  if (code > 0xffff) return slowClassOf(code);
  if (bmpClasses === undefined) {
    bmpClasses = new Uint8Array(0x10000);
    for (let c = 0; c <= 0xffff; c++) bmpClasses[c] = c >= 0xd800 && c <= 0xdfff ? OTHER : slowClassOf(c);
  }
  return bmpClasses[code]!;
}

function slowClassOf(code: number): number {
  const char = String.fromCodePoint(code);
  return CJK_CHAR.test(char) ? CJK : LETTER_CHAR.test(char) ? LETTER : DIGIT_CHAR.test(char) ? DIGIT : OTHER;
}
