import type { Measurement } from './measure-command.ts';

/** Median time and the worst peak memory over several runs of the same measurement. */
export interface Figure {
  readonly medianMs: number;
  readonly runsMs: readonly number[];
  readonly peakProcessMb: number;
  readonly peakTreeMb: number;
}

export function summarize(samples: readonly Measurement[]): Figure {
  const runsMs = samples.map((m) => Math.round(m.ms));
  return {
    medianMs: median(runsMs),
    runsMs,
    peakProcessMb: Math.round(Math.max(...samples.map((m) => m.peakProcessMb))),
    peakTreeMb: Math.round(Math.max(...samples.map((m) => m.peakTreeMb))),
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
}
