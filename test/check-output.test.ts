// The output checker itself: it must catch every kind of active content, and it must not flag text
// that is correctly escaped (that is what safe output looks like).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkHtmlFragment, checkHtmlPage, checkJson, checkOutput, checkXml } from './support/check-output.ts';

const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'">`;
const page = (body: string, head = CSP): string => `<!doctype html><html><head>${head}<title>t</title></head><body>${body}</body></html>`;
const problems = (html: string): string[] => checkHtmlPage(html, 'x.html', { ownScripts: ['assets/site.js'] }).map((f) => f.problem);

test('a clean page with escaped markup in text and attributes has no findings', () => {
  const html = page(
    `<h1>&lt;img src=x onerror=alert(1)&gt;</h1><p>&lt;script&gt;alert(1)&lt;/script&gt; and alert(1)</p>` +
      `<a href="https://evil.example/%3Cscript%3Ealert(1)" title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">ok</a>` +
      `<img src="https://ok.example/a.png" alt="<img src=x onerror=alert(1)>" srcset="a.png 1x, https://ok.example/b.png 2x">` +
      `<img src="data:image/png;base64,iVBORw0KGgo=">` +
      `<script src="/assets/site.js" defer></script><script src="../../assets/site.js?v=2"></script>` +
      `<script type="application/ld+json">{"headline":"\\u003cscript\\u003ealert(1)"}</script>` +
      `<p style="color: red; background: url(https://ok.example/bg.png)">styled</p>`,
  );
  assert.deepEqual(problems(html), []);
});

test('scripts that are not the site\'s own are caught, in every spelling', () => {
  const cases = [
    '<script>alert(1)</script>',
    '<SCRIPT>alert(1)</SCRIPT>',
    '<svg><script>alert(1)</script></svg>',
    '<script src="https://evil.example/x.js"></script>',
    '<script src="//evil.example/assets/site.js"></script>',
    '<script src="/evil.js"></script>',
    '<script type="application/ld+json">{not json</script>',
    '<template><script>alert(1)</script></template>',
  ];
  for (const body of cases) assert.ok(problems(page(body)).some((p) => /script/i.test(p)), body);
});

test('event handlers are caught with any separator, on HTML and SVG', () => {
  for (const body of ['<img src=x onerror=alert(1)>', '<img/src="x"/onerror=alert(1)>', '<img src=x\fonerror=alert(1)>', '<svg><g onload="alert(1)"/></svg>', '<details open ontoggle=alert(1)>', '<template><img onerror=alert(1)></template>']) {
    assert.ok(problems(page(body)).some((p) => p.startsWith('event handler')), body);
  }
});

test('dangerous URL schemes are caught after normalization, in every URL attribute', () => {
  const cases = [
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href=" \n\tjava\tscr\nipt:alert(1)">x</a>',
    '<a href="&#x01;javascript:alert(1)">x</a>',
    '<a href="&#106;avascript&colon;alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
    '<img srcset="https://ok.example/a.png 1x, javascript:alert(1) 2x">',
    '<form action="javascript:alert(1)"></form>',
    '<button formaction="javascript:alert(1)">b</button>',
    '<svg><a xlink:href="javascript:alert(1)"><text>t</text></a></svg>',
    '<video poster="javascript:alert(1)"></video>',
    '<table background="javascript:alert(1)"></table>',
    '<blockquote cite="javascript:alert(1)"></blockquote>',
    '<svg><animate attributeName="href" values="0;javascript:alert(1)"/></svg>',
    '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
  ];
  for (const body of cases) assert.ok(problems(page(body)).some((p) => /URL in/.test(p)), body);
});

test('embedding elements, meta refresh and active CSS are caught', () => {
  for (const [body, want] of [
    ['<iframe src="https://ok.example/"></iframe>', /<iframe>/],
    ['<object data="x"></object>', /<object>/],
    ['<embed src="x">', /<embed>/],
    ['<base href="https://evil.example/">', /<base>/],
    ['<meta http-equiv="Refresh" content="0;url=https://evil.example/">', /refresh/],
    ['<meta http-equiv="refresh" content="0; url=//evil.example/">', /refresh/],
    ['<p style="width:expression(alert(1))">x</p>', /expression/],
    ['<p style="background:url(javascript:alert(1))">x</p>', /javascript/],
    ['<p style="background:u\\72l(jav\\61script:alert(1))">x</p>', /javascript/],
    ['<style>@import "https://evil.example/x.css";</style>', /@import/],
    ['<style>*{width:\\65xpression(alert(1))}</style>', /expression/],
  ] as const) {
    assert.ok(problems(page(body)).some((p) => want.test(p)), body);
  }
});

