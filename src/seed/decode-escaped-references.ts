import { parseFragment } from 'parse5';

/** A character reference spelled out in text: `&#21328;`, `&#x5350;`, `&quot;`. Text never holds one unless its source escaped it twice. */
const REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/g;

/**
 * Decode the character references left in already-decoded text: what a feed escaped twice
 * (`纳粹&amp;#21328;字` in the source is the text `纳粹&#21328;字`, which a reader should see as `纳粹卐字`).
 * Only one reference at a time is decoded, by the HTML parser, into a character of text: the result is
 * never markup (`&lt;script&gt;` becomes the text `<script>`, escaped again wherever it is written).
 * Unknown names (`&foo;`) and references to control characters stay as they are.
 *
 *     decodeEscapedReferences('大&#22338;直美'); // '大坂直美'
 */
export function decodeEscapedReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (reference) => {
    const node = parseFragment(reference).childNodes[0];
    const value = node !== undefined && 'value' in node ? node.value : reference;
    // One or two code units (a few named references are two code points), and nothing a reader cannot see:
    // `&notit;` decodes as `¬it;` (the legacy `&not`), `&#1;` as a control character; both stay as written.
    return value.length <= 2 && !UNSEEN.test(value) ? value : reference;
  });
}

const UNSEEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/;
