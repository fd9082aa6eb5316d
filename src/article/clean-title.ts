import { normalizeSpace } from './hast-tools.ts';

/** Outlet suffixes that feeds append to headlines. */
const SUFFIXES: readonly RegExp[] = [
  /\s*[–—-]\s*法国国际广播电台\s*[–—-]\s*RFI$/,
  /\s+[–—-]\s*RFI$/,
  /\s+[|｜]\s*路透$/,
  /\s+[–—|-]\s*BBC News\s*中文$/,
  /\s+[–—|-]\s*BBC\s*英伦网$/,
  /\s+[–—|-]\s*纽约时报中文网$/,
  /\s+[|｜]\s*DW\s*[|｜].*$/,
  /\s+[–—|-]\s*美国之音$/,
  /\s+[–—|-]\s*FT中文网$/,
];

/**
 * Clean a decoded title: outlet suffixes (` – 法国国际广播电台 - RFI`, ` | 路透`, ` - BBC News 中文`…) and, when
 * given, a trailing ` - <column>` equal to the topic label are removed; whitespace (NBSP, ideographic space,
 * zero-width) is collapsed. Never returns an empty string when the input had text.
 */
export function cleanTitle(title: string, topicLabel?: string): string {
  const original = normalizeSpace(title);
  let clean = original;
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of SUFFIXES) {
      const next = clean.replace(suffix, '');
      if (next !== clean && next.trim() !== '') {
        clean = next.trim();
        changed = true;
      }
    }
    if (topicLabel !== undefined && clean.endsWith(` - ${topicLabel}`) && clean.length > topicLabel.length + 3) {
      clean = clean.slice(0, -(topicLabel.length + 3)).trim();
      changed = true;
    }
  }
  return clean || original;
}
