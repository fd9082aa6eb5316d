import type { Root } from 'hast';
import { isElement, meaningfulChildren, normalizeSpace, textOf } from './hast-tools.ts';

/** Datelines outlets put first: RFI `30/08/2023 - 20:34`, DW `文山 2020-07-20T12:16:08.721Z`, NYT `张彦 2020-07-17 16:57:45`, VOA `Sat, 18 Jul 2020 18:19:12 GMT`. */
const DATELINE = new RegExp(
  [
    String.raw`\d{1,2}/\d{1,2}/\d{4}\s*-\s*\d{1,2}:\d{2}`,
    String.raw`\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`,
    String.raw`(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}(?::\d{2})? (?:GMT|UTC|[+-]\d{4})`,
    String.raw`\d{4}年\d{1,2}月\d{1,2}日(?:\s*\d{1,2}:\d{2})?`,
  ].map((p) => `(?:${p})`).join('|') + '$',
);

/**
 * When the sanitized body starts with a short block that is only a dateline (optionally preceded by a byline),
 * remove that block and return its text with whitespace collapsed; otherwise return undefined.
 */
export function extractDateline(tree: Root): string | undefined {
  const first = meaningfulChildren(tree)[0];
  if (!isElement(first) || first.tagName === 'img') return undefined;
  if (first.tagName !== 'div' && first.tagName !== 'p' && first.tagName !== 'time' && first.tagName !== 'span') return undefined;
  const text = normalizeSpace(textOf(first));
  if (text.length === 0 || text.length > 80 || !DATELINE.test(text)) return undefined;
  tree.children.splice(tree.children.indexOf(first), 1);
  return text;
}
