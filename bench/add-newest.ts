/**
 * The daily case on an existing build: adds one seed newer than all to a seed folder and rebuilds it
 * incrementally with one or more checkouts of the program (A/B), each into its own output and cache
 * folder, printing each build's phase times (CLIPPINGS_TRACE=1) and its process time and peak memory.
 * Each program's folders must hold a build of the same seeds first (one clean build each).
 *
 *   node --import tsx bench/add-newest.ts <seeds> <first index> <runs> <program dir>:<output>:<cache> [<program dir>:<output>:<cache> …]
 *
 * e.g. `node --import tsx bench/add-newest.ts /work/me-seeds 30001 3 .:/work/me-out:/work/me-cache /tmp/base:/work/base-out:/work/base-cache`
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateSeedAt, NEXT_DAY } from './generate-seeds.ts';

const [seeds, first, runs, ...programs] = process.argv.slice(2);
if (seeds === undefined || programs.length === 0) {
  console.error('usage: node --import tsx bench/add-newest.ts <seeds> <first index> <runs> <program dir>:<output>:<cache> …');
  process.exit(2);
}
const totals = new Map<string, number[]>();
for (let run = 0; run < Number(runs ?? 1); run++) {
  const index = Number(first ?? 30001) + run;
  // One hour later each run (and after the generator's last day): newer than every seed before it.
  const seed = generateSeedAt(index, { seed: 20230830 }, NEXT_DAY + (100 + run) * 3600_000);
  mkdirSync(dirname(join(seeds, seed.relPath)), { recursive: true });
  writeFileSync(join(seeds, seed.relPath), seed.text);
  console.log(`run ${run + 1}: added ${seed.relPath}`);
  for (const spec of programs) {
    const [dir, output, cache] = spec.split(':') as [string, string, string];
    const args = ['-f', '%e s %M KB (cpu %U + %S s)', process.execPath, join(resolve(dir), 'bin/clippings.js'), 'build', '--input', seeds, '--output', output, '--cache-dir', cache];
    const r = spawnSync('/usr/bin/time', args, { encoding: 'utf8', env: { ...process.env, CLIPPINGS_TRACE: '1' } });
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('[trace]') || / s \d+ KB /.test(l));
    const built = /in ([\d.]+) s( \(incremental\))?/.exec(r.stdout);
    console.log(`  ${dir}: ${built ? `build ${built[1]} s${built[2] ? '' : ' (NOT incremental)'}` : `failed (${r.status})`}`);
    for (const l of lines) console.log(`    ${l}`);
    const time = lines.find((l) => / s \d+ KB /.test(l));
    if (time) totals.set(dir, [...(totals.get(dir) ?? []), Number.parseFloat(time)]);
  }
}
for (const [dir, times] of totals) console.log(`${dir}: process ${times.map((t) => t.toFixed(2)).join(', ')} s (median ${[...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!.toFixed(2)})`);
