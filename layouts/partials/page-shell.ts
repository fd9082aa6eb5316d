import type { PageModel, Shell } from '../../src/site/site-model.ts';
import { html, safeUrl, toString, type Html } from '../../src/site/html.ts';
import { breadcrumbs } from './breadcrumbs.ts';

/** No inline scripts or styles anywhere, so the policy can forbid them. */
export const CSP =
  "default-src 'self'; img-src 'self' https:; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

/** The document around every page: head, skip link, header, breadcrumbs, main, footer. */
export function pageShell(shell: Shell, page: PageModel, main: Html): string {
  return toString(html`<!doctype html>
<html lang="${shell.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<title>${page.title}</title>
<meta name="description" content="${page.description}">
${page.noindex ? html`<meta name="robots" content="noindex">\n` : ''}<link rel="canonical" href="${safeUrl(page.canonicalUrl)}">
<link rel="stylesheet" href="${safeUrl(shell.cssUrl)}">
${shell.feedUrl ? html`<link rel="alternate" type="application/atom+xml" title="${shell.siteTitle}" href="${safeUrl(shell.feedUrl)}">\n` : ''}${
    page.feedUrl && page.feedUrl !== shell.feedUrl ? html`<link rel="alternate" type="application/atom+xml" title="${page.heading}" href="${safeUrl(page.feedUrl)}">\n` : ''
  }</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site-header">
<a class="brand" href="${safeUrl(shell.homeUrl)}">${shell.siteTitle}</a>
<nav class="site-nav" aria-label="主导航"><ul>${shell.nav.map((l) => html`<li><a href="${safeUrl(l.url)}">${l.label}</a></li>`)}</ul></nav>
${shell.searchUrl && page.kind !== 'search' ? html`<form class="site-search" action="${safeUrl(shell.searchUrl)}" method="get" role="search"><label class="visually-hidden" for="site-search-q">搜索文章</label><input type="search" id="site-search-q" name="q" placeholder="搜索" size="12"><button type="submit">搜索</button></form>
` : ''}</header>
${page.breadcrumbs.length > 1 ? breadcrumbs(page.breadcrumbs) : ''}
<main id="main" tabindex="-1">
${main}
</main>
<footer class="site-footer">
<p>${shell.siteTitle} · ${shell.description}</p>
<p>本站为新闻存档副本，版权归原媒体所有。${shell.feedUrl ? html` <a href="${safeUrl(shell.feedUrl)}">订阅 Atom</a>` : ''}</p>
</footer>
</body>
</html>
`);
}
