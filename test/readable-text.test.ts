// Text a reader would have read survives sanitizing: <noscript>, <textarea>, <xmp>, <plaintext>, <math> and
// <svg> (closed, unclosed, nested in foreign content) no longer take the rest of a paragraph or article with
// them, while everything active still goes and CSS and script source never become text.
// Fixtures: test/fixtures/readable/*.md, the exact text kept in expected.json.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseArticle } from '../src/article/parse-article.ts';
import { checkHtmlFragment, checkHtmlPage, type Finding } from './support/check-output.ts';
import { PARSE_OPTIONS, REPO } from './support/hostile-build.ts';

interface Expected {
  readonly vector: string;
  /** article.text, exactly. */
  readonly text: string;
  readonly hero?: string;
  /** A piece of bodyHtml that must be there. */
  readonly html?: string;
  /** How many images the body shows, when the fixture is about images. */
  readonly images?: number;
  /** The fixture shows markup as text on purpose (a closed <xmp>): its text may spell `alert(`. */
  readonly sourceShown?: boolean;
}

const DIR = join(REPO, 'test', 'fixtures', 'readable');
const expected = JSON.parse(await readFile(join(DIR, 'expected.json'), 'utf8')) as Record<string, Expected>;
const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; object-src 'none'; base-uri 'none'">`;
const page = (body: string): string => `<!doctype html><html><head>${CSP}<title>t</title></head><body><main>${body}</main></body></html>`;
const show = (findings: readonly Finding[]): string => findings.map((f) => `${f.file}:${f.line ?? '?'}: ${f.problem}  [${f.excerpt}]`).join('\n');
/** CSS and script source that a fixture hides in <style>/<script>: none of it may reach the text. */
const NEVER_TEXT = ['{', 'fill:red', 'color:red', 'display:block', 'background', 'alert('];

describe('text that noscript, textarea, xmp, plaintext, math and svg used to swallow', () => {
  test('one fixture per element, closed and unclosed, and nested in foreign content', () => {
    assert.ok(Object.keys(expected).length >= 14);
  });

  for (const [file, want] of Object.entries(expected)) {
    test(`${file}: ${want.vector}`, async () => {
      const { article, problems } = parseArticle(await readFile(join(DIR, file)), file, PARSE_OPTIONS);
      assert.ok(article, `accepted: ${JSON.stringify(problems)}`);
      assert.equal(article.text, want.text);
      assert.equal(article.hero?.src, want.hero);
      if (want.html !== undefined) assert.ok(article.bodyHtml.includes(want.html), article.bodyHtml);
      if (want.images !== undefined) assert.equal(article.bodyHtml.split('<img ').length - 1, want.images, article.bodyHtml);
      const findings = [...checkHtmlFragment(article.bodyHtml, `${file} bodyHtml`), ...checkHtmlPage(page(article.bodyHtml), `${file} in a page`)];
      assert.equal(show(findings), '', 'the output checker finds nothing active');
      for (const bad of NEVER_TEXT) {
        if (bad === 'alert(' && want.sourceShown) continue;
        assert.ok(!article.text.includes(bad), `"${bad}" must not surface as text`);
      }
      assert.doesNotMatch(article.bodyHtml, /<(?:svg|math|noscript|textarea|xmp|plaintext|style|script|iframe|foreignobject)\b/i);
    });
  }
});
