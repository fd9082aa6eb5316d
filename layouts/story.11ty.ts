import type { OutletCoverage, StoryArticle, StoryPage } from '../src/site/site-model.ts';
import { html, safeUrl, type Html } from '../src/site/html.ts';
import { pageShell } from './partials/page-shell.ts';
import { pageData, type TemplateData } from './partials/page-data.ts';

export const data = pageData('story');

/**
 * `/stories/<id>/`: who covered the event and when (the coverage row), each outlet's first headline
 * and lead side by side (a table on wide screens, stacked cards on narrow ones, by CSS alone), then
 * the timeline of every article.
 */
export function render({ model: m, site }: TemplateData<StoryPage>): string {
  return pageShell(site.shell, m, html`<article class="story">
<header>
<p class="kicker">事件 · <time datetime="${m.start.iso}">${m.span}</time> · ${m.summary}</p>
<h1 dir="auto">${m.heading}</h1>
${m.lede ? html`<p class="lede" dir="auto">${m.lede}</p>` : ''}
<p class="meta">标题与摘要取自${m.source.outlet}的报道<a href="${safeUrl(m.source.url)}"><bdi>《${m.source.label}》</bdi></a></p>
</header>
<section aria-labelledby="coverage-h"><h2 id="coverage-h">谁报道了</h2>
<ul class="coverage">${m.coverage.map(coverageItem)}</ul>
<p class="meta">“未报道”：这家媒体在这几天有其他文章，但没有关于这一事件的报道；“无存档”：存档里没有这家媒体这几天的文章。</p>
</section>
<section aria-labelledby="headlines-h"><h2 id="headlines-h">各家标题对照</h2>
<table class="headlines"><thead><tr><th scope="col">媒体</th><th scope="col">首篇报道的标题与导语</th><th scope="col">时间</th></tr></thead><tbody>${m.headlines.map(headlineRow)}</tbody></table>
</section>
<section aria-labelledby="timeline-h"><h2 id="timeline-h">时间线</h2>
<ol class="timeline">${m.timeline.map(timelineItem)}</ol>
</section>
</article>`);
}

function coverageItem(c: OutletCoverage): Html {
  if (c.state === 'covered') return html`<li class="covered"><a href="${safeUrl(c.url)}">${c.label}</a> <span class="n">${c.count} 篇</span></li>`;
  return html`<li class="${c.state}"><a href="${safeUrl(c.url)}">${c.label}</a> <span class="n">${c.state === 'silent' ? '未报道' : '无存档'}</span></li>`;
}

function headlineRow(h: StoryArticle): Html {
  return html`<tr><th scope="row"><a href="${safeUrl(h.outlet.url)}">${h.outlet.label}</a></th><td><a class="headline" href="${safeUrl(h.url)}" dir="auto"><bdi>${h.title}</bdi></a>${
    h.lead ? html`<p class="summary" dir="auto">${h.lead}</p>` : ''
  }</td><td><time datetime="${h.time.iso}">${h.time.display}</time></td></tr>`;
}

function timelineItem(t: StoryArticle): Html {
  return html`<li${t.firstOfOutlet ? html` class="first"` : ''}><p class="meta"><time datetime="${t.time.iso}">${t.time.display}</time> · <a href="${safeUrl(t.outlet.url)}">${t.outlet.label}</a>${
    t.firstOfOutlet ? html` <span class="tag">首篇</span>` : ''
  }</p><h3 class="entry-title"><a href="${safeUrl(t.url)}" dir="auto"><bdi>${t.title}</bdi></a></h3>${t.lead ? html`<p class="summary" dir="auto">${t.lead}</p>` : ''}</li>`;
}
