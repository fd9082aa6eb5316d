/** Times `hugo --quiet --destination <out>` on a converted site: median of clean builds. */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from './compare-dirs.ts';
import { measureCommand } from './measure-command.ts';
import { summarize, type Figure } from './summarize-runs.ts';

export interface HugoResult {
  readonly full: Figure;
  readonly outputFiles: number;
}

export async function benchHugo(siteDir: string, runs: number): Promise<HugoResult> {
  const out = join(siteDir, '..', 'hugo-out');
  const samples = [];
  for (let i = 0; i < runs; i++) {
    rmSync(out, { recursive: true, force: true });
    rmSync(join(siteDir, 'resources'), { recursive: true, force: true });
    const m = await measureCommand('hugo', ['--quiet', '--destination', out], { cwd: siteDir });
    if (m.exitCode !== 0) throw new Error(`hugo failed in ${siteDir} (exit ${m.exitCode}):\n${m.stderr.slice(-2000)}`);
    samples.push(m);
  }
  return { full: summarize(samples), outputFiles: listFiles(out).length };
}

export function hugoVersion(): string {
  try {
    return execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'not installed';
  }
}
