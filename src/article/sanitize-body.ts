import type { Element, Root } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import { unified } from 'unified';
import { decodeEscapedReferences } from '../seed/decode-escaped-references.ts';
import type { Parent } from './hast-tools.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

const sanitizer = unified().use(rehypeSanitize, sanitizeSchema).freeze();
const KEEPS_EMPTY = new Set(['img', 'br', 'hr', 'td', 'th', 'tr', 'table', 'thead', 'tbody', 'tfoot']);
const CONTENT = new Set(['img', 'table']);
const WRAPPERS = new Set([
  'div', 'span', 'p', 'section', 'figure', 'figcaption', 'blockquote', 'ul', 'ol', 'li', 'a', 'b', 'i', 'u', 's',
  'strong', 'em', 'small', 'mark', 'sub', 'sup', 'cite', 'q', 'h2', 'h3', 'h4', 'h5', 'h6', 'time', 'code', 'dl', 'dt', 'dd',
]);

/**
 * Sanitize a (boilerplate-free, URL-resolved) body tree with the one schema, then decorate it: every image gets
 * `loading="lazy" decoding="async" referrerpolicy="no-referrer"` (images without an http(s) `src` are dropped),
 * every link gets `rel="noopener noreferrer nofollow"`, `<h1>` becomes `<h2>`, and wrappers left with no text
 * and no image are removed. Returns the new tree.
 */
export function sanitizeBody(tree: Root): Root {
  demoteH1(tree);
  const clean = sanitizer.runSync(tree) as Root;
  decorateAndPrune(clean);
  trimEnds(clean);
  return clean;
}

/** Whitespace-only text at the very start and end of the body is noise from the archiver's wrapper. */
function trimEnds(root: Root): void {
  const blank = (i: number): boolean => {
    const node = root.children[i];
    return node !== undefined && node.type === 'text' && node.value.trim() === '';
  };
  while (blank(0)) root.children.shift();
  while (blank(root.children.length - 1)) root.children.pop();
}

function demoteH1(node: Parent): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'h1') child.tagName = 'h2';
    demoteH1(child);
  }
}

function decorateImage(img: Element): boolean {
  const src = img.properties['src'];
  if (typeof src !== 'string' || !/^https?:\/\/[^/]/i.test(src)) return false;
  img.properties['loading'] = 'lazy';
  img.properties['decoding'] = 'async';
  img.properties['referrerPolicy'] = 'no-referrer';
  // Feeds often fill alt with the image's file name ("f3b5-iwx_Large.png"), which a screen reader would
  // spell out and which says nothing: treat it as decorative instead.
  const alt = img.properties['alt'];
  if (typeof alt !== 'string' || FILE_NAME_ALT.test(alt.trim())) img.properties['alt'] = '';
  else img.properties['alt'] = decodeEscapedReferences(alt);
  return true;
}

const FILE_NAME_ALT = /^(?:\S*[/\\])?[\w.~%-]+\.(?:jpe?g|png|gif|webp|avif|svg|bmp)$/i;

/** Code shows its text as written: a character reference spelled out there is meant to be read as one. */
const LITERAL = new Set(['code', 'pre']);

/**
 * One post-order pass over the sanitized tree, compacting children arrays in place: decorate images (dropping
 * those without an http(s) `src`) and links, decode character references the feed escaped twice in text and
 * alt text (outside code), and remove wrappers that hold no text and no image. Returns whether `node` itself
 * has content.
 */
function decorateAndPrune(node: Parent, literal = false): boolean {
  const kids = node.children;
  let content = false;
  let kept = 0;
  for (let i = 0; i < kids.length; i++) {
    const child = kids[i]!;
    let keep: boolean;
    if (child.type === 'text') {
      if (!literal) child.value = decodeEscapedReferences(child.value);
      if (child.value.trim() !== '') content = true;
      keep = true;
    } else if (child.type !== 'element') {
      keep = false;
    } else if (child.tagName === 'img') {
      keep = decorateImage(child);
      if (keep) content = true;
    } else {
      if (child.tagName === 'a' && typeof child.properties['href'] === 'string') {
        child.properties['rel'] = ['noopener', 'noreferrer', 'nofollow'];
      }
      if (decorateAndPrune(child, literal || LITERAL.has(child.tagName)) || CONTENT.has(child.tagName)) {
        content = true;
        keep = true;
      } else {
        keep = KEEPS_EMPTY.has(child.tagName) || !WRAPPERS.has(child.tagName);
      }
    }
    if (keep) kids[kept++] = child;
  }
  kids.length = kept;
  return content;
}
