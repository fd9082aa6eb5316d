import type { YearPage } from '../src/site/site-model.ts';
import { html } from '../src/site/html.ts';
import { pageShell } from './partials/page-shell.ts';
import { pageData, type TemplateData } from './partials/page-data.ts';
import { monthGrid } from './partials/month-grid.ts';
import { olderNewer } from './partials/older-newer.ts';

export const data = pageData('year');

export function render({ model: m, site }: TemplateData<YearPage>): string {
  return pageShell(site.shell, m, html`<h1>${m.heading}</h1>
<p class="lede">${m.summary}</p>
<div class="year-grid">${m.months.map((c) => monthGrid(c, 'h2', 'small'))}</div>
${olderNewer('其他年份', m.newer, m.older)}`);
}
