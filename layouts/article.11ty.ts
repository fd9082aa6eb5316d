import type { ArticlePage, Link } from '../src/site/site-model.ts';
import { captureList } from './partials/capture-list.ts';
import { html, safeUrl, sanitizedBody, type Html } from '../src/site/html.ts';
import { pageShell } from './partials/page-shell.ts';
import { pageData, type TemplateData } from './partials/page-data.ts';

export const data = pageData('article');

export function render({ model: m, site }: TemplateData<ArticlePage>): string {
  const a = m.article;
  return pageShell(site.shell, m, html`<article class="article">
<header class="article-head">
<h1 dir="auto">${a.title}</h1>
<p class="meta"><a href="${safeUrl(a.outlet.url)}">${a.outlet.label}</a> · <a href="${safeUrl(a.topic.url)}">${a.topic.label}</a>${a.secondTopic ? html`、<a href="${safeUrl(a.secondTopic.url)}">${a.secondTopic.label}</a>` : ''}${a.placement ? html`<span class="note">（${a.placement}）</span>` : ''}${a.section ? html` · 栏目：${a.section}` : ''} · <a href="${safeUrl(a.day.url)}"><time datetime="${a.published.iso}">${a.published.display}</time></a> · ${a.readingTime}</p>
${a.dateline ? html`<p class="dateline">${a.dateline}</p>` : ''}
${m.story ? html`<p class="story-note">本文属于事件 <a href="${safeUrl(m.story.url)}"><bdi>${m.story.title}</bdi></a>（${m.story.summary}）</p>
` : ''}<p class="archived">存档副本，抓取于 <time datetime="${a.captured.iso}">${a.captured.display}</time>。<a class="original" href="${safeUrl(a.originalUrl)}" rel="noopener noreferrer nofollow">阅读原文</a></p>
</header>
${a.hero ? html`<figure class="hero"><img src="${safeUrl(a.hero.src)}" alt="${a.hero.alt}"${a.hero.width ? html` width="${a.hero.width}"` : ''}${a.hero.height ? html` height="${a.hero.height}"` : ''} loading="lazy" decoding="async" referrerpolicy="no-referrer">${a.hero.alt ? html`<figcaption>${a.hero.alt}</figcaption>` : ''}</figure>` : ''}
<div class="body" dir="auto">
${sanitizedBody(a.bodyHtml)}
</div>
${a.captures.length > 0 ? captureList(a.captures, a.changesUrl) : ''}
</article>
${m.story ? html`<nav class="related story-link" aria-labelledby="story-h"><h2 id="story-h">本事件的其他报道</h2>
<p><a href="${safeUrl(m.story.url)}"><bdi>${m.story.title}</bdi></a> <span class="meta">${m.story.summary} · 各家标题对照与时间线</span></p><ul>${m.story.others.map(
  (r) => html`<li><a href="${safeUrl(r.url)}"><bdi>${r.title}</bdi></a> <span class="meta">${r.outlet} · <time datetime="${r.time.iso}">${r.time.display}</time></span></li>`,
)}</ul></nav>` : ''}
${neighbours('同一天', m.newerInDay, m.olderInDay)}
${neighbours(`话题：${a.topic.label}`, m.newerInTopic, m.olderInTopic)}
${m.related.length > 0 ? html`<nav class="related" aria-labelledby="related-h"><h2 id="related-h">相关报道</h2><ul>${m.related.map(
  (r) => html`<li><a href="${safeUrl(r.url)}"><bdi>${r.title}</bdi></a> <span class="meta">${r.outlet} · <time datetime="${r.time.iso}">${r.time.display}</time></span></li>`,
)}</ul></nav>` : ''}`);
}

function neighbours(label: string, newer: Link | undefined, older: Link | undefined): Html {
  if (!newer && !older) return html``;
  return html`<nav class="neighbours" aria-label="${label}"><h2>${label}</h2><ul>${
    newer ? html`<li class="newer"><span>较新</span> <a href="${safeUrl(newer.url)}" rel="prev"><bdi>${newer.label}</bdi></a></li>` : ''
  }${older ? html`<li class="older"><span>较早</span> <a href="${safeUrl(older.url)}" rel="next"><bdi>${older.label}</bdi></a></li>` : ''}</ul></nav>`;
}
