/**
 * The search terms (src/text/search-terms.ts): the fold the browser applies (codeFolder over the
 * shipped fold table) is foldHan's, code point for code point, and queries are cut the way the
 * index was.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FOLD_TABLE, foldChar } from '../src/text/fold-han.ts';
import { codeFolder, foldPairs, forEachTerm, queryParts } from '../src/text/search-terms.ts';

const fold = codeFolder(FOLD_TABLE);

test('codeFolder over the fold table equals foldChar for every code point of the BMP and a few beyond', () => {
  const shipped = codeFolder(foldPairs([...FOLD_TABLE].map(([a, b]) => a + b).join('')));
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c < 0xe000) continue;
    const expected = foldChar(String.fromCodePoint(c)).codePointAt(0);
    if (fold(c) !== expected || shipped(c) !== expected) assert.fail(`U+${c.toString(16)}: ${fold(c)} / ${shipped(c)} ≠ ${expected}`);
  }
  for (const c of [0x20000, 0x2a6d6, 0x1f600, 0x10400]) assert.equal(fold(c), foldChar(String.fromCodePoint(c)).codePointAt(0));
});

test('queries are cut into CJK runs (bigrams, or one character) and words, folded', () => {
  assert.deepEqual(queryParts('國安法', fold), [{ text: '国安法', terms: ['国安', '安法'], cjk: true }]);
  assert.deepEqual(queryParts('美', fold), [{ text: '美', terms: ['美'], cjk: true }]);
  assert.deepEqual(queryParts('新冠 COVID-19 ｔｉｋｔｏｋ', fold).map((p) => p.terms), [['新冠'], ['covid'], ['19'], ['tiktok']]);
  assert.deepEqual(queryParts('G20峰會', fold).map((p) => p.text), ['g20', '峰会']);
  assert.deepEqual(queryParts('  ，。 ', fold), []);
});

test('text gives every CJK character with its neighbour, and every word', () => {
  const cjk: string[] = [];
  const words: string[] = [];
  forEachTerm('臺灣選舉 (Taiwan 2024)', fold, (c, p) => cjk.push(p === -1 ? String.fromCodePoint(c) : String.fromCodePoint(p, c)), (w) => words.push(w));
  assert.deepEqual(cjk, ['台', '台湾', '湾选', '选举']);
  assert.deepEqual(words, ['taiwan', '2024']);
  const mixed: string[] = [];
  forEachTerm('COVID19 G20', fold, () => undefined, (w) => mixed.push(w));
  assert.deepEqual(mixed, ['covid19', 'covid', '19', 'g20', 'g', '20'], 'letter and digit runs too, so covid finds covid19');
  assert.deepEqual(queryParts('COVID19', fold).map((p) => p.terms), [['covid19']], 'a query keeps the word whole');
});
