import type { CaptureChange, ChangesPage, EarlierCapture } from '../src/site/site-model.ts';
import type { DiffPart } from '../src/archive/diff-captures.ts';
import { html, safeUrl, sanitizedBody, type Html } from '../src/site/html.ts';
import { captureAnchor } from '../src/site/build-changes-page.ts';
import { pageShell } from './partials/page-shell.ts';
import { pageData, type TemplateData } from './partials/page-data.ts';

export const data = pageData('changes');

/**
 * What changed between consecutive captures, newest step first (the diffs come prepared in the
 * model), then each earlier capture in full, newest first, at `#capture-<n>`.
 */
export function render({ model: m, site }: TemplateData<ChangesPage>): string {
  return pageShell(site.shell, m, html`<article class="changes">
<h1 dir="auto">${m.heading}</h1>
<p class="legend">共 ${m.changes.length + 1} 次抓取。<del>删去的文字</del>划掉，<ins>新增的文字</ins>加下划线；未改动的长段落略去。较早版本的全文在改动之后。<a href="${safeUrl(m.article.url)}">查看最新版本</a></p>
${m.changes.map(step)}
<section class="earlier" aria-labelledby="earlier-h">
<h2 id="earlier-h">较早的版本</h2>
${m.earlier.map((e) => version(e, m.originalUrl))}
</section>
</article>`);
}

/** An earlier capture as it was: its title, when it was captured, its body. */
function version(e: EarlierCapture, originalUrl: string): Html {
  const c = e.capture;
  return html`<section class="article capture" id="${captureAnchor(c.number)}" aria-labelledby="${captureAnchor(c.number)}-h">
<p class="banner" role="note">第 ${c.number} 次抓取，<time datetime="${c.time.iso}">${c.time.display}</time>：较早的版本，内容可能已被修改。</p>
<h3 id="${captureAnchor(c.number)}-h" dir="auto">${c.title}</h3>
<p class="archived">存档副本。<a class="original" href="${safeUrl(originalUrl)}" rel="noopener noreferrer nofollow">阅读原文</a></p>
<div class="body" dir="auto">
${sanitizedBody(e.bodyHtml)}
</div>
</section>`;
}

function step(c: CaptureChange): Html {
  const label = (l: CaptureChange['older']) =>
    html`<a href="${safeUrl(l.url)}">第 ${l.number} 次</a>（<time datetime="${l.time.iso}">${l.time.display}</time>）`;
  return html`<section class="change">
<h2>${label(c.older)} → ${label(c.newer)}</h2>
${c.identical
  ? html`<p class="unchanged">标题和正文没有改动（只有排版或页面元素不同）。</p>`
  : html`${c.title ? html`<p class="diff-label">标题</p><p class="diff diff-title" dir="auto">${c.title.map(part)}</p>` : ''}
${c.text.changed
  ? html`<p class="diff-label">正文：新增 ${c.text.added} 字，删去 ${c.text.removed} 字</p><p class="diff" dir="auto">${c.text.parts.map(part)}</p>`
  : html`<p class="unchanged">正文没有改动。</p>`}`}
</section>`;
}

/** Every part is plain text and escaped by `html`; paragraph breaks stay "\n" (the CSS keeps them). */
function part(p: DiffPart): Html {
  if (p.kind === 'gap') return html`<span class="gap">… 未改动 ${p.chars} 字 …</span>`;
  if (p.kind === 'added') return html`<ins>${p.text}</ins>`;
  if (p.kind === 'removed') return html`<del>${p.text}</del>`;
  return html`${p.text}`;
}
