import type { MonthPage } from '../src/site/site-model.ts';
import { html } from '../src/site/html.ts';
import { pageShell } from './partials/page-shell.ts';
import { pageData, type TemplateData } from './partials/page-data.ts';
import { monthGrid } from './partials/month-grid.ts';
import { olderNewer } from './partials/older-newer.ts';

export const data = pageData('month');

export function render({ model: m, site }: TemplateData<MonthPage>): string {
  return pageShell(site.shell, m, html`<h1>${m.heading}</h1>
<p class="lede">${m.summary}</p>
${monthGrid(m.calendar, 'none', 'large')}
${olderNewer('其他月份', m.newer, m.older)}`);
}
