import { Feed } from 'feed';
import type { FeedModel } from './feed-model.ts';

/**
 * The Atom 1.0 document of one feed, via the `feed` package, with the inputs prepared so the output
 * is well-formed XML whatever the titles hold:
 *
 * - characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates) are dropped;
 * - titles and summaries are HTML-escaped and sent as `type="html"`, so no `]]>` can end their CDATA
 *   early (`feed` only splits the first `]]>` of a CDATA section);
 * - every `]]>` of the body becomes `]]&gt;`, the same HTML, for the same reason;
 * - `<` in a category label (an attribute `feed` does not escape) becomes `＜`.
 *
 * `updated` is the newest entry's time, never the clock, so the same model gives the same bytes.
 */
export function renderAtom(model: FeedModel): string {
  const feed = new Feed({
    id: model.selfUrl,
    title: xmlText(model.title),
    description: xmlText(model.subtitle),
    link: model.pageUrl,
    feed: model.selfUrl,
    updated: new Date(model.updated),
    generator: 'Clippings',
  });
  for (const entry of model.entries) {
    const summary = escapeHtmlText(xmlText(entry.summary));
    feed.addItem({
      id: entry.url,
      link: entry.url,
      title: escapeHtmlText(xmlText(entry.title)),
      date: new Date(entry.published),
      published: new Date(entry.published),
      ...(summary ? { description: summary } : {}),
      ...(entry.contentHtml ? { content: xmlText(entry.contentHtml).replaceAll(']]>', ']]&gt;') } : {}),
      author: [{ name: xmlText(entry.author) }],
      category: [{ term: entry.category.term, name: xmlText(entry.category.label).replaceAll('<', '＜') }],
    });
  }
  return feed.atom1();
}

/** Drops every character XML 1.0 does not allow (lone surrogates included). */
function xmlText(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

function escapeHtmlText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}
