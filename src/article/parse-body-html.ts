import type { Element, Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { parseReadable } from './parse-readable.ts';

/** Deepest element nesting that the recursive tree passes (hast conversion, sanitize, serialize) get. */
export const MAX_DEPTH = 400;

type P5Node = DefaultTreeAdapterMap['childNode'];
type P5Parent = DefaultTreeAdapterMap['parentNode'];

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose end tag is usually implied, so they rarely nest: do not count them. */
const IMPLIED = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'rt', 'rp']);
/** What the schema strips with its content (parseReadable already released the text of noscript, svg, math…). */
const SKIP = new Set(['script', 'style', 'template', 'iframe', 'title', 'select', 'option', 'button', 'head']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);

/**
 * Parse body HTML into a hast tree like a browser would (parse5), with the text of `<noscript>`, `<svg>`,
 * `<math>`, `<textarea>`, `<xmp>` and `<plaintext>` released as ordinary markup (parseReadable). Bodies nested deeper than MAX_DEPTH would
 * overflow the stack in the recursive passes, so they are flattened instead: their text is kept as plain `<p>`
 * paragraphs (markup and images are lost). `flattened` says which happened.
 */
export function parseBodyHtml(html: string): { readonly tree: Root; readonly flattened: boolean } {
  if (estimateDepth(html) <= MAX_DEPTH) {
    try {
      return { tree: toHast(parseReadable(html)), flattened: false };
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  const fragment = parseReadable(html);
  if (maxDepth(fragment) <= MAX_DEPTH) {
    try {
      return { tree: toHast(fragment), flattened: false };
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  return { tree: paragraphsOf(fragment), flattened: true };
}

/**
 * What `fromHtml(html, { fragment: true })` does, minus source locations: nothing downstream reads node
 * positions, and asking parse5 for them costs an object per node and tag (a third of the parse time and most
 * of the garbage on large bodies); parseReadable asks only when a raw-text element must say whether it was
 * closed. Scripting is off as in hast-util-from-html, so `<noscript>` content is parsed as markup.
 */
function toHast(fragment: DefaultTreeAdapterMap['documentFragment']): Root {
  return fromParse5(fragment) as Root;
}

/** Upper-bound-ish nesting estimate from the tag stream, without building a tree. */
function estimateDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
    const next = html.charCodeAt(i + 1);
    if (next === 47 /* / */) {
      if (depth > 0) depth--;
      continue;
    }
    const isLetter = (next >= 65 && next <= 90) || (next >= 97 && next <= 122);
    if (!isLetter) continue;
    let end = i + 1;
    while (end < html.length && isNameChar(html.charCodeAt(end))) end++;
    const name = html.slice(i + 1, end).toLowerCase();
    if (VOID.has(name) || IMPLIED.has(name)) continue;
    if (++depth > max) max = depth;
  }
  return max;
}

/** `[a-zA-Z0-9-]` */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45;
}

function maxDepth(root: P5Parent): number {
  let max = 0;
  const stack: Array<[P5Parent, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    for (const child of node.childNodes as P5Node[]) {
      if ('childNodes' in child) stack.push([child as P5Parent, depth + 1]);
    }
  }
  return max;
}

/** Iterative walk collecting text; block boundaries start new paragraphs. */
function paragraphsOf(root: P5Parent): Root {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text !== '') paragraphs.push(text);
    current = '';
  };
  const stack: Array<P5Node | 'break'> = [...(root.childNodes as P5Node[])].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'break') {
      flush();
      continue;
    }
    if (node.nodeName === '#text' && 'value' in node) {
      current += node.value;
      continue;
    }
    if (!('tagName' in node) || SKIP.has(node.tagName)) continue;
    const block = BLOCK.has(node.tagName);
    if (block) stack.push('break');
    const kids = (node as P5Parent).childNodes as P5Node[];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    if (block) flush();
  }
  flush();
  const children: Element[] = paragraphs.map((value) => ({
    type: 'element',
    tagName: 'p',
    properties: {},
    children: [{ type: 'text', value }],
  }));
  return { type: 'root', children };
}
