import type { Archive } from '../archive/archive.ts';
import { formatProblem } from '../seed/seed-problem.ts';
import type { BuildResult } from './run-build.ts';

const number = new Intl.NumberFormat('en-US');

/** The end-of-build summary: counts, then every rejected file with its problems, then warnings. */
export function formatSummary(result: BuildResult, output: string, options: { showWarnings?: boolean } = {}): string {
  const { archive } = result;
  const lines: string[] = [];
  lines.push(`Built ${n(archive.articles.length)} article${archive.articles.length === 1 ? '' : 's'} into ${output} in ${(result.ms / 1000).toFixed(1)} s${result.incremental ? ' (incremental)' : ''}`);
  lines.push(`  files read         ${n(archive.filesRead)} (${n(result.parsed)} parsed, ${n(archive.filesRead - result.parsed)} from cache)`);
  lines.push(`  files rejected     ${n(archive.rejected.length)}`);
  lines.push(`  warnings           ${n(archive.warnings.length)}`);
  lines.push(`  duplicates merged  ${n(archive.duplicatesMerged)}`);
  lines.push(`  pages written      ${n(result.pagesWritten)} of ${n(result.pagesTotal)}${result.pagesDeleted ? `, ${n(result.pagesDeleted)} deleted` : ''}`);
  if (result.search) {
    const s = result.search;
    lines.push(`  search index       ${n(s.docs)} articles, ${n(s.files)} files, ${(s.bytes / 1048576).toFixed(1)} MB; ${s.written.length} of ${s.segments.length} segments written (${n(s.docsIndexed)} articles) in ${(s.ms / 1000).toFixed(1)} s`);
  }
  lines.push(...formatRejected(archive));
  if (options.showWarnings && archive.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const w of archive.warnings) lines.push(`  ${formatProblem(w)}`);
  }
  return lines.join('\n');
}

/** Rejected files grouped by file: the problems of each, as `path:line: reason`. */
export function formatRejected(archive: Pick<Archive, 'rejected'>): string[] {
  if (archive.rejected.length === 0) return [];
  const lines = ['', 'Rejected files (not built):'];
  for (const file of archive.rejected) {
    for (const problem of file.problems.filter((p) => p.severity === 'error')) lines.push(`  ${formatProblem(problem)}`);
    if (!file.problems.some((p) => p.severity === 'error')) lines.push(`  ${file.path}:1: rejected`);
  }
  return lines;
}

function n(value: number): string {
  return number.format(value);
}
