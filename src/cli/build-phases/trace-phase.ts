/** CLIPPINGS_TRACE=1: seconds since the previous phase and the heap/RSS after it, on stderr (for the benchmark). */
const trace = process.env.CLIPPINGS_TRACE === '1';
let phaseStarted = performance.now();
let phaseCpu = process.cpuUsage();

/** Marks the end of a build phase: prints its wall and CPU time and the memory after it when tracing. */
export function tracePhase(name: string): void {
  if (!trace) return;
  const now = performance.now();
  const { rss, heapUsed } = process.memoryUsage();
  const mb = (n: number): string => `${Math.round(n / 1048576)} MB`;
  const peak = process.resourceUsage().maxRSS * 1024;
  const cpu = process.cpuUsage(phaseCpu);
  phaseCpu = process.cpuUsage();
  process.stderr.write(`[trace] ${name}: ${((now - phaseStarted) / 1000).toFixed(1)} s (cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s), heap ${mb(heapUsed)}, rss ${mb(rss)}, peak rss so far ${mb(peak)}\n`);
  phaseStarted = now;
}
