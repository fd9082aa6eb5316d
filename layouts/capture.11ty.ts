import type { CapturePage } from '../src/site/site-model.ts';
import { html, safeUrl, sanitizedBody } from '../src/site/html.ts';
import { pageShell } from './partials/page-shell.ts';
import { pageData, type TemplateData } from './partials/page-data.ts';
import { captureList } from './partials/capture-list.ts';

export const data = pageData('capture');

/** An earlier capture: its own title and body under a banner pointing to the newest version. Not indexed by search. */
export function render({ model: m, site }: TemplateData<CapturePage>): string {
  return pageShell(site.shell, m, html`<article class="article capture">
<p class="banner" role="note">这是较早的抓取版本（第 ${m.capture.number} 次抓取，<time datetime="${m.capture.time.iso}">${m.capture.time.display}</time>），内容可能已被修改。<a href="${safeUrl(m.latest.url)}">查看最新版本</a>（<time datetime="${m.latest.time.iso}">${m.latest.time.display}</time>）· <a href="${safeUrl(m.changesUrl)}">查看改动</a></p>
<header class="article-head">
<h1 dir="auto">${m.heading}</h1>
<p class="archived">存档副本，抓取于 <time datetime="${m.capture.time.iso}">${m.capture.time.display}</time>。<a class="original" href="${safeUrl(m.originalUrl)}" rel="noopener noreferrer nofollow">阅读原文</a></p>
</header>
<div class="body" dir="auto">
${sanitizedBody(m.bodyHtml)}
</div>
${captureList(m.captures, m.changesUrl, m.capture.number)}
</article>`);
}
