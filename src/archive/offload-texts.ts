import type { ParsedArticle } from '../article/article.ts';
import type { TextStore } from '../runtime/text-store.ts';

/**
 * Moves an article's `bodyHtml`, `text` and `topicText` (and its captures' bodies and texts) into
 * `store` as soon as it is parsed or read from the cache, leaving getters that read them back: every
 * reader sees the same values, but the heap no longer holds them between reads (~780 MB of the ~1 GB
 * of a 100,000-article archive). A capture whose body or text equals the article's shares its entry,
 * so there is one copy whatever the parse result's origin (a worker's clone, a cache line). Copies
 * made with withFields (with-fields.ts) keep the getters. Already offloaded articles are left as they are.
 */
export function offloadTexts(article: Readonly<ParsedArticle>, store: TextStore): void {
  if (Object.getOwnPropertyDescriptor(article, 'text')?.get !== undefined) return;
  const body = store.put(article.bodyHtml);
  const text = store.put(article.text);
  for (const capture of article.captures) {
    if (Object.getOwnPropertyDescriptor(capture, 'text')?.get !== undefined) continue;
    offload(capture, 'bodyHtml', capture.bodyHtml === article.bodyHtml ? body : store.put(capture.bodyHtml), store);
    offload(capture, 'text', capture.text === article.text ? text : store.put(capture.text), store);
  }
  if (article.topicText !== undefined) offload(article, 'topicText', store.put(article.topicText), store);
  offload(article, 'bodyHtml', body, store);
  offload(article, 'text', text, store);
}

function offload(target: object, key: 'bodyHtml' | 'text' | 'topicText', id: number, store: TextStore): void {
  Object.defineProperty(target, key, { get: () => store.get(id), enumerable: true, configurable: true });
}
