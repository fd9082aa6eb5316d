import type { CaptureLink } from '../../src/site/site-model.ts';
import { html, safeUrl, type Html } from '../../src/site/html.ts';

/** "抓取记录": every capture of the article, newest first, the current one marked; link to the changes. */
export function captureList(captures: readonly CaptureLink[], changesUrl: string | undefined, current?: number): Html {
  return html`<section class="captures" aria-labelledby="captures-h"><h2 id="captures-h">抓取记录（${captures.length} 次）</h2><ol>${captures.map(
    (c) => html`<li${c.number === (current ?? captures[0]?.number) ? html` aria-current="page"` : ''}>${
      c.number === (current ?? captures[0]?.number)
        ? html`<time datetime="${c.time.iso}">${c.time.display}</time>`
        : html`<a href="${safeUrl(c.url)}"><time datetime="${c.time.iso}">${c.time.display}</time></a>`
    }${c.latest ? html` <span class="tag">最新</span>` : ''} <bdi class="capture-title">${c.title}</bdi></li>`,
  )}</ol>${changesUrl ? html`<p><a href="${safeUrl(changesUrl)}">查看各次抓取之间的改动</a></p>` : ''}</section>`;
}
