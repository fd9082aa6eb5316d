import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { decodeEscapedReferences } from './decode-escaped-references.ts';

/**
 * Decode HTML character references in a feed title the way a browser would (`&quot;` → `"`), then those the
 * feed escaped twice (`纳粹&amp;#21328;字` → `纳粹卐字`, `&amp;lt;b&amp;gt;` → `<b>`: see
 * decodeEscapedReferences). Tags are NOT interpreted: `a<b>c` stays the text `a<b>c`.
 */
export function decodeTitle(raw: string): string {
  if (!raw.includes('&')) return raw;
  const tree = fromHtml(raw.replaceAll('<', '&lt;'), { fragment: true });
  return decodeEscapedReferences(toText(tree, { whitespace: 'pre' }));
}
