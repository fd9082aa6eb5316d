/**
 * The peer for builds with search: what a Hugo user adds for it. A clean Hugo build, then Pagefind
 * over Hugo's output (`pagefind --site <out>`, the npm package's binary; article pages mark their
 * `<article data-pagefind-body>` as Clippings' do, so list pages are not indexed), each timed and
 * measured like Clippings; time is the sum, peak memory the larger of the two. Then the output's
 * files and bytes on disk, as for Clippings.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './clippings-command.ts';
import { measureCommand, type Measurement } from './measure-command.ts';
import { sizeOf, type KindFigures } from './measure-churn.ts';
import { snapshotOutput } from './snapshot-output.ts';
import { summarize, type Figure } from './summarize-runs.ts';

export interface HugoPagefindResult {
  readonly full: Figure;
  /** Pagefind alone (part of `full`). */
  readonly pagefind: Figure;
  readonly outputFiles: number;
  readonly outputDiskBytes: number;
  /** `pagefind/` alone. */
  readonly search: KindFigures;
}

const PAGEFIND = join(REPO, 'node_modules', '.bin', 'pagefind');

export async function benchHugoPagefind(siteDir: string, runs: number, log: (line: string) => void): Promise<HugoPagefindResult> {
  const out = join(siteDir, '..', 'hugo-pagefind-out');
  // The layouts as they are now (data-pagefind-body on articles), whatever the prepared copy holds.
  cpSync(new URL('./hugo/layouts', import.meta.url), join(siteDir, 'layouts'), { recursive: true });
  const totals: Measurement[] = [];
  const pagefinds: Measurement[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(out, { recursive: true, force: true });
    rmSync(join(siteDir, 'resources'), { recursive: true, force: true });
    const hugo = await measureCommand('hugo', ['--quiet', '--destination', out], { cwd: siteDir });
    if (hugo.exitCode !== 0) throw new Error(`hugo failed in ${siteDir} (exit ${hugo.exitCode}):\n${hugo.stderr.slice(-2000)}`);
    const pagefind = await measureCommand(PAGEFIND, ['--site', out, '--silent'], { cwd: siteDir });
    if (pagefind.exitCode !== 0) throw new Error(`pagefind failed on ${out} (exit ${pagefind.exitCode}):\n${pagefind.stderr.slice(-2000)}`);
    pagefinds.push(pagefind);
    totals.push(combine(hugo, pagefind));
    log(`hugo + pagefind ${i + 1}/${runs}: ${Math.round(hugo.ms)} + ${Math.round(pagefind.ms)} ms, pagefind peak ${Math.round(pagefind.peakProcessMb)} MB`);
  }
  const snapshot = snapshotOutput(out);
  const { outputFiles, outputDiskBytes } = sizeOf(snapshot);
  const search: KindFigures = { files: 0, bytes: 0 };
  for (const [path, f] of snapshot) {
    if (!path.startsWith('pagefind/')) continue;
    search.files++;
    search.bytes += f.disk;
  }
  rmSync(out, { recursive: true, force: true });
  return { full: summarize(totals), pagefind: summarize(pagefinds), outputFiles, outputDiskBytes, search };
}

function combine(a: Measurement, b: Measurement): Measurement {
  const byCommand: Record<string, number> = { ...a.peakByCommandMb };
  for (const [k, v] of Object.entries(b.peakByCommandMb)) byCommand[k] = Math.max(byCommand[k] ?? 0, v);
  return {
    ms: a.ms + b.ms,
    peakProcessMb: Math.max(a.peakProcessMb, b.peakProcessMb),
    peakTreeMb: Math.max(a.peakTreeMb, b.peakTreeMb),
    peakByCommandMb: byCommand,
    exitCode: b.exitCode,
    stdout: '',
    stderr: '',
  };
}
