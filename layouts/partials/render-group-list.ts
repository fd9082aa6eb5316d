import type { GroupListPage, Shell } from '../../src/site/site-model.ts';
import { html, safeUrl } from '../../src/site/html.ts';
import { pageShell } from './page-shell.ts';

/** Topic list, outlet list and years: names with their article counts. */
export function renderGroupList(shell: Shell, m: GroupListPage): string {
  return pageShell(shell, m, html`<h1>${m.heading}</h1>
<ul class="groups">${m.items.map((i) => html`<li><a href="${safeUrl(i.url)}"><bdi>${i.label}</bdi></a> <span class="count">${i.count} 篇</span>${i.note ? html`<br><span class="note">${i.note}</span>` : ''}</li>`)}</ul>`);
}
