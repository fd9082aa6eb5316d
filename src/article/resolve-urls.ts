import type { Element, Root } from 'hast';
import type { Parent } from './hast-tools.ts';

/**
 * Make image and link URLs absolute before sanitizing: promote lazy-loading `data-src`/`data-original` to
 * `src` when `src` is missing or empty, resolve relative, root-relative and protocol-relative `src`/`href`
 * against the article URL, and drop `srcset` (its candidates are not checked one by one, so it is not kept).
 * Mutates `tree`.
 */
export function resolveUrls(tree: Root, articleUrl: string): void {
  let base: URL | undefined;
  try {
    base = new URL(articleUrl);
  } catch {
    base = undefined;
  }
  visit(tree, base);
}

function visit(node: Parent, base: URL | undefined): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'img') fixImage(child, base);
    else if (child.tagName === 'a') fixAttr(child, 'href', base);
    visit(child, base);
  }
}

function fixImage(img: Element, base: URL | undefined): void {
  const p = img.properties;
  const src = typeof p['src'] === 'string' ? p['src'].trim() : '';
  if (src === '' || src.startsWith('data:')) {
    const lazy = [p['dataSrc'], p['dataOriginal'], p['dataLazySrc']].find((v) => typeof v === 'string' && v.trim() !== '');
    if (typeof lazy === 'string') p['src'] = lazy.trim();
  }
  delete p['srcSet'];
  fixAttr(img, 'src', base);
}

function fixAttr(el: Element, key: 'src' | 'href', base: URL | undefined): void {
  const value = el.properties[key];
  if (typeof value !== 'string') return;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.startsWith('#')) {
    delete el.properties[key];
    return;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^https?:/i.test(trimmed)) return; // mailto:, javascript:... judged by the schema
  try {
    el.properties[key] = new URL(trimmed, base).href;
  } catch {
    delete el.properties[key];
  }
}
