import type { Root } from 'hast';
import { toText } from 'hast-util-to-text';

/**
 * Plain text of a sanitized body, one line per block: NBSP and ideographic-space runs become a single space,
 * zero-width characters and U+2028/2029 are normalized, blank lines collapse.
 */
export function bodyText(tree: Root): string {
  return toText(tree)
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u2028\u2029]/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0\u3000]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
