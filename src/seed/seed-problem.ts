/**
 * A problem found in one seed file, reported as `path:line: message`.
 * Errors reject the file; warnings are printed and the article is still built.
 */
export interface SeedProblem {
  readonly path: string;
  /** 1-based line number the problem is on (1 when the file as a whole is at fault). */
  readonly line: number;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export function formatProblem(p: SeedProblem): string {
  return `${p.path}:${p.line}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}
