import type { CaptureLink } from '../../src/site/site-model.ts';
import { html, safeUrl, type Html } from '../../src/site/html.ts';

/** "抓取记录" on the article page: every capture, newest first, this one (the newest) marked; the earlier ones and the changes link to the changes page. */
export function captureList(captures: readonly CaptureLink[], changesUrl: string | undefined): Html {
  return html`<section class="captures" aria-labelledby="captures-h"><h2 id="captures-h">抓取记录（${captures.length} 次）</h2><ol>${captures.map(
    (c) => html`<li${c.latest ? html` aria-current="page"` : ''}>${
      c.latest
        ? html`<time datetime="${c.time.iso}">${c.time.display}</time>`
        : html`<a href="${safeUrl(c.url)}"><time datetime="${c.time.iso}">${c.time.display}</time></a>`
    }${c.latest ? html` <span class="tag">最新</span>` : ''} <bdi class="capture-title">${c.title}</bdi></li>`,
  )}</ol>${changesUrl ? html`<p><a href="${safeUrl(changesUrl)}">查看各次抓取之间的改动</a></p>` : ''}</section>`;
}
