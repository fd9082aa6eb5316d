import { createServer } from 'node:net';

/** How many ports after the default one `serve` tries when it is busy. */
const TRIES = 10;

/**
 * The port `clippings serve` listens on. A port given with `--port` is used or refused with a message that
 * names it and says how to pick another; the default port, when busy, gives way to the next free one of
 * the following ten, and `note` says so. Ports are probed the way the dev server listens (every interface).
 */
export async function choosePort(port: number, explicit: boolean, note: (message: string) => void): Promise<number> {
  const last = explicit ? port : Math.min(port + TRIES, 65535);
  for (let candidate = port; candidate <= last; candidate++) {
    const problem = await probe(candidate);
    if (problem === undefined) {
      if (candidate !== port) note(`Port ${port} is in use; serving on port ${candidate} instead (choose one with --port).`);
      return candidate;
    }
    if (problem === 'EACCES') throw new Error(`not allowed to listen on port ${candidate} (ports below 1024 need root); pick another with --port, e.g. --port 8080`);
  }
  throw new Error(
    explicit
      ? `port ${port} is already in use (another \`clippings serve\` or another program); stop it, or pick another port with --port, e.g. --port ${port === 65535 ? 8080 : port + 1}`
      : `ports ${port} to ${last} are all in use; pick a free one with --port, e.g. --port ${last + 1 > 65535 ? 8080 : last + 1}`,
  );
}

/** undefined when the port can be listened on, else the error code (EADDRINUSE, EACCES…). */
function probe(port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'EADDRINUSE'));
    server.listen({ port }, () => server.close(() => resolve(undefined)));
  });
}
