/**
 * Clean builds through the CLI, alternating between checkouts, for before/after figures on a shared
 * machine: per run the wall time, the peak as `/usr/bin/time` reports it and as `npm run bench` samples
 * it (VmRSS every 50 ms), and the load and render phases as CLIPPINGS_TRACE prints them (render: wall,
 * CPU of all threads, pages the second thread rendered). Usage:
 *
 *   node --import tsx bench/clean-build.ts <seeds> [--runs 2] [--search] [--checkout <other clone> …]
 *
 * Each checkout builds into /tmp/clean-build-<n> with its own cache (warm after the first run).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { measureCommand } from './measure-command.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '2' }, search: { type: 'boolean', default: false }, checkout: { type: 'string', multiple: true, default: [] } },
});
const seeds = positionals[0];
if (seeds === undefined) throw new Error('usage: bench/clean-build.ts <seeds> [--runs N] [--search] [--checkout <clone> …]');
const checkouts = [fileURLToPath(new URL('../', import.meta.url)), ...values.checkout];
const trace = (stderr: string, phase: string): string =>
  (new RegExp(`\\[trace\\] ${phase}[^\\n]*`).exec(stderr)?.[0] ?? '').replace('[trace] ', '').replace(/, heap.*/, '');

for (let run = 1; run <= Number(values.runs); run++) {
  for (const [i, root] of checkouts.entries()) {
    const args = ['-f', '%e s %M KB', 'node', `${root}/bin/clippings.js`, 'build', '--input', seeds, '--output', `/tmp/clean-build-${i}`, '--cache-dir', `/tmp/clean-build-cache-${i}`, '--full', ...(values.search ? [] : ['--no-search'])];
    const m = await measureCommand('/usr/bin/time', args, { env: { ...process.env, CLIPPINGS_TRACE: '1' } });
    if (m.exitCode !== 0) throw new Error(`${root}: the build failed\n${m.stderr}`);
    const time = m.stderr.trim().split('\n').at(-1);
    console.log(`run ${run} ${root}${values.search ? '' : ' --no-search'}: ${time}, sampled ${Math.round(m.peakProcessMb)} MB | ${trace(m.stderr, 'load')} | ${trace(m.stderr, 'render')} | load average ${loadavg()[0]?.toFixed(1)}`);
  }
}
