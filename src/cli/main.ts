import { parseArgs } from 'node:util';
import { BUILD_FLAGS, BUILD_HELP, configFromFlags, type BuildFlagValues } from './build-flags.ts';
import { UsageError } from './usage-error.ts';

const HELP = `Usage: clippings <command> [options]

Commands:
  build    build the static site from the seed files (default input: content/)
  check    parse every seed file and report problems; exit 1 if any is rejected
  add      validate seed files and copy the valid ones into the archive
  serve    build, serve on http://localhost:8080 and rebuild on changes
  images   download the articles' images into media/ (--mirror; the only command using the network)

Run \`clippings <command> --help\` for a command's options.
`;

/**
 * Runs the CLI; returns the exit code (0 ok, 1 build/check failed, 2 usage error). Each command's
 * module is imported only when that command runs, so `--help` and `check` never load Eleventy.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'build': {
        const flags = parse(rest, BUILD_FLAGS, BUILD_HELP, 'build');
        if (flags === undefined) return 0;
        const { buildCommand } = await import('./build-command.ts');
        return (await buildCommand(flags)).code;
      }
      case 'serve': {
        const { serveCommand, SERVE_HELP, DEFAULT_PORT } = await import('./serve-command.ts');
        const flags = parse(rest, { ...BUILD_FLAGS, port: { type: 'string' } }, SERVE_HELP, 'serve');
        if (flags === undefined) return 0;
        const explicit = flags.port !== undefined;
        const port = explicit ? Number(flags.port) : DEFAULT_PORT;
        if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be a number from 1 to 65535, got "${flags.port}"`);
        await serveCommand(flags, await configFromFlags(flags), port, explicit);
        return 0;
      }
      case 'check': {
        const { checkCommand, CHECK_HELP } = await import('./check-command.ts');
        const flags = parse(rest, { ...BUILD_FLAGS, topics: { type: 'boolean', default: false } }, CHECK_HELP, 'check');
        if (flags === undefined) return 0;
        return await checkCommand(flags.input, await configFromFlags(flags), flags['cache-dir'], { topics: (flags as { topics?: boolean }).topics === true });
      }
      case 'add': {
        const { addCommand, ADD_HELP } = await import('./add-command.ts');
        const { values, positionals } = parseArgsOrUsage(rest, BUILD_FLAGS, true, 'add');
        if (values.help) return help(ADD_HELP);
        if (positionals.length === 0) throw new UsageError('add needs at least one file or folder to add');
        const flags = values as BuildFlagValues;
        return await addCommand(positionals, flags.input, await configFromFlags(flags), flags['cache-dir']);
      }
      case 'images': {
        const { runImagesCommand } = await import('./images.ts');
        return await runImagesCommand(rest);
      }
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        return help(HELP);
      default:
        throw new UsageError(`unknown command "${command}" (expected build, check, add, serve or images)`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`clippings: ${error.message}\nRun \`clippings ${command && !command.startsWith('-') ? `${command} ` : ''}--help\` for usage.`);
      return 2;
    }
    console.error(`clippings ${command}: ${describe(error)}`);
    return 1;
  }
}

type Spec = Parameters<typeof parseArgs>[0] extends infer C ? (C extends { options?: infer O } ? NonNullable<O> : never) : never;

function parse<S extends Spec>(args: readonly string[], spec: S, text: string, command: string) {
  const { values, positionals } = parseArgsOrUsage(args, spec, false, command);
  if (positionals.length > 0) throw new UsageError(`${command} takes no arguments, got "${positionals[0]}"`);
  if ((values as { help?: boolean }).help) {
    help(text);
    return undefined;
  }
  return values as BuildFlagValues & { port?: string };
}

function parseArgsOrUsage<S extends Spec>(args: readonly string[], spec: S, allowPositionals: boolean, command: string) {
  try {
    return parseArgs({ args: [...args], options: spec, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}`, { cause: error });
  }
}

function help(text: string): number {
  process.stdout.write(text);
  return 0;
}

/** The message and its chain of causes, so a library error is never swallowed. */
function describe(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    parts.push(current instanceof Error ? current.message : String(current));
    // Eleventy wraps the error it caught as `originalError`, not `cause`.
    current = current instanceof Error ? (current.cause ?? (current as { originalError?: unknown }).originalError) : undefined;
  }
  if (process.env.CLIPPINGS_DEBUG && error instanceof Error) parts.push(error.stack ?? '');
  return parts.join('\n  caused by: ');
}

process.on('SIGINT', () => process.exit(130)); // 'exit' handlers remove the staging folder
process.exitCode = await main(process.argv.slice(2));
