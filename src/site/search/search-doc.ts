import type { Article } from '../../article/article.ts';
import { dateLabel } from '../date-trail.ts';
import type { ArticlePage } from '../site-model.ts';

/** What the search index holds of one article: searched (title, text), filtered and shown. */
export interface SearchDoc {
  readonly title: string;
  /** Site-relative URL of the article page, with the path prefix. */
  readonly url: string;
  readonly outlet: string;
  /** The topic, then a second one where the article has it: the topic filter matches either. */
  readonly topics: readonly string[];
  /** As shown, e.g. "2023年8月30日". */
  readonly date: string;
  /** `YYYY-MM-DD` in the site's time zone: years and segments are cut on it. */
  readonly day: string;
  /** Plain text of the body. */
  readonly text: string;
  /**
   * The sha256 of the seed file whose parse gave `text` (the article's `contentHash`): stands for the
   * text where the build keeps the index's digests (segment-digests.ts). Absent, the text is read.
   */
  readonly source?: string;
}

/**
 * The search documents of a site, oldest first (document ids follow this order, so ids sort by
 * date). `articles` and `pages` are the archive's articles and their pages in the same order
 * (newest first, as buildSite makes them), so the documents are their reverse. Instead of the pages,
 * the URL of an article's page will do (a build's streamed site, src/site/build-site.ts): the rest
 * comes from the article, as on its page.
 *
 *     const docs = searchDocs(archive.articles, site.lists.article);
 *     const docs = searchDocs(archive.articles, streamed.articleUrl);
 */
export function searchDocs(articles: readonly Readonly<Article>[], pages: readonly ArticlePage[] | ((a: Readonly<Article>) => string)): SearchDoc[] {
  if (typeof pages !== 'function' && articles.length !== pages.length) throw new Error(`searchDocs: ${articles.length} articles but ${pages.length} article pages`);
  const docs: SearchDoc[] = [];
  for (let i = articles.length - 1; i >= 0; i--) {
    const a = articles[i]!;
    // As the article page shows them (ctx.topicLink, ctx.outletLink).
    const topics = [a.topic.label, ...(a.secondTopic ? [a.secondTopic.label] : [])];
    docs.push({
      title: a.title,
      // No closure here may refer to `pages`: each document's text getter would keep it (and what a URL function refers to: the whole site).
      url: typeof pages === 'function' ? pages(a) : pages[i]!.url,
      outlet: a.outlet.name,
      topics,
      date: dateLabel(a.keys.day),
      day: a.keys.day,
      source: a.contentHash,
      // Read when indexed, not held by every document at once (src/archive/offload-texts.ts).
      get text() {
        return a.text;
      },
    });
  }
  return docs;
}
