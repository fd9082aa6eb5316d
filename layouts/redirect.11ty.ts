import type { RedirectPage } from '../src/site/site-model.ts';
import { html, safeUrl, toString } from '../src/site/html.ts';
import { CSP } from './partials/page-shell.ts';
import { pageData, type TemplateData } from './partials/page-data.ts';

export const data = pageData('redirect');

/** A moved address: canonical link and meta refresh to the new page (no script), and a plain link for anyone left here. */
export function render({ model: m, site }: TemplateData<RedirectPage>): string {
  return toString(html`<!doctype html>
<html lang="${site.shell.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${m.note}「${m.target.label}」 · ${site.shell.siteTitle}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${safeUrl(m.targetCanonical)}">
<meta http-equiv="refresh" content="0; url=${safeUrl(m.target.url)}">
<link rel="stylesheet" href="${safeUrl(site.shell.cssUrl)}">
</head>
<body>
<main id="main">
<p>${m.note}<a href="${safeUrl(m.target.url)}">「${m.target.label}」</a>。</p>
</main>
</body>
</html>
`);
}
