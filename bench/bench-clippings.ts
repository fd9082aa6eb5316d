/**
 * Times the Clippings CLI on one prepared size: clean full builds (empty output, no cache), no-change
 * rebuilds (warm cache, output present), add-one-file rebuilds, then checks that the incremental
 * output equals a clean full build of the same input (file set and bytes).
 */
import { appendFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runBuild } from './clippings-command.ts';
import { compareDirs, type DirComparison } from './compare-dirs.ts';
import { generateSeed, generateSeedAt, NEXT_DAY } from './generate-seeds.ts';
import type { PreparedSize } from './prepare-size.ts';
import { removeExtras } from './prepare-size.ts';
import { summarize, type Figure } from './summarize-runs.ts';
import { firstQueryBytes, SEARCH_BENCH_QUERIES } from './search-query-bytes.ts';
import { sizeOf, type KindFigures } from './measure-churn.ts';
import { outputKind } from './output-kind.ts';
import { diffSnapshots, snapshotOutput, type Snapshot } from './snapshot-output.ts';

export interface ClippingsResult {
  readonly full: Figure;
  /** Clean full builds with `--no-search` (the Hugo site has no search: the like-for-like figure). */
  readonly fullNoSearch?: Figure;
  readonly noChange: Figure;
  readonly addOne: Figure;
  readonly outputFiles: number;
  /** Bytes on disk of the clean build's output (allocated blocks, as `du` counts). */
  readonly outputDiskBytes?: number;
  /** The clean build's output by kind (bench/output-kind.ts): files and bytes on disk. */
  readonly sizeByKind?: Readonly<Record<string, KindFigures>>;
  /** Per add-one rebuild: files whose bytes changed, were added or removed, and their bytes. */
  readonly addOneChanged?: readonly Changed[];
  /** The same for one article newer than all others (added after the add-one runs). */
  readonly addNewestChanged?: Changed;
  /** That rebuild's time and memory: the daily case, where add-one picks a random date. */
  readonly addNewest?: Figure;
  /** Incremental output after the add-one runs versus a clean full build of the same input. */
  readonly addOneIdentical: boolean;
  /** The same, ignoring the search index's files (search/). */
  readonly addOneIdenticalOutsideSearchIndex: boolean;
  readonly addOneDifferences: readonly string[];
  /** Whether two clean full builds of the same input gave the same bytes (needs --runs ≥ 2). */
  readonly cleanBuildsIdentical?: boolean;
  readonly cleanBuildDifferences?: readonly string[];
  /** The CLI's own summary line(s) of the last full build, for the report. */
  readonly lastFullStdout: string;
  /** Seconds the last clean build spent writing the search index (its summary line). */
  readonly searchIndexSeconds?: number;
  /** Largest first query in Chromium over SEARCH_BENCH_QUERIES (bench/search-query-bytes.ts), in KB. */
  readonly searchFirstQueryKb?: number;
}

/** Files whose bytes changed, were added or removed by one rebuild; their bytes; how many are search files. */
export interface Changed {
  readonly files: number;
  readonly bytes: number;
  readonly search: number;
}

