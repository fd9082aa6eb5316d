import type { SiteConfig } from '../site/site-config.ts';
import { resolveSiteConfig } from './resolve-site-config.ts';

/*
 * The build flags, their help text and the config they resolve to: what `main.ts` needs to parse a
 * command line, kept apart from the build itself so `clippings --help` and `check` load no Eleventy.
 */

/** Flags shared by `build` and `serve`. */
export const BUILD_FLAGS = {
  input: { type: 'string', default: 'content' },
  output: { type: 'string', default: '_site' },
  'base-url': { type: 'string' },
  'path-prefix': { type: 'string' },
  'time-zone': { type: 'string' },
  config: { type: 'string' },
  'cache-dir': { type: 'string', default: '.cache' },
  strict: { type: 'boolean', default: false },
  full: { type: 'boolean', default: false },
  'no-search': { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export const BUILD_HELP = `Usage: clippings build [options]

Builds the static site from a folder of seed files.

Options:
  --input DIR         folder of seed files (default: content)
  --output DIR        where the site goes (default: _site); replaced atomically
  --base-url URL      absolute URL the site is served from, e.g. https://user.github.io
  --path-prefix P     sub-path the site lives under, e.g. /clippings/ (default: /)
  --time-zone ZONE    IANA zone for dates and day pages (default: Asia/Shanghai)
  --config FILE       settings file (default: clippings.config.json if present)
  --cache-dir DIR     parse cache and build manifest (default: .cache)
  --strict            fail (exit 1, publish nothing) if any file is rejected
  --full              render every page, ignoring the previous build
  --no-search         no search page and no search index (config key "search": false)
  --quiet             print nothing but errors
  -h, --help          show this help
`;

export interface BuildFlagValues {
  input: string;
  output: string;
  'base-url'?: string;
  'path-prefix'?: string;
  'time-zone'?: string;
  config?: string;
  'cache-dir': string;
  strict: boolean;
  full: boolean;
  'no-search'?: boolean;
  quiet: boolean;
}

export async function configFromFlags(flags: BuildFlagValues): Promise<SiteConfig> {
  return resolveSiteConfig({
    ...(flags.config === undefined ? {} : { config: flags.config }),
    ...(flags['base-url'] === undefined ? {} : { baseUrl: flags['base-url'] }),
    ...(flags['path-prefix'] === undefined ? {} : { pathPrefix: flags['path-prefix'] }),
    ...(flags['time-zone'] === undefined ? {} : { timeZone: flags['time-zone'] }),
    ...(flags['no-search'] === true ? { search: false } : {}),
  });
}
