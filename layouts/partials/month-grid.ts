import type { MonthCalendar } from '../../src/site/site-model.ts';
import { WEEKDAYS } from '../../src/site/month-calendar.ts';
import { html, safeUrl, type Html } from '../../src/site/html.ts';

/** A month as a table of weeks (Monday first); days with articles link to their day page. */
export function monthGrid(cal: MonthCalendar, headingLevel: 'h2' | 'none', size: 'small' | 'large'): Html {
  const caption = cal.url ? html`<a href="${safeUrl(cal.url)}">${cal.label}</a>` : html`${cal.label}`;
  return html`<div class="month ${size}">${headingLevel === 'h2' ? html`<h2>${caption} <span class="count">${cal.count} 篇</span></h2>` : ''}
<table class="cal"><thead><tr>${WEEKDAYS.map((d) => html`<th scope="col">${d}</th>`)}</tr></thead><tbody>${cal.weeks.map(
    (week) =>
      html`<tr>${week.map((c) =>
        c === null
          ? html`<td></td>`
          : c.url
            ? size === 'large'
              ? // The visible "19 7 篇" is the name: an aria-label that differs from it fails WCAG 2.5.3 (label in name).
                html`<td class="v${c.level}"><a href="${safeUrl(c.url)}"><span class="d">${c.day}</span> <span class="n">${c.count} 篇</span></a></td>`
              : html`<td class="v${c.level}"><a href="${safeUrl(c.url)}" aria-label="${c.label}"><span class="d">${c.day}</span></a></td>`
            : html`<td class="v0"><span class="d">${c.day}</span></td>`,
      )}</tr>`,
  )}</tbody></table></div>`;
}
