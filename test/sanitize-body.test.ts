import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { parseArticle } from '../src/article/parse-article.ts';
import { removeBoilerplate } from '../src/article/remove-boilerplate.ts';
import { resolveUrls } from '../src/article/resolve-urls.ts';
import { sanitizeBody } from '../src/article/sanitize-body.ts';

const BASE = 'https://www.dw.com/zh/a/b-1';
function clean(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  removeBoilerplate(tree, '标题');
  resolveUrls(tree, BASE);
  return toHtml(sanitizeBody(tree));
}

test('strips scripts, styles and other dangerous elements together with their text', () => {
  const out = clean(
    '<p>ok</p><script>alert(1)</script><style>p{}</style><iframe src="https://evil.example/"></iframe>' +
      '<noscript>NS</noscript><template>TPL</template><svg><script>x</script><text>SVG</text></svg><math><mi>M</mi></math>' +
      '<textarea>TA</textarea><select><option>OPT</option></select><button>BTN</button><xmp>XMP</xmp><title>T</title>' +
      '<object data="x.swf"></object><embed src="x.swf"><base href="https://evil.example/"><meta http-equiv="refresh"><link rel="stylesheet" href="x.css">',
  );
  assert.equal(out, '<p>ok</p>');
});

test('forms lose their controls, event handlers and style attributes go, text stays', () => {
  const out = clean('<form action="https://evil.example/"><input value="x"><label>名字</label></form><p onclick="x()" style="color:red" onmouseover="y">文</p>');
  assert.equal(out, '名字<p>文</p>');
});

test('javascript: links are neutralized, also with entity and whitespace tricks', () => {
  for (const href of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java&#x09;script:alert(1)', '&#106;avascript:alert(1)', 'jav\nascript:x', 'data:text/html,<script>x</script>', 'vbscript:x']) {
    const out = clean(`<p><a href="${href}">链接</a></p>`);
    assert.equal(out, '<p><a>链接</a></p>', href);
  }
});

test('ids, names, classes and data-* are dropped (no DOM clobbering), custom elements removed', () => {
  const out = clean('<p id="x" name="y" class="c" data-foo="1">文<youtube-player video="1">视频</youtube-player><play-media v-on:click="p">P</play-media></p>');
  assert.equal(out, '<p>文</p>');
});

test('mutation-XSS markup is re-parsed like a browser and stays inert', () => {
  const out = clean('<p>a</p><noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript><svg></p><style><a title="</style><img src onerror=alert(1)>">');
  assert.doesNotMatch(out, /onerror|<img|<style|<svg/);
});

test('keeps news structure: headings (h1 demoted), lists, quotes, figures, tables', () => {
  const html =
    '<h1>大标题</h1><h3>小标题</h3><ul><li>一</li></ul><ol start="3"><li>三</li></ol><blockquote cite="https://x.org/">引</blockquote>' +
    '<figure><img src="https://x.org/a.jpg" alt="图" width="640" height="360"><figcaption>说明</figcaption></figure>' +
    '<table><caption>表</caption><thead><tr><th scope="col">甲</th></tr></thead><tbody><tr><td colspan="2" rowspan="1">乙</td></tr></tbody></table>' +
    '<p><em>e</em><strong>s</strong><sub>1</sub><sup>2</sup><q>q</q><abbr title="联合国">UN</abbr><time datetime="2020-07-20">今天</time><code>c</code></p><p dir="rtl" lang="ar">مرحبا</p>';
  const out = clean(html);
  assert.match(out, /^<h2>大标题<\/h2><h3>小标题<\/h3><ul><li>一<\/li><\/ul><ol start="3"><li>三<\/li><\/ol><blockquote cite="https:\/\/x.org\/">引<\/blockquote>/);
  assert.match(out, /<figure><img src="https:\/\/x.org\/a.jpg" alt="图" width="640" height="360" loading="lazy" decoding="async" referrerpolicy="no-referrer"><figcaption>说明<\/figcaption><\/figure>/);
  assert.match(out, /<table><caption>表<\/caption><thead><tr><th scope="col">甲<\/th><\/tr><\/thead><tbody><tr><td colspan="2" rowspan="1">乙<\/td><\/tr><\/tbody><\/table>/);
  assert.match(out, /<abbr title="联合国">UN<\/abbr><time datetime="2020-07-20">今天<\/time><code>c<\/code>/);
  assert.match(out, /<p dir="rtl" lang="ar">مرحبا<\/p>/);
});

