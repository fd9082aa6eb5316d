import assert from 'node:assert/strict';
import { openSync } from 'node:fs';
import { readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import type { ParsedArticle } from '../src/article/article.ts';
import { offloadTexts, textHead, textLength } from '../src/archive/offload-texts.ts';
import { TextStore } from '../src/runtime/text-store.ts';
import { tempDirs } from './support/temp-dirs.ts';

const tempDir = tempDirs('text-store-');

test('gives back every string exactly, before and after it reaches the file, and leaves no file behind', async () => {
  const dir = await tempDir();
  const store = new TextStore(dir);
  const texts = ['', '台灣 and 台湾', 'lone \ud800 surrogate', 'x'.repeat(3_000_000), '新'.repeat(2_500_000), '<p>最后</p>'];
  const ids = texts.map((t) => store.put(t));
  texts.forEach((t, i) => assert.equal(store.get(ids[i]!), t, `text ${i}`));
  for (let i = 0; i < 2000; i++) assert.equal(store.get(store.put(`第${i}段`)), `第${i}段`);
  texts.forEach((t, i) => assert.equal(store.get(ids[i]!), t, `text ${i} again`));
  texts.forEach((t, i) => {
    assert.equal(store.length(ids[i]!), t.length, `length ${i}`);
    for (const chars of [0, 1, 7, 300, 5_000_000]) assert.equal(store.head(ids[i]!, chars), t.slice(0, chars), `head ${i} ${chars}`);
  });
  assert.deepEqual(await readdir(dir), []);
});

test('offloaded articles read the same, in JSON too, keep a fast layout, and a capture equal to its article shares its entry', async () => {
  const capture = { capturedAt: 1, title: 't', text: '正文', bodyHtml: '<p>正文</p>', sourcePath: 'a.md', contentHash: 'h' };
  const older = { ...capture, capturedAt: 0, text: '旧文', bodyHtml: '<p>旧文</p>' };
  const parsed = { id: 'a', title: 't', text: '正文', bodyHtml: '<p>正文</p>', topicText: '正文', captures: [capture, older] } as unknown as ParsedArticle;
  const before = JSON.stringify(parsed);
  const store = new TextStore(await tempDir());
  const once = offloadTexts({ article: parsed, problems: [] }, store);
  const article = offloadTexts(once, store).article!; // a second time: left as it is
  assert.equal(article, once.article);
  assert.equal(JSON.stringify(article), before);
  assert.equal(article.captures[1]!.bodyHtml, '<p>旧文</p>');
  assert.equal(Object.getOwnPropertyDescriptor(article, 'text')?.value, undefined, 'held by the store, not the object');
  assert.equal(Object.getOwnPropertyDescriptor(article.captures[0]!, 'bodyHtml')?.value, undefined);
  assert.equal(offloadTexts({ problems: [] }, store).article, undefined);
  assert.equal(textHead(article, 1), '正');
  assert.equal(textLength(article), 2);
  assert.equal(textHead(parsed, 1), '正', 'an article not offloaded is sliced as it is');
  assert.equal(textLength(parsed), 2);
});

test('reads served from cached blocks stay right when more is written after a read, and across block edges', async () => {
  const store = new TextStore(await tempDir());
  const texts: string[] = [];
  const ids: number[] = [];
  for (let i = 0; i < 30_000; i++) {
    const text = `${i}：${'香港'.repeat(i % 97)}`;
    texts.push(text);
    ids.push(store.put(text));
    if (i % 1000 === 999) assert.equal(store.get(ids[i - 500]!), texts[i - 500]); // read while the file still grows
  }
  for (let i = ids.length - 1; i >= 0; i -= 7) assert.equal(store.get(ids[i]!), texts[i], `backwards ${i}`);
  for (let i = 0; i < ids.length; i += 3) assert.equal(store.get(ids[i]!), texts[i], `forwards ${i}`);
});

test('texts already in a file as UTF-16 are adopted, not copied: read back exactly, even after the file is replaced', async () => {
  const dir = await tempDir();
  const texts = ['台灣 and 台湾', '', 'lone \ud800 surrogate', '新'.repeat(700_000), '<p>最后</p>'];
  const file = path.join(dir, 'records');
  const prefix = Buffer.from('head');
  await writeFile(file, Buffer.concat([prefix, ...texts.map((t) => Buffer.from(t, 'utf16le'))]));
  const store = new TextStore(path.join(dir, 'store'));
  const own = store.put('自己的');
  const source = store.attach(openSync(file, 'r'), prefix.length + texts.reduce((n, t) => n + t.length * 2, 0));
  let at = prefix.length;
  const ids = texts.map((t) => {
    const id = store.adopt(source, at, t.length * 2);
    at += t.length * 2;
    return id;
  });
  // Replaced by a rename, as the parse cache rewrites its store: the open descriptor keeps the old bytes.
  await writeFile(`${file}.new`, 'other');
  await rename(`${file}.new`, file);
  texts.forEach((t, i) => {
    assert.equal(store.get(ids[i]!), t, `text ${i}`);
    assert.equal(store.length(ids[i]!), t.length);
    for (const chars of [0, 1, 300, 1_000_000]) assert.equal(store.head(ids[i]!, chars), t.slice(0, chars));
  });
  assert.equal(store.get(own), '自己的');
  assert.throws(() => store.adopt(source, at, 2), /no text/);
});
