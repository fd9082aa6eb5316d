import type { SearchPage } from '../src/site/site-model.ts';
import { html, safeUrl } from '../src/site/html.ts';
import { pageShell } from './partials/page-shell.ts';
import { pageData, type TemplateData } from './partials/page-data.ts';

export const data = pageData('search');

/**
 * `/search/?q=…`. Without JavaScript the form still submits (to itself) and the page says that
 * search runs in the browser and offers the topic, outlet and date archives instead. With
 * JavaScript, public/search/search.js loads the Pagefind bundle and fills `#search-results`.
 */
export function render({ model: m, site }: TemplateData<SearchPage>): string {
  return pageShell(site.shell, m, html`<h1>${m.heading}</h1>
<form class="search-form" id="search-form" action="${safeUrl(m.url)}" method="get" role="search" data-bundle="${safeUrl(m.bundleUrl)}">
<label for="search-q">搜索文章</label>
<input type="search" id="search-q" name="q" autocomplete="off" spellcheck="false" placeholder="例如：朝鲜、经济">
<fieldset class="search-filters" id="search-filters" hidden>
<legend>筛选</legend>
<label for="search-outlet">媒体</label> <select id="search-outlet" name="outlet"><option value="">全部媒体</option></select>
<label for="search-topic">话题</label> <select id="search-topic" name="topic"><option value="">全部话题</option></select>
</fieldset>
<button type="submit">搜索</button>
</form>
<div class="search-nojs" id="search-nojs">
<p>全文搜索在浏览器中运行，需要启用 JavaScript。也可以按下列方式浏览存档：</p>
<ul class="groups">${m.browse.map((l) => html`<li><a href="${safeUrl(l.url)}">${l.label}</a></li>`)}</ul>
</div>
<p class="search-status" id="search-status" role="status" aria-live="polite"></p>
<ol class="search-results" id="search-results"></ol>
<link rel="stylesheet" href="${safeUrl(m.styleUrl)}">
<script type="module" src="${safeUrl(m.scriptUrl)}"></script>`);
}