test('images: lazy src promoted, relative URLs resolved, non-http dropped, srcset removed, pixels removed', () => {
  const out = clean(
    '<img data-src="/img/a.jpg"><img src="" data-original="//cdn.x.org/b.jpg"><img src="c.jpg" srcset="javascript:x 1x">' +
      '<img src="data:image/png;base64,AAAA"><img src="https://x.org/p.gif" width="1" height="1">' +
      '<img src="//ir-na.amazon-adsystem.com/e/ir?t=x"><p><a href="/zh/other">相关</a> <a href="mailto:a@b.org">信</a></p>',
  );
  assert.equal(
    out,
    '<img src="https://www.dw.com/img/a.jpg" loading="lazy" decoding="async" referrerpolicy="no-referrer" alt="">' +
      '<img src="https://cdn.x.org/b.jpg" loading="lazy" decoding="async" referrerpolicy="no-referrer" alt="">' +
      '<img src="https://www.dw.com/zh/a/c.jpg" loading="lazy" decoding="async" referrerpolicy="no-referrer" alt="">' +
      '<p><a href="https://www.dw.com/zh/other" rel="noopener noreferrer nofollow">相关</a> <a href="mailto:a@b.org" rel="noopener noreferrer nofollow">信</a></p>',
  );
});

test('boilerplate of the corpus is removed: promos, ad slots, share bar, feed footer, empty wrappers', () => {
  const out = clean(
    '<div>\n<p>正文</p><div class="o-self-promo o-self-promo--nl" data-selfpromo-newsletter> </div><div class="m-interstitial"></div>' +
      '<section id="imu"><div id="dfp-ad-imu1-wrapper" class="dfp-tag-wrapper"><div class="dfp-tag-wrapper"></div></div></section>' +
      '<div class="bbccom_slot mpu-ad"><div class="bbccom_advert">广告</div></div><div class="o-ads in-article-advert">AD</div>' +
      '<p><i>（欢迎</i><a href="https://sso.nytcn.me/">点击此处</a><i>订阅NYT简报）</i></p>' +
      '<div><div>分享 :</div><div><a href="https://twitter.com/intent/tweet?url=x"><span></span></a><span data-root-share><share-button></share-button></span></div></div>' +
      '<div><span></span><p> </p></div><br><hr><div>获取更多RSS：<br><a href="https://feedx.net">https://feedx.net</a></div>\n</div>',
  );
  assert.equal(out, '<p>正文</p>');
});

test('a body that is only boilerplate is rejected with an actionable message', () => {
  const bytes = new TextEncoder().encode('<!--1693421125000-->\n[t](https://x.org/a)\n------\n\n<div><script>x</script><div class="dfp-tag-wrapper">ad</div></div>');
  const r = parseArticle(bytes, 'content/x.md', { timeZone: 'UTC', outlets: [] });
  assert.equal(r.article, undefined);
  assert.match(r.problems[0]!.message, /no text or images left after removing scripts, ads and boilerplate/);
  assert.equal(r.problems[0]!.line, 5);
});

test('an alt that is only the image file name becomes empty (decorative); real alt text is kept', () => {
  const out = clean('<p>文</p><img src="https://x.example/f3b5_Large.png" alt="f3b5_Large.png"><img src="https://x.example/m.gif" alt="地图"><img src="https://x.example/n.jpg">');
  assert.match(out, /<img src="https:\/\/x\.example\/f3b5_Large\.png" alt=""/);
  assert.match(out, /alt="地图"/);
  assert.match(out, /<img src="https:\/\/x\.example\/n\.jpg"[^>]* alt=""/);
});
