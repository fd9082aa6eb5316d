import type { Element, Root } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import { unified } from 'unified';
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
  decorate(clean);
  dropEmpty(clean);
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

function decorate(node: Parent): void {
  node.children = node.children.filter((child) => {
    if (child.type !== 'element') return true;
    if (child.tagName === 'img') return decorateImage(child);
    if (child.tagName === 'a' && typeof child.properties['href'] === 'string') {
      child.properties['rel'] = ['noopener', 'noreferrer', 'nofollow'];
    }
    decorate(child);
    return true;
  }) as typeof node.children;
}

function decorateImage(img: Element): boolean {
  const src = img.properties['src'];
  if (typeof src !== 'string' || !/^https?:\/\/[^/]/i.test(src)) return false;
  img.properties['loading'] = 'lazy';
  img.properties['decoding'] = 'async';
  img.properties['referrerPolicy'] = 'no-referrer';
  return true;
}

/** Remove wrappers that hold no text and no image; returns whether `node` itself has content. */
function dropEmpty(node: Parent): boolean {
  let content = false;
  node.children = node.children.filter((child) => {
    if (child.type === 'text') {
      if (child.value.trim() !== '') content = true;
      return true;
    }
    if (child.type !== 'element') return false;
    const inner = dropEmpty(child);
    if (inner || CONTENT.has(child.tagName)) {
      content = true;
      return true;
    }
    if (KEEPS_EMPTY.has(child.tagName)) return true;
    return !WRAPPERS.has(child.tagName);
  }) as typeof node.children;
  return content;
}
