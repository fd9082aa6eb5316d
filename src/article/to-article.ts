import { createHash } from 'node:crypto';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { SeedParts } from '../seed/split-seed.ts';
import type { SeedProblem } from '../seed/seed-problem.ts';
import type { ParsedArticle, ParseOptions } from './article.ts';
import { bodyText } from './body-text.ts';
import { canonicalUrl } from './canonical-url.ts';
import { cleanTitle } from './clean-title.ts';
import { dayKeys } from './day-keys.ts';
import { extractDateline } from './extract-dateline.ts';
import { extractHero } from './extract-hero.ts';
import { findOutlet } from './find-outlet.ts';
import { findSection } from './find-section.ts';
import { isElement, normalizeSpace, textOf, type Parent } from './hast-tools.ts';
import { parseBodyHtml } from './parse-body-html.ts';
import { readingMinutes } from './reading-minutes.ts';
import { removeBoilerplate } from './remove-boilerplate.ts';
import { resolveUrls } from './resolve-urls.ts';
import { sanitizeBody } from './sanitize-body.ts';
import { summarize } from './summarize.ts';
import { DEFAULT_TAXONOMY } from './topic-taxonomy.ts';

/**
 * Turn the split parts of one seed into an Article: parse the body like a browser, strip boilerplate, resolve
 * URLs, sanitize, take out the dateline and hero, and derive every field templates need. Rejects (no article)
 * when nothing readable is left. May throw on library bugs; parseArticle wraps it.
 */
export function toArticle(
  parts: SeedParts,
  bytes: Uint8Array,
  path: string,
  options: ParseOptions,
): { readonly article?: ParsedArticle; readonly problems: readonly SeedProblem[] } {
  const problems: SeedProblem[] = [];
  const canonical = canonicalUrl(parts.url);
  const outlet = findOutlet(canonical, options.outlets);
  const section = findSection(canonical, DEFAULT_TAXONOMY.outlets[outlet.key]);
  const title = cleanTitle(parts.title, section?.label);

  const parsed = parseBodyHtml(parts.body);
  if (parsed.flattened) {
    problems.push({
      path, line: parts.bodyLine, severity: 'warning',
      message: 'the body nests HTML elements too deeply to render safely; only its text was kept, as plain paragraphs',
    });
  }
  let tree: Root = parsed.tree;
  removeBoilerplate(tree, title);
  resolveUrls(tree, canonical);
  tree = sanitizeBody(tree);
  const dateline = extractDateline(tree);
  const hero = extractHero(tree);
  const text = bodyText(tree);
  if (text === '' && hero === undefined && !hasImage(tree)) {
    const reason = /<(?:iframe|video|embed|object|youtube-player|play-media)\b/i.test(parts.body)
      ? 'the article body only embeds a video or other media (iframe/player), which is removed for safety; add the article text'
      : 'the article body has no text or images left after removing scripts, ads and boilerplate; add the article text';
    return { problems: [...problems, { path, line: parts.bodyLine, severity: 'error', message: reason }] };
  }

  const id = createHash('sha256').update(canonical).digest('hex').slice(0, 16);
  const bodyHtml = toHtml(tree);
  const lead = leadOf(tree) || (text.split('\n', 1)[0] ?? '');
  const contentHash = createHash('sha256').update(bytes).digest('hex');
  const article: ParsedArticle = {
    id,
    slug: id,
    url: parts.url,
    canonicalUrl: canonical,
    outlet: { key: outlet.key, name: outlet.name },
    ...(section !== undefined ? { section } : {}),
    title,
    publishedAt: parts.publishedAt,
    keys: dayKeys(parts.publishedAt, options.timeZone),
    ...(dateline !== undefined ? { dateline } : {}),
    lead,
    summary: summarize(lead || text),
    ...(hero !== undefined ? { hero } : {}),
    bodyHtml,
    text,
    readingMinutes: readingMinutes(text),
    sourcePath: path,
    contentHash,
    captures: [{ capturedAt: parts.publishedAt, title, text, bodyHtml, sourcePath: path, contentHash }],
  };
  return { article, problems };
}

/** Text of the first paragraph that has any. */
function leadOf(node: Parent): string {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (child.tagName === 'p') {
      const text = normalizeSpace(textOf(child));
      if (text !== '') return text;
    } else {
      const inner = leadOf(child);
      if (inner !== '') return inner;
    }
  }
  return '';
}

function hasImage(node: Parent): boolean {
  return node.children.some((c) => isElement(c) && (c.tagName === 'img' || hasImage(c)));
}
