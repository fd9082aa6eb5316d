import type { Link } from '../../src/site/site-model.ts';
import { html, safeUrl, type Html } from '../../src/site/html.ts';

/** Links to the newer and older neighbour (year or month). */
export function olderNewer(label: string, newer: Link | undefined, older: Link | undefined): Html {
  if (!newer && !older) return html``;
  return html`<nav class="pages" aria-label="${label}"><ul>${newer ? html`<li><a href="${safeUrl(newer.url)}">较新：${newer.label}</a></li>` : ''}${
    older ? html`<li><a href="${safeUrl(older.url)}">较早：${older.label}</a></li>` : ''
  }</ul></nav>`;
}
