import type { IndexPage, PartLink, Shell } from '../../src/site/site-model.ts';
import { html, safeUrl, type Html } from '../../src/site/html.ts';
import { pageShell } from './page-shell.ts';
import { entryList } from './entry-list.ts';
import { paginationNav } from './pagination-nav.ts';
import { storyList } from './story-list.ts';

/** Home, topic, outlet and day pages: heading, count, entries, numbered pages, then the stories of the listed articles (after them: readers come for the list). */
export function renderIndex(shell: Shell, m: IndexPage): string {
  return pageShell(shell, m, html`<h1 dir="auto">${m.heading}</h1>
<p class="lede">${m.summary}${m.feedUrl ? html` · <a href="${safeUrl(m.feedUrl)}">订阅 Atom</a>` : ''}</p>
${m.parts && m.parts.length > 0 ? partsNav(m.parts) : ''}
${entryList(m.entries)}
${paginationNav(m.pagination)}
${m.stories ? html`<section class="page-stories" aria-labelledby="stories-h"><h2 id="stories-h">本页文章所属的事件</h2>${storyList(m.stories, 'h3')}</section>` : ''}`);
}

/** Parts shown at once; the smaller ones fold into a <details> (no script), open when one of them is this page. */
const SHOWN_PARTS = 8;

/** A topic's outlets · sections, each a link to the topic filtered to it, with counts on a list's first page. */
function partsNav(parts: readonly PartLink[]): Html {
  const item = (p: PartLink): Html =>
    html`<li>${p.current ? html`<a href="${safeUrl(p.url)}" aria-current="page"><bdi>${p.label}</bdi></a>` : html`<a href="${safeUrl(p.url)}"><bdi>${p.label}</bdi></a>`}${p.count === undefined ? '' : html` <span class="count">${p.count}</span>`}</li>`;
  const shown = parts.length > SHOWN_PARTS + 2 ? parts.slice(0, SHOWN_PARTS) : parts;
  const rest = parts.slice(shown.length);
  return html`<nav class="parts" aria-label="按来源筛选"><ul>${shown.map(item)}</ul>${
    rest.length > 0
      ? html`<details${rest.some((p) => p.current) ? html` open` : ''}><summary>其余 ${rest.length} 个来源</summary><ul>${rest.map(item)}</ul></details>`
      : ''
  }</nav>`;
}
