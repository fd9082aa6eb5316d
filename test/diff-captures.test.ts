import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Capture } from '../src/article/article.ts';
import { diffCaptures, diffText, tokenize, type DiffPart } from '../src/archive/diff-captures.ts';

function capture(overrides: Partial<Capture>): Capture {
  return {
    capturedAt: 1_600_000_000_000,
    title: '标题',
    text: '',
    bodyHtml: '',
    sourcePath: 'content/rfi/1600000000000-a.md',
    contentHash: 'a'.repeat(64),
    ...overrides,
  };
}

/** Rebuilds the older / newer text from the parts (only meaningful without gaps). */
function sides(parts: readonly DiffPart[]): { older: string; newer: string } {
  let older = '';
  let newer = '';
  for (const part of parts) {
    if (part.kind === 'gap') throw new Error('unexpected gap');
    if (part.kind !== 'added') older += part.text;
    if (part.kind !== 'removed') newer += part.text;
  }
  return { older, newer };
}

test('tokenize: one token per CJK character, whole Latin words, punctuation alone', () => {
  assert.deepEqual(tokenize('法国总统Macron说：COVID-19'), [
    '法', '国', '总', '统', 'Macron', '说', '：', 'COVID', '-', '19',
  ]);
  assert.deepEqual(tokenize('a b\nc'), ['a', ' ', 'b', '\n', 'c']);
});

test('a changed number in a Chinese sentence is reported as that number only', () => {
  const diff = diffText('法国新增确诊病例1200例，死亡10人。', '法国新增确诊病例1350例，死亡10人。');
  assert.equal(diff.changed, true);
  assert.deepEqual(diff.parts, [
    { kind: 'same', text: '法国新增确诊病例' },
    { kind: 'removed', text: '1200' },
    { kind: 'added', text: '1350' },
    { kind: 'same', text: '例，死亡10人。' },
  ]);
  assert.equal(diff.added, 4);
  assert.equal(diff.removed, 4);
});

test('Latin words are replaced whole, not letter by letter', () => {
  const diff = diffText('The president said yes', 'The minister said yes');
  assert.deepEqual(diff.parts, [
    { kind: 'same', text: 'The ' },
    { kind: 'removed', text: 'president' },
    { kind: 'added', text: 'minister' },
    { kind: 'same', text: ' said yes' },
  ]);
});

test('long unchanged runs collapse to a gap with ~40 characters of context on each side', () => {
  const before = '第一段'.repeat(50);
  const after = '第三段'.repeat(50);
  const older = `${before}\n原来的句子。\n${after}`;
  const diff = diffText(older, `${before}\n新的句子。\n${after}`);
  assert.deepEqual(diff.parts.map((part) => part.kind), ['gap', 'same', 'removed', 'added', 'same', 'gap']);
  const [gapBefore, contextBefore, removed, added, contextAfter, gapAfter] = diff.parts;
  assert.ok(gapBefore?.kind === 'gap' && gapAfter?.kind === 'gap');
  assert.ok(contextBefore?.kind === 'same' && contextAfter?.kind === 'same');
  assert.deepEqual([removed, added], [{ kind: 'removed', text: '原来' }, { kind: 'added', text: '新' }]);
  // Before the change: the ~40 characters that precede it (here the end of the previous paragraph).
  assert.ok(contextBefore.text.endsWith('第一段\n'));
  assert.ok(contextBefore.text.length >= 38 && contextBefore.text.length <= 42, contextBefore.text);
  // After the change: the rest of the changed paragraph only, not the next one.
  assert.equal(contextAfter.text, '的句子。');
  // Nothing is lost: gap + context add up to the unchanged runs.
  assert.equal(gapBefore.chars + contextBefore.text.length, before.length + 1);
  assert.equal(gapAfter.chars + contextAfter.text.length, '的句子。'.length + 1 + after.length);
});

test('context stops at a paragraph break instead of pulling in the neighbour paragraph', () => {
  const diff = diffText('短段落。\n' + '长'.repeat(100) + '旧', '短段落。\n' + '长'.repeat(100) + '新');
  const first = diff.parts[0];
  assert.equal(first?.kind, 'gap');
  const context = diff.parts[1];
  assert.ok(context?.kind === 'same');
  assert.ok(!context.text.includes('短'), 'context crossed into the previous paragraph');
});

test('short texts are kept whole and rebuild both versions exactly', () => {
  const older = '美国大选：拜登领先。\n特朗普拒绝认输。';
  const newer = '美国大选：拜登胜出。\n特朗普仍拒绝认输，称将起诉。';
  const diff = diffText(older, newer);
  assert.deepEqual(sides(diff.parts), { older, newer });
});

test('diffCaptures compares titles and texts, normalizing whitespace and blank lines', () => {
  const older = capture({ title: '标题 旧', text: '第一段。\n\n\n第二段。  有空格\u200b', capturedAt: 1 });
  const newer = capture({ title: '标题 新', text: '第一段。\n第二段。 有空格', capturedAt: 2 });
  const diff = diffCaptures(older, newer);
  assert.equal(diff.text.changed, false);
  assert.equal(diff.title.changed, true);
  assert.equal(diff.identical, false);
  assert.equal(diff.title.older, '标题 旧');
  assert.equal(diff.title.newer, '标题 新');
  assert.equal(diff.olderCapturedAt, 1);
  assert.equal(diff.newerCapturedAt, 2);
  assert.deepEqual(diff.title.parts, [
    { kind: 'same', text: '标题 ' },
    { kind: 'removed', text: '旧' },
    { kind: 'added', text: '新' },
  ]);
});

test('identical captures report no change and no visible text', () => {
  const one = capture({ text: '同样的内容。'.repeat(30) });
  const diff = diffCaptures(one, { ...one, capturedAt: one.capturedAt + 1 });
  assert.equal(diff.identical, true);
  assert.equal(diff.text.added + diff.text.removed, 0);
  assert.deepEqual(diff.text.parts.map((part) => part.kind), ['gap']);
});

test('completely rewritten long texts still give a bounded, correct answer', () => {
  const older = Array.from({ length: 200 }, (_, i) => `旧段落${i}：${'甲乙丙丁'.repeat(20)}`).join('\n');
  const newer = Array.from({ length: 200 }, (_, i) => `新段落${i}：${'戊己庚辛'.repeat(20)}`).join('\n');
  const started = performance.now();
  const diff = diffText(older, newer, { maxEditLength: 500 });
  const ms = performance.now() - started;
  assert.equal(diff.changed, true);
  assert.deepEqual(sides(diff.parts), { older, newer });
  console.log(`# rewritten 17k-char text diffed in ${ms.toFixed(1)} ms`);
});

test('short common fragments inside a rewritten sentence fold into one readable replacement', () => {
  const diff = diffText(
    '内地公民记者张展一案，上海浦東新區法院在周一上午開庭，中午前即宣判張展罪成，判囚4年。',
    '内地公民记者张展年初到武汉报道新冠病毒情况，被指发布虚假信息，涉寻衅滋事罪，案件早上在上海审理。',
  );
  assert.deepEqual(diff.parts.map((part) => part.kind), ['same', 'removed', 'added', 'same']);
  assert.deepEqual(diff.parts[0], { kind: 'same', text: '内地公民记者张展' });
  assert.deepEqual(diff.parts.at(-1), { kind: 'same', text: '。' });
});
