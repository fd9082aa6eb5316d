import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseArticle } from '../src/article/parse-article.ts';
import { generateSeed, generateSeeds } from '../bench/generate-seeds.ts';

const options = { timeZone: 'Asia/Shanghai', outlets: [] };

test('the benchmark generator is deterministic: same seed, same files, same bytes', () => {
  const a = mkdtempSync(join(tmpdir(), 'bench-a-'));
  const b = mkdtempSync(join(tmpdir(), 'bench-b-'));
  try {
    const pathsA = generateSeeds(a, 20, { seed: 7 });
    const pathsB = generateSeeds(b, 20, { seed: 7 });
    assert.deepEqual(pathsA, pathsB);
    for (const rel of pathsA) assert.ok(readFileSync(join(a, rel)).equals(readFileSync(join(b, rel))), rel);
    const other = generateSeed(3, { seed: 8 });
    assert.notEqual(other.text, readFileSync(join(a, pathsA[3] ?? ''), 'utf8'), 'another seed gives other files');
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});

test('every generated seed parses with the real parser, without errors, as the outlet its URL names', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-parse-'));
  try {
    for (const rel of generateSeeds(dir, 20, { seed: 20230830 })) {
      const result = parseArticle(readFileSync(join(dir, rel)), rel, options);
      const errors = result.problems.filter((p) => p.severity === 'error');
      assert.deepEqual(errors, [], rel);
      assert.ok(result.article, rel);
      assert.equal(result.article.outlet.key, rel.split('/')[0], rel);
      assert.ok(result.article.text.length > 300, `${rel}: body text survives sanitizing`);
      assert.match(rel, /^(rfi|dw|voa|bbc|rfa)\/\d{13}-[0-9a-f]{8}\.md$/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a recapture repeats an earlier URL with a later timestamp', () => {
  let found = false;
  for (let i = 1; i < 400 && !found; i++) {
    const s = generateSeed(i, { seed: 1 });
    if (!s.recapture) continue;
    const earlier = Array.from({ length: i }, (_, j) => generateSeed(j, { seed: 1 })).filter((e) => e.url === s.url);
    assert.ok(earlier.length > 0, `file ${i} recaptures a URL seen before`);
    assert.ok(earlier.every((e) => e.capturedAt < s.capturedAt));
    found = true;
  }
  assert.ok(found, 'the first 400 files include a recapture');
});
