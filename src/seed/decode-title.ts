import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

/**
 * Decode HTML character references in a feed title exactly once (`&quot;` → `"`, `&amp;lt;` → `&lt;`),
 * the way a browser would. Tags are NOT interpreted: `a<b>c` stays the text `a<b>c`.
 */
export function decodeTitle(raw: string): string {
  if (!raw.includes('&')) return raw;
  const tree = fromHtml(raw.replaceAll('<', '&lt;'), { fragment: true });
  return toText(tree, { whitespace: 'pre' });
}
