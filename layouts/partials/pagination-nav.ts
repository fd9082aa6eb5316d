import type { Pagination } from '../../src/site/site-model.ts';
import { html, safeUrl, type Html } from '../../src/site/html.ts';

/** Numbered pages with previous (newer) and next (older); the current page carries aria-current. */
export function paginationNav(p: Pagination | undefined): Html {
  if (!p) return html``;
  return html`<nav class="pages" aria-label="分页"><ul>${p.prevUrl ? html`<li><a href="${safeUrl(p.prevUrl)}" rel="prev">上一页</a></li>` : ''}${p.pages.map((l) =>
    'gap' in l
      ? html`<li class="gap" aria-hidden="true">…</li>`
      : l.current
        ? html`<li><a href="${safeUrl(l.url)}" aria-current="page">${l.label ?? l.number}</a></li>`
        : html`<li><a href="${safeUrl(l.url)}">${l.label ?? l.number}</a></li>`,
  )}${p.nextUrl ? html`<li><a href="${safeUrl(p.nextUrl)}" rel="next">下一页</a></li>` : ''}</ul></nav>`;
}
