import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { forEachLine } from '../src/runtime/for-each-line.ts';

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function tempFile(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lines-'));
  dirs.push(dir);
  return path.join(dir, name);
}

async function linesOf(content: string, chunkBytes: number): Promise<string[]> {
  const file = await tempFile('f.ndjson');
  await writeFile(file, content);
  const lines: string[] = [];
  assert.equal(await forEachLine(file, (line) => (lines.push(line), true), chunkBytes), true);
  return lines;
}

test('reads every line whatever the chunk size: lines longer than a chunk, multi-byte characters cut by a chunk, no final newline', async () => {
  const content = `{"a":1}\n\n${'台灣'.repeat(40)}\nshort\n${'x'.repeat(100)}\nlast without newline`;
  const expected = content.split('\n').filter((line) => line !== '');
  for (const chunk of [1, 3, 7, 16, 1024]) assert.deepEqual(await linesOf(content, chunk), expected, `chunk ${chunk}`);
});

test('stops when told to, and a missing file has no lines', async () => {
  const file = await tempFile('f');
  await writeFile(file, 'one\ntwo\nthree\n');
  const seen: string[] = [];
  assert.equal(await forEachLine(file, (line) => (seen.push(line), line !== 'two'), 4), false);
  assert.deepEqual(seen, ['one', 'two']);
  assert.equal(await forEachLine(`${file}.missing`, () => assert.fail('no line expected')), true);
});
