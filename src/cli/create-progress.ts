import cliProgress from 'cli-progress';

/** One phase of long work (parse, render, write) with a known total. */
export interface Progress {
  start(phase: string, total: number): void;
  update(done: number): void;
  stop(): void;
}

/** Plain lines are printed at most this often when stdout is not a terminal. */
const LINE_INTERVAL_MS = 2000;

/**
 * A progress bar on a TTY, periodic plain lines otherwise (CI logs), nothing when quiet.
 */
export function createProgress(options: { quiet: boolean; stream?: NodeJS.WriteStream }): Progress {
  const stream = options.stream ?? process.stdout;
  if (options.quiet) return { start() {}, update() {}, stop() {} };
  if (stream.isTTY) return barProgress(stream);
  return lineProgress(stream);
}

function barProgress(stream: NodeJS.WriteStream): Progress {
  let bar: cliProgress.SingleBar | undefined;
  return {
    start(phase, total) {
      bar?.stop();
      bar = new cliProgress.SingleBar(
        { stream, format: `${phase.padEnd(7)} [{bar}] {value}/{total} {percentage}% {eta_formatted}`, hideCursor: true, clearOnComplete: false },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
    },
    update(done) {
      bar?.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

function lineProgress(stream: NodeJS.WriteStream): Progress {
  let phase = '';
  let total = 0;
  let last = 0;
  let started = 0;
  return {
    start(name, count) {
      phase = name;
      total = count;
      started = last = Date.now();
    },
    update(done) {
      const now = Date.now();
      if (now - last < LINE_INTERVAL_MS || done >= total) return;
      last = now;
      stream.write(`${phase}: ${done}/${total} (${Math.floor((done / Math.max(total, 1)) * 100)}%)\n`);
    },
    stop() {
      if (total > 0 && Date.now() - started >= LINE_INTERVAL_MS) stream.write(`${phase}: ${total}/${total} done\n`);
      total = 0;
    },
  };
}
