import type { ElementContent, Root, RootContent } from 'hast';

const BLOCK = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'figure', 'figcaption',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'pre', 'hr', 'section',
]);

/**
 * Plain text of a sanitized body, one line per block (paragraph, heading, list item, table row...): NBSP and
 * ideographic-space runs become a single space, zero-width characters go, U+2028/2029 end lines, blank lines
 * collapse. A linear walk (hast-util-to-text's layout rules are not needed on sanitized markup).
 */
export function bodyText(tree: Root): string {
  const parts: string[] = [];
  const walk = (node: RootContent | ElementContent): void => {
    if (node.type === 'text') {
      parts.push(node.value.includes('\n') ? node.value.replace(/\n/g, ' ') : node.value);
      return;
    }
    if (node.type !== 'element') return;
    if (node.tagName === 'br') {
      parts.push('\n');
      return;
    }
    const block = BLOCK.has(node.tagName);
    if (block) parts.push('\n');
    for (const child of node.children) walk(child);
    if (block) parts.push('\n');
    else if (node.tagName === 'td' || node.tagName === 'th') parts.push(' ');
  };
  for (const child of tree.children) walk(child);
  // Whitespace runs are collapsed over the whole text at once (the class has no line break, so this is the same
  // as per line), then each line is trimmed; a regex per line costs a lot on bodies of 200,000 paragraphs.
  const lines = parts
    .join('')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(/[ \t\f\r\u00a0\u3000]+/g, ' ')
    .split('\n');
  const kept: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line !== '') kept.push(line);
  }
  return kept.join('\n');
}
