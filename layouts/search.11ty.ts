import type { SearchPage } from '../src/site/site-model.ts';
import { html, safeUrl } from '../src/site/html.ts';
import { pageShell } from './partials/page-shell.ts';
import { pageData, type TemplateData } from './partials/page-data.ts';

export const data = pageData('search');

/**
 * `/search/?q=…`. Without JavaScript the form still submits (to itself) and the page says that
 * search runs in the browser and offers the topic, outlet and date archives instead. With
 * JavaScript, search/search.js loads the index (src/site/search/) and fills `#search-results`;
 * when the index cannot load, it says so in the status line and shows the archives again.
 */
export function render({ model: m, site }: TemplateData<SearchPage>): string {
  return pageShell(site.shell, m, html`<h1>${m.heading}</h1>
<form class="search-form" id="search-form" action="${safeUrl(m.url)}" method="get" role="search" data-index="${safeUrl(m.indexUrl)}">
<label for="search-q">搜索文章（简体、繁體均可）</label>
<input type="search" id="search-q" name="q" autocomplete="off" spellcheck="false" placeholder="例如：台湾、國安法、新冠疫苗">
<button type="submit">搜索</button>
<fieldset class="search-filters" id="search-filters" hidden>
<legend>排序与筛选</legend>
<div class="search-field"><label for="search-sort">排序</label> <select id="search-sort" name="sort"><option value="relevance">相关度</option><option value="date">日期（新→旧）</option></select></div>
<div class="search-field"><label for="search-year">年份</label> <select id="search-year" name="year"><option value="">全部年份</option></select></div>
<div class="search-field"><label for="search-outlet">媒体</label> <select id="search-outlet" name="outlet"><option value="">全部媒体</option></select></div>
<div class="search-field"><label for="search-topic">话题</label> <select id="search-topic" name="topic"><option value="">全部话题</option></select></div>
</fieldset>
</form>
<div class="search-nojs" id="search-nojs">
<p>全文搜索在浏览器中运行，需要启用 JavaScript。也可以按下列方式浏览存档：</p>
<ul class="groups">${m.browse.map((l) => html`<li><a href="${safeUrl(l.url)}">${l.label}</a></li>`)}</ul>
</div>
<p class="search-status" id="search-status" role="status" aria-live="polite"></p>
<ol class="search-results" id="search-results"></ol>
<nav class="search-pager" id="search-pager" aria-label="搜索结果分页"></nav>
<link rel="stylesheet" href="${safeUrl(m.styleUrl)}">
<script type="module" src="${safeUrl(m.scriptUrl)}"></script>`);
}
