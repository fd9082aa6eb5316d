import type { Measurement } from './measure-command.ts';

/** Median time and the worst peak memory over several runs of the same measurement. */
export interface Figure {
  readonly medianMs: number;
  readonly runsMs: readonly number[];
  readonly peakProcessMb: number;
  readonly peakTreeMb: number;
  /** Largest VmRSS per command name over the runs, in MB. */
  readonly peakByCommandMb: Readonly<Record<string, number>>;
}

export function summarize(samples: readonly Measurement[]): Figure {
  const runsMs = samples.map((m) => Math.round(m.ms));
  return {
    medianMs: median(runsMs),
    runsMs,
    peakProcessMb: Math.round(Math.max(...samples.map((m) => m.peakProcessMb))),
    peakTreeMb: Math.round(Math.max(...samples.map((m) => m.peakTreeMb))),
    peakByCommandMb: maxByKey(samples.map((m) => m.peakByCommandMb)),
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
}

function maxByKey(records: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) for (const [k, v] of Object.entries(r)) out[k] = Math.max(out[k] ?? 0, v);
  return out;
}
