import type { Entry } from '../../src/site/site-model.ts';
import { html, safeUrl, type Html } from '../../src/site/html.ts';

/** Index entries: title, outlet, topic, time and summary. */
export function entryList(entries: readonly Entry[]): Html {
  if (entries.length === 0) return html`<p class="empty">还没有文章。</p>`;
  return html`<ol class="entries">${entries.map(
    (e) => html`
<li class="entry"><h2 class="entry-title"><a href="${safeUrl(e.url)}"><bdi>${e.title}</bdi></a></h2>
<p class="meta"><a href="${safeUrl(e.outlet.url)}">${e.outlet.label}</a> · <a href="${safeUrl(e.topic.url)}">${e.topic.label}</a> · <time datetime="${e.time.iso}">${e.time.display}</time></p>
${e.summary ? html`<p class="summary" dir="auto">${e.summary}</p>` : ''}</li>`,
  )}
</ol>`;
}
