import type { NotFoundPage } from '../src/site/site-model.ts';
import { html, safeUrl } from '../src/site/html.ts';
import { pageShell } from './partials/page-shell.ts';
import { pageData, type TemplateData } from './partials/page-data.ts';

export const data = pageData('notFound');

export function render({ model: m, site }: TemplateData<NotFoundPage>): string {
  return pageShell(site.shell, m, html`<h1>${m.heading}</h1>
<p>这个地址没有页面。它可能拼写有误，或者文章已不在存档中。</p>
<ul class="groups">${site.shell.nav.map((l) => html`<li><a href="${safeUrl(l.url)}">${l.label}</a></li>`)}</ul>`);
}
