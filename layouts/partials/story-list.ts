import type { StoryEntry } from '../../src/site/site-model.ts';
import { html, safeUrl, type Html } from '../../src/site/html.ts';

/** Stories as a list: title, span, outlets and counts. */
export function storyList(stories: readonly StoryEntry[], headingLevel: 'h2' | 'h3'): Html {
  return html`<ol class="stories">${stories.map(
    (s) => html`
<li class="story-entry">${headingLevel === 'h2' ? html`<h2 class="entry-title">` : html`<h3 class="entry-title">`}<a href="${safeUrl(s.url)}"><bdi>${s.title}</bdi></a>${headingLevel === 'h2' ? html`</h2>` : html`</h3>`}
<p class="meta">${s.span} · ${s.summary}</p>
<p class="story-outlets">${s.outlets.join('、')}</p></li>`,
  )}
</ol>`;
}