test('the Content-Security-Policy must exist and forbid inline script, plugins and <base>', () => {
  assert.deepEqual(problems(page('<p>x</p>', '')), ['no Content-Security-Policy <meta> in <head>']);
  const weak = `<meta http-equiv="content-security-policy" content="script-src 'self' 'unsafe-inline'">`;
  assert.deepEqual(problems(page('<p>x</p>', weak)), ["CSP script-src allows 'unsafe-inline'", "CSP lacks object-src 'none'", "CSP lacks base-uri 'none'"]);
  const inBody = page(`${CSP}<p>x</p>`, '');
  assert.deepEqual(problems(inBody), ['no Content-Security-Policy <meta> in <head>']);
});

test('findings carry the file, the line and an excerpt of the offending tag', () => {
  const [finding] = checkHtmlFragment('<p>ok</p>\n<p>\n<img src=x onerror="alert(1)"></p>', 'body');
  assert.deepEqual(finding, { file: 'body', problem: 'event handler attribute onerror="alert(1)"', excerpt: '<img src=x onerror="alert(1)">', line: 3 });
});

test('feeds: escaped markup is fine, markup that decodes to a script is not, broken XML is reported', () => {
  const rss = (title: string, description: string): string =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>c</title><item><title>${title}</title><description>${description}</description></item></channel></rss>`;
  assert.deepEqual(checkXml(rss('&amp;lt;script&amp;gt;', '&lt;p&gt;&amp;lt;script&amp;gt;alert(1)&lt;/p&gt;'), 'feed.xml'), []);
  assert.deepEqual(checkXml(rss('a', '<![CDATA[<p>&lt;img src=x onerror=alert(1)&gt;</p>]]>'), 'feed.xml'), []);
  assert.match(checkXml(rss('a', '&lt;script&gt;alert(1)&lt;/script&gt;'), 'feed.xml')[0]!.problem, /description decodes to active markup: inline <script>/);
  assert.match(checkXml(rss('&lt;img src=x onerror=alert(1)&gt;', 'd'), 'feed.xml')[0]!.problem, /title decodes to active markup: event handler/);
  assert.match(checkXml(rss('a', '<![CDATA[<a href="javascript:alert(1)">x</a>]]>'), 'feed.xml')[0]!.problem, /javascript: URL/);
  assert.match(checkXml(rss('a', '&#60;script&#62;alert(1)&#60;/script&#62;'), 'feed.xml')[0]!.problem, /inline <script>/);
  assert.match(checkXml('<rss><channel><title>x</channel></rss>', 'feed.xml')[0]!.problem, /^XML does not parse/);
  const atom = (type: string, content: string): string => `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="${type}">${content}</title></entry></feed>`;
  assert.deepEqual(checkXml(atom('text', '&lt;script&gt;alert(1)&lt;/script&gt;'), 'atom.xml'), []);
  assert.equal(checkXml(atom('html', '&lt;script&gt;alert(1)&lt;/script&gt;'), 'atom.xml').length, 1);
});

test('JSON: must parse; only *html keys are HTML', () => {
  assert.deepEqual(checkJson('{"items":[{"title":"<script>alert(1)</script>","content_html":"<p>&lt;script&gt;</p>"}]}', 'f.json'), []);
  assert.match(checkJson('{"items":[{"content_html":"<img src=x onerror=alert(1)>"}]}', 'f.json')[0]!.problem, /content_html/);
  assert.match(checkJson('{"a":', 'f.json')[0]!.problem, /^JSON does not parse/);
});

test('checkOutput walks a folder of .html, .xml and .json files', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'clippings-check-'));
  try {
    await mkdir(join(dir, 'articles', 'a'), { recursive: true });
    await writeFile(join(dir, 'index.html'), page('<p>&lt;script&gt;</p>'));
    await writeFile(join(dir, 'articles', 'a', 'index.html'), page('<p onclick="alert(1)">x</p>'));
    await writeFile(join(dir, 'feed.xml'), '<rss><channel></rss>');
    await writeFile(join(dir, 'feed.json'), '{"items":[]}');
    await writeFile(join(dir, 'style.css'), 'p { background: url(javascript:alert(1)) }'); // not checked: not HTML/XML/JSON
    const findings = await checkOutput(dir);
    assert.deepEqual(findings.map((f) => [f.file, f.problem.split(':')[0]]), [
      ['articles/a/index.html', 'event handler attribute onclick="alert(1)"'],
      ['feed.xml', 'XML does not parse'],
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
