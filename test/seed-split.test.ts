import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { splitSeed } from '../src/seed/split-seed.ts';
import { formatProblem } from '../src/seed/seed-problem.ts';

const NOW = Date.UTC(2024, 0, 1);
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const seed = (line1: string, line2 = '[标题](https://www.rfi.fr/cn/中国/x)', line3 = '------', body = '<p>正文</p>'): string =>
  `${line1}\n${line2}\n${line3}\n\n${body}`;
const errorsOf = (s: string | Uint8Array): string[] =>
  splitSeed(typeof s === 'string' ? enc(s) : s, 'content/x.md', NOW).problems.filter((p) => p.severity === 'error').map(formatProblem);

function rejects(input: string | Uint8Array, line: number, pattern: RegExp): void {
  const errors = errorsOf(input);
  assert.equal(errors.length, 1, `expected one error, got ${JSON.stringify(errors)}`);
  assert.ok(errors[0]!.startsWith(`content/x.md:${line}: `), errors[0]);
  assert.match(errors[0]!, pattern);
}

test('the shipped seed splits into its parts', () => {
  const r = splitSeed(readFileSync('content/000_08cb497c288dbfaf.txt'), 'content/000_08cb497c288dbfaf.txt', NOW);
  assert.deepEqual(r.problems, []);
  assert.equal(r.parts?.publishedAt, 1693421125000);
  assert.equal(r.parts?.title, '白宫：俄罗斯和朝鲜正积极推进达成武器协议的谈判');
  assert.match(r.parts!.url, /^https:\/\/www\.rfi\.fr\/cn\/%E5%9B%BD%E9%99%85\//);
  assert.equal(r.parts?.bodyLine, 5);
  assert.ok(r.parts?.body.startsWith('<div>30/08/2023 - 20:34</div>'));
});

test('rejects: empty file, blank file, invalid UTF-8 with its byte offset', () => {
  rejects('', 1, /file is empty/);
  rejects('  \n\n', 1, /no content/);
  const bad = new Uint8Array([...enc('<!--1693421125000-->\n[标'), 0xe6, 0x41, ...enc(']')]);
  rejects(bad, 2, /invalid UTF-8 at byte offset 25 \(byte 0xe6\)/);
});

test('rejects: missing, non-numeric, negative and out-of-range timestamps, naming the bounds', () => {
  rejects(seed('[标题](https://x.org/a)'), 1, /expected a timestamp comment like <!--1693421125000-->, found "\[标题\]\(https:/);
  rejects(seed('<!--soon-->'), 1, /"soon" is not a whole number/);
  rejects(seed('<!---5-->'), 1, /-5 is negative/);
  rejects(seed('<!--1000-->'), 1, /out of range: expected Unix milliseconds between 1990-01-01 and one day from now/);
  rejects(seed(`<!--${NOW + 2 * 86_400_000}-->`), 1, /out of range/);
  rejects(seed('<!--99999999999999999999-->'), 1, /out of range/);
});

test('rejects: no title link, empty title, a title broken over two lines', () => {
  rejects(seed('<!--1693421125000-->', '标题 https://x.org/a'), 2, /expected a title link like \[标题\]\(https:\/\/…\) on line 2/);
  rejects(seed('<!--1693421125000-->', '[](https://x.org/a)'), 2, /title is empty/);
  rejects(seed('<!--1693421125000-->', '[  &nbsp; ](https://x.org/a)'), 2, /title is empty/);
  rejects('<!--1693421125000-->\n[标题第一行\n第二行](https://x.org/a)\n------\n\n<p>x</p>', 2, /continues on line 3; a title must stay on one line/);
});

test('rejects URLs that are relative, not http(s), unparseable, or have dot segments', () => {
  const url = (u: string): string => seed('<!--1693421125000-->', `[t](${u})`);
  rejects(url('/cn/x'), 2, /is not absolute/);
  rejects(url('www.rfi.fr/cn/x'), 2, /is not absolute/);
  rejects(url('javascript:alert(1)'), 2, /javascript: scheme/);
  rejects(url(' JavaScript:alert(1)'), 2, /javascript: scheme/);
  rejects(url('file:///etc/passwd'), 2, /file: scheme/);
  rejects(url('ftp://x.org/a'), 2, /ftp: scheme/);
  rejects(url('https://exa mple.com/a'), 2, /cannot be parsed/);
  rejects(url('https://x.org/a/../b'), 2, /"\.\." path segment/);
  rejects(url('https://x.org/a/%2E%2e/b'), 2, /"\.\." path segment/);
  rejects(url('https://x.org/./b'), 2, /"\." path segment/);
  rejects(url(''), 2, /URL is empty/);
});

test('rejects a missing separator and an empty body', () => {
  rejects(seed('<!--1693421125000-->', '[t](https://x.org/a)', '<p>body</p>'), 3, /expected the separator line "------" on line 3, found "<p>body<\/p>"/);
  rejects('<!--1693421125000-->\n[t](https://x.org/a)\n------\n\n   \n\t\n', 4, /body is empty/);
  rejects('<!--1693421125000-->\n[t](https://x.org/a)\n------', 4, /body is empty/);
});

test('accepts BOM, CRLF, spaces in the comment, and a non-empty line 4', () => {
  const r = splitSeed(enc('\ufeff<!-- 1693421125000 -->\r\n[t](https://x.org/a)\r\n------\r\n\r\n<p>a</p>\r\n<p>b</p>'), 'x', NOW);
  assert.deepEqual(r.problems, []);
  assert.equal(r.parts?.publishedAt, 1693421125000);
  assert.equal(r.parts?.body, '<p>a</p>\n<p>b</p>');
  const line4 = splitSeed(enc('<!--1693421125000-->\n[t](https://x.org/a)\n------\n<p>starts early</p>'), 'x', NOW);
  assert.equal(line4.parts?.body, '<p>starts early</p>');
  assert.equal(line4.parts?.bodyLine, 4);
});

test('accepts a 10-digit timestamp in seconds, with a warning', () => {
  const r = splitSeed(enc(seed('<!--1693421125-->')), 'content/x.md', NOW);
  assert.equal(r.parts?.publishedAt, 1693421125000);
  assert.equal(r.parts?.timestampWasSeconds, true);
  assert.match(formatProblem(r.problems[0]!), /^content\/x\.md:1: warning: timestamp 1693421125 looks like seconds/);
});

test('drops NUL bytes with a warning and keeps the text after them', () => {
  const r = splitSeed(enc(seed('<!--1693421125000-->', '[t](https://x.org/a)', '------', '<p>前\u0000后</p>')), 'x', NOW);
  assert.equal(r.parts?.body, '<p>前后</p>');
  assert.equal(r.problems[0]?.severity, 'warning');
  assert.equal(r.problems[0]?.line, 5);
});

test('titles may contain [ and ]: the URL is the last ]( … ) of the line', () => {
  const r = splitSeed(enc(seed('<!--1693421125000-->', '[[视频] 香港[图]](https://www.rfa.org/a(b)/c.html)')), 'x', NOW);
  assert.equal(r.parts?.title, '[视频] 香港[图]');
  assert.equal(r.parts?.url, 'https://www.rfa.org/a(b)/c.html');
  const real = splitSeed(readFileSync('../shared/corpus/real/rti/1595313125000-7da94197.md'), 'rti.md', NOW);
  assert.equal(real.parts?.title, '[政治] 巴拉圭駐台大使：中國施壓建交 總統阿布鐸說不');
  assert.equal(real.parts?.url, 'https://www.rti.org.tw/news/view/id/2072922');
});

test('title entities are decoded, twice-escaped ones too (issue 14), and the title stays plain text', () => {
  const r = splitSeed(enc(seed('<!--1693421125000-->', '[他说&quot;不&quot; &amp;amp; <b>x</b> &amp;lt;i&amp;gt; &#x1F600; 纳粹&amp;#21328;字](https://x.org/a)')), 'x', NOW);
  assert.equal(r.parts?.title, '他说"不" & <b>x</b> <i> 😀 纳粹卐字');
});

test('a second seed header inside the body is just body text', () => {
  const body = '<p>一</p>\n<!--1693421125000-->\n[另一篇](https://x.org/b)\n------\n\n<p>二</p>';
  const r = splitSeed(enc(seed('<!--1693421125000-->', '[t](https://x.org/a)', '------', body)), 'x', NOW);
  assert.equal(r.parts?.body, body);
});

test('a fixture file written by hand: Windows line endings and a BOM', () => {
  const r = splitSeed(readFileSync('test/fixtures/seed/crlf-bom.txt'), 'test/fixtures/seed/crlf-bom.txt', NOW);
  assert.deepEqual(r.problems, []);
  assert.equal(r.parts?.title, '法国 “黄背心” 再上街');
});
