// Character references a feed escaped twice are shown decoded, never as `&#21328;`, and never become markup.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseArticle } from '../src/article/parse-article.ts';
import { decodeEscapedReferences } from '../src/seed/decode-escaped-references.ts';
import { checkHtmlFragment } from './support/check-output.ts';
import { PARSE_OPTIONS, REAL_DIR } from './support/hostile-build.ts';

const seed = (title: string, body: string): Buffer =>
  Buffer.from(`<!--1595861781000-->\n[${title}](https://www.rfi.fr/cn/contenu/20200727-x)\n------\n\n${body}\n`);

test('decodeEscapedReferences decodes one spelled-out reference into one character of text', () => {
  assert.equal(decodeEscapedReferences('纳粹&#21328;字'), '纳粹卐字');
  assert.equal(decodeEscapedReferences('&#x5350; &quot;引&quot; &amp; &notin;'), '卐 "引" & ∉');
  assert.equal(decodeEscapedReferences('&lt;script&gt;alert(1)&lt;/script&gt;'), '<script>alert(1)</script>');
  assert.equal(decodeEscapedReferences('&foo; &notit; &#1; &#0; AT&T;'), '&foo; &notit; &#1; &#0; AT&T;', 'unknown, legacy-prefix and control references stay');
});

test('a twice-escaped title, lead, summary and alt text read as the characters they mean', () => {
  const { article } = parseArticle(
    seed('法国清真寺遭绘上纳粹&amp;#21328;字  内政部长谴责 – 法国国际广播电台 - RFI',
      '<p>清真寺墙上被画了纳粹&amp;#21328;字。</p><img src="https://s.rfi.fr/a.jpg" alt="&amp;#21328;字涂鸦"><p>警方&amp;quot;已立案&amp;quot;。</p>'),
    'x.md', PARSE_OPTIONS,
  );
  assert.ok(article);
  assert.equal(article.title, '法国清真寺遭绘上纳粹卐字 内政部长谴责');
  assert.equal(article.lead, '清真寺墙上被画了纳粹卐字。');
  assert.equal(article.summary, '清真寺墙上被画了纳粹卐字。');
  assert.equal(article.text, '清真寺墙上被画了纳粹卐字。\n警方"已立案"。');
  assert.ok(article.bodyHtml.includes('alt="卐字涂鸦"'), article.bodyHtml);
});

test('a decoded <script> stays text: in the title, the body and alt text', () => {
  const { article } = parseArticle(
    seed('&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;标题',
      '<p>正文&amp;lt;img src=x onerror=alert(1)&amp;gt;</p><img src="https://s.rfi.fr/a.jpg" alt="&amp;lt;script&amp;gt;">'),
    'x.md', PARSE_OPTIONS,
  );
  assert.ok(article);
  assert.equal(article.title, '<script>alert(1)</script>标题');
  assert.equal(article.text, '正文<img src=x onerror=alert(1)>');
  const markup = article.bodyHtml.replace(/alt="[^"]*"/g, 'alt');
  assert.doesNotMatch(markup, /<script|<img src=x/, 'text, serialized as text');
  assert.match(article.bodyHtml, /&#x3C;img src=x onerror=alert\(1\)>/);
  assert.deepEqual(checkHtmlFragment(article.bodyHtml, 'body'), []);
});

test('code keeps a spelled-out reference as written', () => {
  const { article } = parseArticle(seed('标题', '<p>写作 <code>&amp;#21328;</code> 即可。</p>'), 'x.md', PARSE_OPTIONS);
  assert.equal(article?.text, '写作 &#21328; 即可。');
});

const RFI = join(REAL_DIR, 'rfi', '1595861781000-020a38da.md');
test('the real RFI file: the heading reads 纳粹卐字, not 纳粹&#21328;字', { skip: existsSync(RFI) ? false : `${RFI} is not here (the corpus lives at ../shared beside the clone)` }, () => {
  const { article } = parseArticle(readFileSync(RFI), 'rfi/1595861781000-020a38da.md', PARSE_OPTIONS);
  assert.equal(article?.title, '法国清真寺遭绘上纳粹卐字 内政部长谴责');
});
