import { readFile } from 'node:fs/promises';
import type { OutletRule } from '../article/article.ts';
import { DEFAULT_SITE_CONFIG } from '../site/default-config.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { UsageError } from './usage-error.ts';
import { checkTopicConfig } from './check-topic-config.ts';
import type { TopicConfig } from '../archive/resolve-taxonomy.ts';

/** Flags that override the config file. */
export interface ConfigFlags {
  readonly config?: string;
  readonly baseUrl?: string;
  readonly pathPrefix?: string;
  readonly timeZone?: string;
  /** `--no-search`: false turns search off whatever the file says. */
  readonly search?: boolean;
}

export const DEFAULT_CONFIG_FILE = 'clippings.config.json';

const KEYS: Record<keyof SiteConfig, 'string' | 'number' | 'boolean' | 'outlets' | 'topics'> = {
  title: 'string',
  description: 'string',
  language: 'string',
  baseUrl: 'string',
  pathPrefix: 'string',
  timeZone: 'string',
  outlets: 'outlets',
  pageSize: 'number',
  mediaDir: 'string',
  search: 'boolean',
  v01PageRedirects: 'boolean',
  topics: 'topics',
};

/**
 * The SiteConfig of a build: defaults, then `clippings.config.json` (or --config FILE), then flags.
 * Unknown keys and wrong types are usage errors naming the file and the key.
 */
export async function resolveSiteConfig(flags: ConfigFlags): Promise<SiteConfig & { readonly configFile?: string }> {
  const file = flags.config ?? DEFAULT_CONFIG_FILE;
  const fromFile = await readConfigFile(file, flags.config !== undefined);
  const merged: Record<string, unknown> = { ...DEFAULT_SITE_CONFIG, ...fromFile.values };
  if (flags.baseUrl !== undefined) merged.baseUrl = flags.baseUrl;
  if (flags.pathPrefix !== undefined) merged.pathPrefix = flags.pathPrefix;
  if (flags.timeZone !== undefined) merged.timeZone = flags.timeZone;
  if (flags.search === false) merged.search = false;
  const where = (key: string): string => (key in fromFile.values && fromFile.found ? `${file}: "${key}"` : `--${kebab(key)}`);
  const config: SiteConfig = {
    title: merged.title as string,
    description: merged.description as string,
    language: merged.language as string,
    baseUrl: normalizeBaseUrl(merged.baseUrl as string, where('baseUrl')),
    pathPrefix: normalizePathPrefix(merged.pathPrefix as string, where('pathPrefix')),
    timeZone: checkTimeZone(merged.timeZone as string, where('timeZone')),
    outlets: merged.outlets as readonly OutletRule[],
    pageSize: merged.pageSize as number,
    ...(typeof merged.mediaDir === 'string' && merged.mediaDir !== '' ? { mediaDir: merged.mediaDir } : {}),
    ...(merged.search === false ? { search: false } : {}),
    ...(merged.v01PageRedirects === true ? { v01PageRedirects: true } : {}),
    ...(merged.topics !== undefined ? { topics: merged.topics as TopicConfig } : {}),
  };
  return fromFile.found ? { ...config, configFile: file } : config;
}

async function readConfigFile(file: string, required: boolean): Promise<{ found: boolean; values: Partial<SiteConfig> }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return { found: false, values: {} };
    throw new UsageError(`cannot read the config file ${file}: ${(error as Error).message}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new UsageError(`${file}: expected a JSON object of settings`);
  for (const [key, value] of Object.entries(json)) {
    const type = (KEYS as Record<string, string>)[key];
    if (type === undefined) throw new UsageError(`${file}: unknown key "${key}" (known keys: ${Object.keys(KEYS).join(', ')})`);
    if (type === 'outlets') checkOutlets(value, `${file}: "${key}"`);
    else if (type === 'topics') checkTopicConfig(value, file);
    else if (type === 'number' && !(Number.isInteger(value) && (value as number) > 0)) throw new UsageError(`${file}: "${key}" must be a positive whole number`);
    else if (type === 'string' && typeof value !== 'string') throw new UsageError(`${file}: "${key}" must be a string`);
    else if (type === 'boolean' && typeof value !== 'boolean') throw new UsageError(`${file}: "${key}" must be true or false`);
  }
  return { found: true, values: json as Partial<SiteConfig> };
}

function checkOutlets(value: unknown, where: string): void {
  if (!Array.isArray(value)) throw new UsageError(`${where} must be a list of { "host", "key", "name" }`);
  value.forEach((rule: unknown, i) => {
    const r = rule as Record<string, unknown>;
    if (typeof rule !== 'object' || rule === null || typeof r.host !== 'string' || typeof r.key !== 'string' || typeof r.name !== 'string') {
      throw new UsageError(`${where}[${i}] must be { "host": string, "key": string, "name": string }`);
    }
    const extra = Object.keys(r).find((k) => !['host', 'key', 'name'].includes(k));
    if (extra !== undefined) throw new UsageError(`${where}[${i}]: unknown key "${extra}"`);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(r.key)) throw new UsageError(`${where}[${i}].key "${r.key}" must be lowercase letters, digits and dashes`);
    if (!/^[a-z0-9.-]+$/i.test(r.host)) throw new UsageError(`${where}[${i}].host "${r.host}" is not a host name`);
  });
}

/** "https://x.org/" → "https://x.org"; empty stays empty (site-relative links only). */
export function normalizeBaseUrl(value: string, where: string): string {
  if (value === '') return '';
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw new UsageError(`${where}: base URL "${value}" is not an absolute URL like https://example.org`, { cause: error });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`${where}: base URL "${value}" must be http(s)`);
  if (url.search !== '' || url.hash !== '') throw new UsageError(`${where}: base URL "${value}" must not have a query or fragment`);
  return url.href.replace(/\/+$/, '');
}

/** "sub", "/sub", "sub/" → "/sub/"; "" or "/" → "/". */
export function normalizePathPrefix(value: string, where: string): string {
  const segments = value.split('/').filter((s) => s !== '');
  for (const s of segments) {
    if (s === '.' || s === '..' || !/^[A-Za-z0-9._~-]+$/.test(s)) {
      throw new UsageError(`${where}: path prefix "${value}" may only hold letters, digits and . _ ~ - between slashes`);
    }
  }
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

export function checkTimeZone(zone: string, where: string): string {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: zone });
  } catch (error) {
    throw new UsageError(`${where}: unknown time zone "${zone}" (use an IANA name like Asia/Shanghai or UTC)`, { cause: error });
  }
  return zone;
}

function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
