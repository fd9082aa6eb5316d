import type { StoryListPage } from '../src/site/site-model.ts';
import { html, safeUrl } from '../src/site/html.ts';
import { pageShell } from './partials/page-shell.ts';
import { pageData, type TemplateData } from './partials/page-data.ts';
import { paginationNav } from './partials/pagination-nav.ts';
import { storyList } from './partials/story-list.ts';

export const data = pageData('storyList');

/** `/stories/`: stories newest first, paginated. */
export function render({ model: m, site }: TemplateData<StoryListPage>): string {
  return pageShell(site.shell, m, html`<h1>${m.heading}</h1>
<p class="lede">${m.summary}${m.feedUrl ? html` · <a href="${safeUrl(m.feedUrl)}">订阅 Atom</a>` : ''}</p>
${m.stories.length > 0 ? storyList(m.stories, 'h2') : html`<p class="empty">还没有事件。</p>`}
${paginationNav(m.pagination)}`);
}