export async function benchClippings(p: PreparedSize, runs: number, seed: number, log: (line: string) => void): Promise<ClippingsResult> {
  const cwd = join(p.workDir, 'clippings');
  const output = join(cwd, 'out');
  const build = (full: boolean) => runBuild({ input: p.seedDir, output, cwd, full });

  const fulls = [];
  const previous = join(p.workDir, 'clippings-previous-out');
  let cleanBuilds: DirComparison | undefined;
  for (let i = 0; i < runs; i++) {
    rmSync(previous, { recursive: true, force: true });
    if (i > 0) renameSync(output, previous);
    rmSync(cwd, { recursive: true, force: true });
    mkdirSync(cwd, { recursive: true });
    fulls.push(await build(true));
    if (i > 0) cleanBuilds = compareDirs(previous, output);
    log(`${p.size}: clippings full build ${i + 1}/${runs}: ${Math.round(fulls[i]?.ms ?? 0)} ms`);
  }
  rmSync(previous, { recursive: true, force: true });
  let snapshot: Snapshot = snapshotOutput(output);
  const size = sizeOf(snapshot);
  const outputFiles = size.outputFiles;
  const indexSeconds = /search index .* in ([\d.]+) s/.exec(fulls[fulls.length - 1]?.stdout ?? '')?.[1];
  const queries = await firstQueryBytes(output, SEARCH_BENCH_QUERIES).catch((error: unknown) => {
    log(`${p.size}: search query bytes not measured: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  });
  for (const q of queries) log(`${p.size}: first query ${q.query}: ${(q.bytes / 1024).toFixed(0)} KB in ${q.requests} requests`);

  const noSearchCwd = join(p.workDir, 'clippings-no-search');
  const fullsNoSearch = [];
  for (let i = 0; i < runs; i++) {
    rmSync(noSearchCwd, { recursive: true, force: true });
    mkdirSync(noSearchCwd, { recursive: true });
    fullsNoSearch.push(await runBuild({ input: p.seedDir, output: join(noSearchCwd, 'out'), cwd: noSearchCwd, full: true, noSearch: true }));
    log(`${p.size}: clippings full build --no-search ${i + 1}/${runs}: ${Math.round(fullsNoSearch[i]?.ms ?? 0)} ms`);
  }
  rmSync(noSearchCwd, { recursive: true, force: true });

  const noChanges = [];
  for (let i = 0; i < runs; i++) {
    noChanges.push(await build(false));
    log(`${p.size}: clippings no-change rebuild ${i + 1}/${runs}: ${Math.round(noChanges[i]?.ms ?? 0)} ms`);
  }

  const addOnes = [];
  const addOneChanged: Changed[] = [];
  let comparison;
  let addNewestChanged: Changed | undefined;
  let addNewest: Figure | undefined;
  const add = (extra: { relPath: string; text: string }): void => {
    const path = join(p.seedDir, extra.relPath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, extra.text);
    appendFileSync(p.extrasFile, `${extra.relPath}\n`);
  };
  const changedSince = (): Changed => {
    const after = snapshotOutput(output);
    const d = diffSnapshots(snapshot, after);
    const changed = [...d.added, ...d.changed, ...d.removed];
    snapshot = after;
    return { files: changed.length, bytes: changed.reduce((sum, f) => sum + (after.get(f)?.size ?? 0), 0), search: changed.filter((f) => outputKind(f) === 'search').length };
  };
  try {
    for (let i = 0; i < runs; i++) {
      add(generateSeed(p.size + i, { seed }, true));
      addOnes.push(await build(false));
      addOneChanged.push(changedSince());
      log(`${p.size}: clippings add-one rebuild ${i + 1}/${runs}: ${Math.round(addOnes[i]?.ms ?? 0)} ms, ${addOneChanged[i]?.files} files changed`);
    }
    // One article newer than all others (the daily case): its time and the files it changes.
    add(generateSeedAt(p.size + runs, { seed }, NEXT_DAY + 9 * 3600_000));
    addNewest = summarize([await build(false)]);
    addNewestChanged = changedSince();
    log(`${p.size}: clippings add-newest rebuild: ${Math.round(addNewest.medianMs)} ms, ${addNewestChanged.files} files changed`);
    const verifyCwd = join(p.workDir, 'clippings-verify');
    rmSync(verifyCwd, { recursive: true, force: true });
    mkdirSync(verifyCwd, { recursive: true });
    await runBuild({ input: p.seedDir, output: join(verifyCwd, 'out'), cwd: verifyCwd, full: true });
    comparison = compareDirs(output, join(verifyCwd, 'out'));
    rmSync(verifyCwd, { recursive: true, force: true });
  } finally {
    removeExtras(p.seedDir, p.extrasFile);
  }
  const differences = describe(comparison, 'incremental', 'clean build');
  return {
    full: summarize(fulls),
    fullNoSearch: summarize(fullsNoSearch),
    noChange: summarize(noChanges),
    addOne: summarize(addOnes),
    outputFiles,
    outputDiskBytes: size.outputDiskBytes,
    sizeByKind: size.sizeByKind,
    addOneChanged,
    ...(addNewestChanged === undefined ? {} : { addNewestChanged }),
    ...(addNewest === undefined ? {} : { addNewest }),
    addOneIdentical: comparison.identical,
    addOneIdenticalOutsideSearchIndex: differences.every((d) => d.includes(' search/')),
    addOneDifferences: differences.slice(0, 20),
    ...(cleanBuilds === undefined ? {} : { cleanBuildsIdentical: cleanBuilds.identical, cleanBuildDifferences: describe(cleanBuilds, 'first', 'second').slice(0, 10) }),
    lastFullStdout: (fulls[fulls.length - 1]?.stdout ?? '').trim().split('\n').slice(-4).join('\n'),
    ...(indexSeconds === undefined ? {} : { searchIndexSeconds: Number(indexSeconds) }),
    ...(queries.length === 0 ? {} : { searchFirstQueryKb: Math.round(Math.max(...queries.map((q) => q.bytes)) / 1024) }),
  };
}

function describe(c: DirComparison, first: string, second: string): string[] {
  return [
    ...c.onlyInFirst.map((f) => `only in ${first}: ${f}`),
    ...c.onlyInSecond.map((f) => `only in ${second}: ${f}`),
    ...c.differing.map((f) => `bytes differ: ${f}`),
  ];
}
