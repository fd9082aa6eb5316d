import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Capture } from '../src/article/article.ts';
import { CaptureDiffs } from '../src/archive/cached-capture-diffs.ts';
import { diffCaptures } from '../src/archive/diff-captures.ts';
import { tempDirs } from './support/temp-dirs.ts';

const tempDir = tempDirs('clippings-capture-diffs-');

function capture(capturedAt: number, title: string, text: string): Capture {
  return { capturedAt, title, text, bodyHtml: `<p>${text}</p>`, sourcePath: `content/rfi/${capturedAt}-a.md`, contentHash: String(capturedAt).padStart(64, '0') };
}

const older = capture(1_600_000_000_000, '香港立法会选举延后', '特首林郑月娥宣布，立法会选举延后一年。\n理由是疫情。');
const newer = capture(1_600_000_900_000, '香港立法会选举延后一年', '特首林郑月娥周五宣布，立法会选举延后一年。\n理由是新冠疫情。');
const third = capture(1_600_001_800_000, '香港立法会选举延后一年', '特首林郑月娥周五宣布，立法会选举延后一年。\n反对派批评。');

test('diffs read back from the file are the diffs computed fresh; another pair is diffed', async () => {
  const file = path.join(await tempDir(), 'capture-diffs.json');
  const first = CaptureDiffs.open(file);
  assert.deepEqual(first.diff(older, newer), diffCaptures(older, newer));
  first.save();
  const second = CaptureDiffs.open(file);
  assert.deepEqual(second.diff(older, newer), diffCaptures(older, newer));
  assert.deepEqual(second.diff(newer, third), diffCaptures(newer, third));
});

test('a kept diff is used only for the same times, titles and texts; a damaged file is diffed over', async () => {
  const file = path.join(await tempDir(), 'capture-diffs.json');
  const kept = CaptureDiffs.open(file);
  kept.diff(older, newer);
  kept.save();
  // The kept diff forged (checksum made good): read back for the same pair, never for an edited one.
  const [header, body] = readFileSync(file, 'utf8').split('\n') as [string, string];
  const forged = body.replace('"identical":false', '"identical":true');
  assert.notEqual(forged, body);
  const sign = (text: string) => `${JSON.stringify({ ...(JSON.parse(header) as object), sum: createHash('sha1').update(text).digest('hex') })}\n${text}`;
  writeFileSync(file, sign(forged));
  assert.equal(CaptureDiffs.open(file).diff(older, newer).identical, true, 'the kept diff was read');
  const edited = { ...newer, text: `${newer.text}补充。` };
  assert.deepEqual(CaptureDiffs.open(file).diff(older, edited), diffCaptures(older, edited));
  writeFileSync(file, `${header}\n${forged}`); // the old checksum: damaged
  assert.deepEqual(CaptureDiffs.open(file).diff(older, newer), diffCaptures(older, newer));
  writeFileSync(file, 'not json');
  assert.deepEqual(CaptureDiffs.open(file).diff(older, newer), diffCaptures(older, newer));
});
