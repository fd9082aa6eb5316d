/**
 * How the benchmark calls the real CLI: `node bin/clippings.js build --input … --output … [--full]`,
 * with the parse cache pointed at a folder the benchmark owns (a `--cache-dir`-style flag when
 * `build --help` lists one; the process also runs in that folder's parent, so a cwd-relative
 * default `.cache` lands there too and never touches the repository's own cache).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { measureCommand, type Measurement } from './measure-command.ts';

export const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/clippings.js', import.meta.url));

export interface BuildRun {
  readonly input: string;
  readonly output: string;
  /** Folder the process runs in; the cache goes to `<cwd>/.cache` (or the flag, if the CLI has one). */
  readonly cwd: string;
  readonly full: boolean;
  /** Build without the search page and its index (`--no-search`). */
  readonly noSearch?: boolean;
  /** Extra node flags, e.g. ["--cpu-prof", "--cpu-prof-dir=…"]. */
  readonly nodeFlags?: readonly string[];
}

let cacheFlag: string | null | undefined;

/** The CLI's cache-folder flag, if `build --help` mentions one (looked up once). */
export function findCacheFlag(): string | null {
  if (cacheFlag !== undefined) return cacheFlag;
  let help = '';
  try {
    help = execFileSync(process.execPath, [BIN, 'build', '--help'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    help = `${e.stdout ?? ''}${e.stderr ?? ''}`;
  }
  cacheFlag = /--cache-dir\b/.exec(help)?.[0] ?? /--cache\b(?!-)/.exec(help)?.[0] ?? null;
  return cacheFlag;
}

export function buildArgs(run: BuildRun): string[] {
  const flag = findCacheFlag();
  return [
    ...(run.nodeFlags ?? []),
    BIN,
    'build',
    '--input',
    run.input,
    '--output',
    run.output,
    ...(run.full ? ['--full'] : []),
    ...(run.noSearch === true ? ['--no-search'] : []),
    ...(flag === null ? [] : [flag, `${run.cwd}/.cache`]),
  ];
}

export async function runBuild(run: BuildRun): Promise<Measurement> {
  const m = await measureCommand(process.execPath, buildArgs(run), { cwd: run.cwd });
  if (m.exitCode !== 0) {
    throw new Error(`clippings build failed (exit ${m.exitCode}): node ${buildArgs(run).join(' ')}\n${m.stderr.slice(-2000)}`);
  }
  return m;
}
