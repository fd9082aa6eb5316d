import type { Element, ElementContent, Root, RootContent } from 'hast';

/** Small helpers shared by the tree passes of this folder (kept iterative-free but depth-bounded by parse-body-html). */
export type Parent = Root | Element;

export function isElement(node: RootContent | ElementContent | Root | undefined): node is Element {
  return node !== undefined && node.type === 'element';
}

/** Concatenated text of a subtree (no layout, just the characters). */
export function textOf(node: RootContent | ElementContent | Root): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  if (node.type === 'element' && node.tagName === 'br') return ' ';
  let out = '';
  for (const child of node.children) out += textOf(child);
  return out;
}

/** Class names of an element as a single space-joined string. */
export function classOf(el: Element): string {
  const value = el.properties['className'];
  return Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
}

/** Whether a subtree contains an element with one of the tag names. */
export function hasDescendant(node: Parent, names: ReadonlySet<string>): boolean {
  for (const child of node.children) {
    if (child.type === 'element' && (names.has(child.tagName) || hasDescendant(child, names))) return true;
  }
  return false;
}

/** Children that are not whitespace-only text nor comments. */
export function meaningfulChildren(node: Parent): Array<RootContent | ElementContent> {
  return node.children.filter(
    (c) => c.type === 'element' || (c.type === 'text' && c.value.trim() !== ''),
  );
}

/** Trim whitespace, collapse runs of whitespace (incl. NBSP) and drop zero-width characters. */
export function normalizeSpace(s: string): string {
  return s.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/**
 * Raw (not whitespace-normalized) text of a subtree when it has at most `cap` characters, else undefined; stops
 * walking as soon as the cap is passed, so asking every block of a long body costs no more than `cap` per block.
 */
export function rawTextUpTo(node: RootContent | ElementContent | Root, cap: number): string | undefined {
  collected = '';
  return collect(node, cap) ? collected : undefined;
}

let collected = '';
function collect(node: RootContent | ElementContent | Root, cap: number): boolean {
  if (node.type === 'text') {
    collected += node.value;
    return collected.length <= cap;
  }
  if (node.type !== 'element' && node.type !== 'root') return true;
  for (const child of node.children) if (!collect(child, cap)) return false;
  return true;
}
