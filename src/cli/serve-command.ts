import path from 'node:path';
import EleventyDevServer from '@11ty/eleventy-dev-server';
import { watch } from 'chokidar';
import type { SiteConfig } from '../site/site-config.ts';
import { buildCommand, PROJECT_DIR, type BuildFlagValues } from './build-command.ts';
import { choosePort } from './choose-port.ts';
import { refuseBadPaths } from './refuse-bad-paths.ts';
import { DEFAULT_CONFIG_FILE } from './resolve-site-config.ts';

export const SERVE_HELP = `Usage: clippings serve [--port 8080] [build options]

Builds the site, serves it on http://localhost:PORT with live reload, and rebuilds
incrementally when content/, layouts/, public/, src/ or the config file change.
Without --port it uses 8080, or the next free port when 8080 is busy (and says so).
Takes every option of \`clippings build\` (see clippings build --help).
`;

export const DEFAULT_PORT = 8080;

const DEBOUNCE_MS = 300;

/**
 * `clippings serve`: runs until interrupted. `port` is the one asked for with --port (explicit) or the
 * default; it is checked before building, so a busy port is reported at once.
 */
export async function serveCommand(flags: BuildFlagValues, config: SiteConfig, asked: number, explicit: boolean): Promise<void> {
  const port = await choosePort(asked, explicit, (m) => console.log(m));
  await buildCommand(flags, config);
  const server = EleventyDevServer.getServer('clippings', path.resolve(flags.output), {
    port,
    pathPrefix: config.pathPrefix,
    portReassignmentRetryCount: 0,
    middleware: [refuseBadPaths((m) => console.error(m))],
    logger: { info: (m: string) => console.log(m), log: (m: string) => console.log(m), error: (m: string) => console.error(m), forceLog: (m: string) => console.log(m) },
  });
  server.serve(port);
  console.log(`Serving ${flags.output} on http://localhost:${port}${config.pathPrefix}`);

  const project = (p: string): string => path.join(PROJECT_DIR, p);
  const watched = [path.resolve(flags.input), project('layouts'), project('public'), project('src'), path.resolve(flags.config ?? DEFAULT_CONFIG_FILE)];
  const watcher = watch(watched, { ignoreInitial: true, ignored: (p: string) => path.basename(p).startsWith('.') });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const rebuild = (): void => {
    running = running.then(async () => {
      try {
        const { result } = await buildCommand({ ...flags, quiet: false });
        if (result !== undefined) server.reload({ subtype: undefined, files: [], build: {} });
      } catch (error) {
        console.error(`rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  };
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(rebuild, DEBOUNCE_MS);
  });
  // Runs until Ctrl-C: main's SIGINT handler exits, and exit handlers remove any staging folder.
  await new Promise<never>(() => undefined);
}
