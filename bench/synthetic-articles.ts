/**
 * A synthetic archive for the related-articles benchmarks (build-site-related.ts, related-quality.ts):
 * vocabulary titles and 8-sentence bodies from chinese-text.ts, one article every 47 minutes, topics
 * in rotation. The same count always gives the same articles.
 */
import type { Article } from '../src/article/article.ts';
import { makeArticle } from '../test/support/make-article.ts';
import { mulberry32, sentence, title } from './chinese-text.ts';

const TOPICS = ['中国', '国际', '财经', '科技', '文化', '体育', '港澳台', '评论'].map((label, i) => ({ label, slug: `topic-${i}` }));

/** `extra(i)` adds or overrides fields of article i (ids, URLs, outlets). */
export function syntheticArticles(count: number, extra: (index: number) => Partial<Article> = () => ({})): Article[] {
  const rng = mulberry32(42);
  return Array.from({ length: count }, (_, i) => {
    const text = Array.from({ length: 8 }, () => sentence(rng)).join('');
    return makeArticle({
      publishedAt: 1693421125000 - i * 47 * 60_000,
      title: title(rng),
      topic: TOPICS[i % TOPICS.length],
      text,
      lead: text.slice(0, 200),
      summary: text.slice(0, 120),
      bodyHtml: `<p>${text}</p>`,
      ...extra(i),
    });
  });
}
