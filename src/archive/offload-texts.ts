import type { Article } from '../article/article.ts';
import type { TextStore } from '../runtime/text-store.ts';

/**
 * Moves every article's `bodyHtml` and `text` (and its captures') into `store`, leaving getters that
 * read them back: the values are unchanged for every reader, but the heap no longer holds them between
 * reads (at 100,000 articles, ~780 MB of the build's ~1 GB of live archive). A capture whose body or text
 * is the article's own shares its entry. Mutates the articles, which nothing else holds by then.
 */
export function offloadTexts(articles: readonly Readonly<Article>[], store: TextStore): void {
  for (const article of articles) {
    const body = store.put(article.bodyHtml);
    const text = store.put(article.text);
    for (const capture of article.captures) {
      offload(capture, 'bodyHtml', capture.bodyHtml === article.bodyHtml ? body : store.put(capture.bodyHtml), store);
      offload(capture, 'text', capture.text === article.text ? text : store.put(capture.text), store);
    }
    offload(article, 'bodyHtml', body, store);
    offload(article, 'text', text, store);
  }
}

function offload(target: object, key: 'bodyHtml' | 'text', id: number, store: TextStore): void {
  Object.defineProperty(target, key, { get: () => store.get(id), enumerable: true, configurable: true });
}
