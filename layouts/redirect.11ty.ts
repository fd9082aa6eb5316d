import type { RedirectPage } from '../src/site/site-model.ts';
import { html, safeUrl, toString } from '../src/site/html.ts';
import { CSP } from './partials/page-shell.ts';
import { pageData, type TemplateData } from './partials/page-data.ts';

export const data = pageData('redirect');

/** An old address: canonical link and meta refresh to its new place, a plain link for the rest; no script. */
export function render({ model: m, site }: TemplateData<RedirectPage>): string {
  return toString(html`<!doctype html>
<html lang="${site.shell.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${m.title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${safeUrl(m.canonicalUrl)}">
<meta http-equiv="refresh" content="0; url=${safeUrl(m.target)}">
</head>
<body>
<main><p>这一页已移到 <a href="${safeUrl(m.target)}">${m.heading}</a>。</p></main>
</body>
</html>
`);
}
