/**
 * The search index's segment digests kept between builds (src/site/search/segment-digests.ts): a
 * rebuild names unchanged segments without reading their texts, and writes the same index as a build
 * that reads them all; a changed document, a damaged or foreign file, or another scope (parser, config)
 * and the texts are read again.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { SearchDoc } from '../src/site/search/search-doc.ts';
import { SegmentDigests } from '../src/site/search/segment-digests.ts';
import { writeCheckedFile } from '../src/runtime/checked-file.ts';
import { writeSearchIndex } from '../src/site/search/write-search-index.ts';
import { tempDirs } from './support/temp-dirs.ts';

const tempDir = tempDirs('segment-digests-');

/** 200 documents (a sealed segment of 128 and a tail), counting every read of a text. */
function makeDocs(reads: { n: number }, edit?: { at: number; text: string; source: string }): SearchDoc[] {
  return Array.from({ length: 200 }, (_, i) => {
    const text = edit?.at === i ? edit.text : `第${i}篇的正文，关于台风和选举。word${i}`;
    return {
      title: `标题 ${i}`,
      url: `/articles/a${i}/`,
      outlet: i % 2 ? '法广 RFI' : '德国之声',
      topics: ['国际'],
      date: '2023年8月30日',
      day: `2023-08-${String(1 + (i % 28)).padStart(2, '0')}`,
      source: edit?.at === i ? edit.source : `hash-${i}`,
      get text() {
        reads.n++;
        return text;
      },
    };
  });
}

/** What a build's index is: its segment folders, facets files and chunks, and index.json. */
async function index(docs: readonly SearchDoc[], digests?: SegmentDigests): Promise<{ segments: readonly string[]; facets: readonly string[]; manifest: string }> {
  const out = await tempDir();
  const result = writeSearchIndex(out, docs, digests ? { digests } : {});
  return { segments: result.segments, facets: result.facets, manifest: readFileSync(join(out, 'search/index.json'), 'utf8') };
}

test('a rebuild with the kept digests reads no text of an unchanged segment and writes the same index', async () => {
  const file = join(await tempDir(), 'search-digests.json');
  const fresh = { n: 0 };
  const expected = await index(makeDocs(fresh));
  const first = SegmentDigests.open(file, 'scope-1');
  const firstReads = { n: 0 };
  assert.deepEqual(await index(makeDocs(firstReads), first), expected, 'no file yet: the digests are made from the texts');
  first.save();
  const again = { n: 0 };
  assert.deepEqual(await index(makeDocs(again), SegmentDigests.open(file, 'scope-1')), expected);
  // The segments' folders are written anew here (no previous output), which reads the texts; naming them read none.
  assert.ok(again.n < firstReads.n, `${again.n} reads with the kept digests, ${firstReads.n} without`);

  // A changed document (another source): its segment's digests are made again, from the texts.
  const edit = { at: 5, text: '改过的正文', source: 'hash-new' };
  const changed = await index(makeDocs({ n: 0 }, edit));
  const kept = SegmentDigests.open(file, 'scope-1');
  assert.deepEqual(await index(makeDocs({ n: 0 }, edit), kept), changed);
  assert.notDeepEqual(changed.segments, expected.segments);
});

test('a damaged, foreign or other-scope digests file is no cache: the index is made from the texts', async () => {
  const file = join(await tempDir(), 'search-digests.json');
  const expected = await index(makeDocs({ n: 0 }));
  const kept = SegmentDigests.open(file, 'scope-1');
  await index(makeDocs({ n: 0 }), kept);
  kept.save();
  const good = readFileSync(file, 'utf8');
  // Lies in the file (digests that do not match the texts) would show in the index if it were read.
  const lie = (text: string): string => text.replace(/"postings":"[0-9a-f]{6}/g, '"postings":"000000');
  const body = good.slice(good.indexOf('\n') + 1);
  for (const [what, write, scope] of [
    ['damaged (its sum no longer matches)', () => writeFileSync(file, lie(good)), 'scope-1'],
    ['foreign', () => writeFileSync(file, '{"version":99,"sum":"x"}\n{}'), 'scope-1'],
    ['whole, of another scope', () => writeCheckedFile(file, 1, () => [lie(body)]), 'scope-2'],
  ] as const) {
    write();
    assert.deepEqual(await index(makeDocs({ n: 0 }), SegmentDigests.open(file, scope)), expected, what);
  }
  // The same whole file in its own scope is trusted: which is why its key covers every field and the scope the parser.
  assert.notDeepEqual(await index(makeDocs({ n: 0 }), SegmentDigests.open(file, 'scope-1')), expected);
});
