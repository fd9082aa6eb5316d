import type { IndexPage, Shell } from '../../src/site/site-model.ts';
import { html, safeUrl } from '../../src/site/html.ts';
import { pageShell } from './page-shell.ts';
import { entryList } from './entry-list.ts';
import { paginationNav } from './pagination-nav.ts';

/** Home, topic, outlet and day pages: heading, count, entries, numbered pages. */
export function renderIndex(shell: Shell, m: IndexPage): string {
  return pageShell(shell, m, html`<h1 dir="auto">${m.heading}</h1>
<p class="lede">${m.summary}${m.feedUrl ? html` · <a href="${safeUrl(m.feedUrl)}">订阅 Atom</a>` : ''}</p>
${m.parts && m.parts.length > 0 ? html`<nav class="parts" aria-label="按来源筛选"><ul>${m.parts.map((p) => html`<li>${p.current ? html`<a href="${safeUrl(p.url)}" aria-current="page"><bdi>${p.label}</bdi></a>` : html`<a href="${safeUrl(p.url)}"><bdi>${p.label}</bdi></a>`} <span class="count">${p.count}</span></li>`)}</ul></nav>` : ''}
${entryList(m.entries)}
${paginationNav(m.pagination)}`);
}
