import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldChar, foldHan, FOLD_TABLE } from '../src/text/fold-han.ts';

test('foldHan folds traditional to simplified, so either script matches the other', () => {
  assert.equal(foldHan('臺灣'), '台湾');
  assert.equal(foldHan('台灣'), '台湾');
  assert.equal(foldHan('習近平談國安法與選舉'), '习近平谈国安法与选举');
  assert.equal(foldHan('台湾'), '台湾'); // simplified stays as it is
});

test('foldHan keeps one code point for one code point, so offsets carry over to the original', () => {
  const text = '香港《國安法》生效，ＷＨＯ說𠮷野家 Trump İ';
  const folded = foldHan(text);
  assert.equal([...folded].length, [...text].length);
  assert.equal(folded.slice(0, 8), '香港《国安法》生');
  assert.match(folded, /who说/);
  assert.match(folded, / trump /);
  for (const [from, to] of FOLD_TABLE) assert.equal([...from].length + [...to].length, 2, `${from} → ${to}`);
  assert.equal(foldChar('İ'), 'İ'); // lowercases to two code points: left as it is
});
