import type { IndexPage, Shell } from '../../src/site/site-model.ts';
import { html, safeUrl } from '../../src/site/html.ts';
import { pageShell } from './page-shell.ts';
import { entryList } from './entry-list.ts';
import { paginationNav } from './pagination-nav.ts';
import { storyList } from './story-list.ts';

/** Home, topic, outlet and day pages: heading, count, entries, numbered pages. */
export function renderIndex(shell: Shell, m: IndexPage): string {
  return pageShell(shell, m, html`<h1 dir="auto">${m.heading}</h1>
<p class="lede">${m.summary}${m.feedUrl ? html` · <a href="${safeUrl(m.feedUrl)}">订阅 Atom</a>` : ''}</p>
${m.stories ? html`<section class="page-stories" aria-labelledby="stories-h"><h2 id="stories-h">本页文章所属的事件</h2>${storyList(m.stories, 'h3')}</section>` : ''}
${entryList(m.entries)}
${paginationNav(m.pagination)}`);
}
