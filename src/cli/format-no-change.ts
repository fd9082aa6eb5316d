import type { StampSummary } from './fast-path/build-stamp.ts';

const number = new Intl.NumberFormat('en-US');

/** What a no-change build prints: that nothing changed, what it checked, and the last build's figures and rejected files. */
export function formatNoChange(summary: StampSummary, checked: string, output: string, ms: number): string {
  const n = (value: number): string => number.format(value);
  return [
    `Nothing changed since the last build of ${output} (checked in ${(ms / 1000).toFixed(2)} s): ${n(summary.articles)} article${summary.articles === 1 ? '' : 's'}, ${n(summary.pagesTotal)} pages left as they are`,
    `  checked            ${checked}`,
    `  files read         0 of ${n(summary.filesRead)} (none changed)`,
    `  files rejected     ${n(summary.rejected)}`,
    `  warnings           ${n(summary.warnings)}`,
    `  duplicates merged  ${n(summary.duplicatesMerged)}`,
    `  pages written      0 of ${n(summary.pagesTotal)}`,
    ...summary.rejectedLines,
  ].join('\n');
}
