/**
 * Seed hashes kept between builds (src/archive/seed-hashes.ts): a few changes go into the small
 * changes file and the file itself is left as it is; many rewrite it; a changes file that is damaged or
 * made for another version of the file is not read (those seeds are read and hashed again).
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { SeedFile } from '../src/archive/list-seed-files.ts';
import { SeedHashes } from '../src/archive/seed-hashes.ts';
import { tempDirs } from './support/temp-dirs.ts';

const tempDir = tempDirs('seed-hashes-');
const NOW = Date.UTC(2024, 0, 10);
const OLD = NOW - 86_400_000;

function seed(i: number, version = 0): SeedFile {
  return { path: `rfi/${i}.md`, absolutePath: `/x/rfi/${i}.md`, size: 1000 + i, mtimeMs: OLD + version, ctimeMs: OLD + version, ino: 100 + i };
}
const hash = (i: number, version = 0): string => `h${i}v${version}`;

function load(file: string, seeds: readonly [SeedFile, string][]): SeedHashes {
  const kept = SeedHashes.open(file, NOW);
  for (const [s, h] of seeds) kept.found(s, h);
  kept.save();
  return kept;
}

test('a few changes go into the changes file, the file stays; a later load sees them; many rewrite the file', async () => {
  const file = path.join(await tempDir(), 'seed-hashes.json');
  const all = Array.from({ length: 40 }, (_, i): [SeedFile, string] => [seed(i), hash(i)]);
  load(file, all);
  const whole = readFileSync(file);
  const written = statSync(file).mtimeMs;

  // One seed edited, one added, one gone.
  const edited: [SeedFile, string][] = [...all.slice(1).map((e, i) => (i === 4 ? ([seed(5, 1), hash(5, 1)] as [SeedFile, string]) : e)), [seed(40), hash(40)]];
  load(file, edited);
  assert.deepEqual(readFileSync(file), whole, 'the file is left as it was');
  assert.equal(statSync(file).mtimeMs, written);
  const reopened = SeedHashes.open(file, NOW);
  assert.equal(reopened.hashOf(seed(5, 1)), hash(5, 1), 'the edit is seen');
  assert.equal(reopened.hashOf(seed(5)), undefined, 'the old metadata no longer match');
  assert.equal(reopened.hashOf(seed(40)), hash(40), 'the added seed is kept');
  assert.equal(reopened.hashOf(seed(0)), undefined, 'the removed seed is gone');
  assert.equal(reopened.hashOf(seed(7)), hash(7));

  // Nothing changed: nothing written.
  const changes = `${file}.changes`;
  const changesWritten = statSync(changes).mtimeMs;
  load(file, edited);
  assert.equal(statSync(changes).mtimeMs, changesWritten);

  // Many changes (over a quarter of the entries): the file is written anew, the changes file removed.
  const many = edited.map(([s], i): [SeedFile, string] => (i < 15 ? [{ ...s, ino: s.ino + 1000 }, `x${i}`] : [s, hash(Number(s.path.match(/\d+/)![0]), s.mtimeMs - OLD)]));
  load(file, many);
  assert.notDeepEqual(readFileSync(file), whole);
  assert.throws(() => statSync(changes), /ENOENT/);
  assert.equal(SeedHashes.open(file, NOW).hashOf(many[3]![0]), 'x3');
});

test('a damaged changes file, or one made for another version of the file, is not read: its seeds are hashed again', async () => {
  const file = path.join(await tempDir(), 'seed-hashes.json');
  const all = Array.from({ length: 40 }, (_, i): [SeedFile, string] => [seed(i), hash(i)]);
  load(file, all);
  load(file, all.map((e, i) => (i === 5 ? ([seed(5, 1), hash(5, 1)] as [SeedFile, string]) : e)));
  const changes = `${file}.changes`;
  const good = readFileSync(changes, 'utf8');
  writeFileSync(changes, good.replace('h5v1', 'h5v9'));
  let reopened = SeedHashes.open(file, NOW);
  assert.equal(reopened.hashOf(seed(5, 1)), undefined, 'damaged: the edited seed is read again');
  assert.equal(reopened.hashOf(seed(6)), hash(6), 'the file itself is still used');

  // The same changes over another version of the file (rewritten since, by another build).
  writeFileSync(changes, good);
  const other = Array.from({ length: 40 }, (_, i): [SeedFile, string] => [seed(i), `other${i}`]);
  const otherFile = path.join(await tempDir(), 'seed-hashes.json');
  load(otherFile, other);
  writeFileSync(file, readFileSync(otherFile));
  reopened = SeedHashes.open(file, NOW);
  assert.equal(reopened.hashOf(seed(5, 1)), undefined, 'changes made for another file are not applied');
  assert.equal(reopened.hashOf(seed(6)), 'other6');
});
