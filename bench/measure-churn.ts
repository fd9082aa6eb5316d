/**
 * Output churn and size: builds an archive, adds seeds (one at a random date, one newer than all
 * others, or a whole day of new articles), rebuilds incrementally and compares the output before and
 * after, file by file, grouped by kind (bench/output-kind.ts).
 */
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runBuild } from './clippings-command.ts';
import { compareDirs } from './compare-dirs.ts';
import { generateSeed, generateSeedAt, NEXT_DAY } from './generate-seeds.ts';
import type { Measurement } from './measure-command.ts';
import { outputKind } from './output-kind.ts';
import { removeExtras, type PreparedSize } from './prepare-size.ts';
import { diffSnapshots, snapshotOutput, type Snapshot, type SnapshotDiff } from './snapshot-output.ts';

/** `random`: one article at a random date (as the add-one benchmark); `newest`: one newer than all; `daily`: 300 on a new day. */
export type ChurnMode = 'random' | 'newest' | 'daily';

export interface ChurnOptions {
  readonly mode: ChurnMode;
  readonly seed: number;
  readonly search: boolean;
  /** Also build the new input from scratch and compare (output equal to a clean build). */
  readonly verify: boolean;
  readonly log: (line: string) => void;
}

export interface KindFigures {
  files: number;
  bytes: number;
}

export interface ChurnResult {
  readonly mode: ChurnMode;
  readonly added: number;
  readonly search: boolean;
  readonly articlesBefore: number;
  readonly fullMs: number;
  readonly rebuild: Pick<Measurement, 'ms' | 'peakProcessMb' | 'peakTreeMb'>;
  /** Files whose bytes changed, were added or removed (what `rsync --checksum` transfers or deletes), by kind. */
  readonly changedByKind: Readonly<Record<string, KindFigures>>;
  /** Files written again with the same bytes (a plain `rsync` or `aws s3 sync` uploads them too), by kind. */
  readonly sameBytesRewrittenByKind: Readonly<Record<string, number>>;
  readonly changedFiles: number;
  readonly changedBytes: number;
  readonly rewrittenFiles: number;
  /** The output after the rebuild, by kind: files and bytes on disk. */
  readonly sizeByKind: Readonly<Record<string, KindFigures>>;
  readonly outputFiles: number;
  readonly outputDiskBytes: number;
  readonly identicalToClean?: boolean;
  readonly differences?: readonly string[];
  /** Paths of the changed files (all of them when few, else the first 200). */
  readonly changedPaths: readonly string[];
}

export const DAILY_ARTICLES = 300;

export async function measureChurn(p: PreparedSize, options: ChurnOptions): Promise<ChurnResult> {
  const { log } = options;
  const cwd = join(p.workDir, `churn-${options.mode}${options.search ? '' : '-no-search'}`);
  const output = join(cwd, 'out');
  const build = (full: boolean, input = p.seedDir, out = output, dir = cwd): Promise<Measurement> =>
    runBuild({ input, output: out, cwd: dir, full, ...(options.search ? {} : { noSearch: true }) });
  rmSync(cwd, { recursive: true, force: true });
  mkdirSync(cwd, { recursive: true });
  log(`${p.size}: clean build${options.search ? '' : ' --no-search'}…`);
  const full = await build(true);
  log(`${p.size}: clean build ${Math.round(full.ms)} ms; snapshot…`);
  const before = snapshotOutput(output);
  const added = newSeeds(p, options);
  let rebuild: Measurement;
  let comparison;
  try {
    for (const seed of added) {
      const path = join(p.seedDir, seed.relPath);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, seed.text);
      appendFileSync(p.extrasFile, `${seed.relPath}\n`);
    }
    log(`${p.size}: added ${added.length} seed(s) (${options.mode}); rebuilding…`);
    rebuild = await build(false);
    log(`${p.size}: rebuild ${Math.round(rebuild.ms)} ms`);
    if (options.verify) {
      const verifyCwd = join(p.workDir, 'churn-verify');
      rmSync(verifyCwd, { recursive: true, force: true });
      mkdirSync(verifyCwd, { recursive: true });
      log(`${p.size}: clean build of the new input to compare…`);
      await build(true, p.seedDir, join(verifyCwd, 'out'), verifyCwd);
      comparison = compareDirs(output, join(verifyCwd, 'out'));
      rmSync(verifyCwd, { recursive: true, force: true });
    }
  } finally {
    removeExtras(p.seedDir, p.extrasFile);
  }
  const after = snapshotOutput(output);
  const diff = diffSnapshots(before, after);
  const changed = [...diff.added, ...diff.changed, ...diff.removed];
  const result: ChurnResult = {
    mode: options.mode,
    added: added.length,
    search: options.search,
    articlesBefore: p.hugoPages,
    fullMs: Math.round(full.ms),
    rebuild: { ms: Math.round(rebuild.ms), peakProcessMb: Math.round(rebuild.peakProcessMb), peakTreeMb: Math.round(rebuild.peakTreeMb) },
    changedByKind: byKind(changed, (path) => after.get(path)?.size ?? 0),
    sameBytesRewrittenByKind: countByKind(sameBytes(diff)),
    changedFiles: changed.length,
    changedBytes: changed.reduce((sum, path) => sum + (after.get(path)?.size ?? 0), 0),
    rewrittenFiles: diff.added.length + diff.rewritten.length,
    ...sizeOf(after),
    ...(comparison === undefined
      ? {}
      : {
          identicalToClean: comparison.identical,
          differences: [...comparison.onlyInFirst.map((f) => `only incremental: ${f}`), ...comparison.onlyInSecond.map((f) => `only clean: ${f}`), ...comparison.differing.map((f) => `differs: ${f}`)].slice(0, 20),
        }),
    changedPaths: changed.sort().slice(0, 200),
  };
  rmSync(cwd, { recursive: true, force: true });
  return result;
}

function newSeeds(p: PreparedSize, options: ChurnOptions) {
  if (options.mode === 'random') return [generateSeed(p.size, { seed: options.seed }, true)];
  if (options.mode === 'newest') return [generateSeedAt(p.size, { seed: options.seed }, NEXT_DAY + 9 * 3600_000)];
  // A day's articles, spread from 06:00 to 23:59 (Asia/Shanghai) of the day after the archive's last.
  return Array.from({ length: DAILY_ARTICLES }, (_, i) => generateSeedAt(p.size + i, { seed: options.seed }, NEXT_DAY + 6 * 3600_000 + i * 216_000));
}

function sameBytes(diff: SnapshotDiff): string[] {
  const changed = new Set(diff.changed);
  return diff.rewritten.filter((path) => !changed.has(path));
}

function byKind(paths: readonly string[], bytes: (path: string) => number): Record<string, KindFigures> {
  const out: Record<string, KindFigures> = {};
  for (const path of paths) {
    const k = (out[outputKind(path)] ??= { files: 0, bytes: 0 });
    k.files++;
    k.bytes += bytes(path);
  }
  return out;
}

function countByKind(paths: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const path of paths) out[outputKind(path)] = (out[outputKind(path)] ?? 0) + 1;
  return out;
}

/** Files and bytes on disk of an output folder, by kind and in all. */
export function sizeOf(snapshot: Snapshot): { sizeByKind: Record<string, KindFigures>; outputFiles: number; outputDiskBytes: number } {
  const sizeByKind = byKind([...snapshot.keys()], (path) => snapshot.get(path)?.disk ?? 0);
  let outputDiskBytes = 0;
  for (const f of snapshot.values()) outputDiskBytes += f.disk;
  return { sizeByKind, outputFiles: snapshot.size, outputDiskBytes };
}
