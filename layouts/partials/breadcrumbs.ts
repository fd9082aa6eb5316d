import type { Link } from '../../src/site/site-model.ts';
import { html, safeUrl, type Html } from '../../src/site/html.ts';

/** Trail from home; the last link is the current page. */
export function breadcrumbs(trail: readonly Link[]): Html {
  const last = trail.length - 1;
  return html`<nav class="crumbs" aria-label="面包屑"><ol>${trail.map((l, i) =>
    i === last ? html`<li><a href="${safeUrl(l.url)}" aria-current="page"><bdi>${l.label}</bdi></a></li>` : html`<li><a href="${safeUrl(l.url)}"><bdi>${l.label}</bdi></a></li>`,
  )}</ol></nav>`;
}
