import type { TopicConfig } from '../archive/resolve-taxonomy.ts';
import { DEFAULT_TAXONOMY } from '../article/topic-taxonomy.ts';
import { UsageError } from './usage-error.ts';

const TOPIC_KEYS = ['rename', 'outlets', 'keywords', 'names'];
const OUTLET_KEYS = ['paths', 'sections', 'all'];

/**
 * Checks the "topics" settings of clippings.config.json (src/archive/resolve-taxonomy.ts says what
 * they do); every error names the file and the key, e.g. `clippings.config.json: "topics.outlets.rfi.sections.政治":
 * unknown topic "politic"`.
 */
export function checkTopicConfig(value: unknown, file: string): TopicConfig {
  const slugs = new Set(DEFAULT_TAXONOMY.topics.map((t) => t.slug));
  const at = (key: string): string => `${file}: "topics${key}"`;
  const fail = (key: string, reason: string): never => {
    throw new UsageError(`${at(key)}${reason.startsWith(':') ? '' : ' '}${reason}`);
  };
  const topicSlug = (key: string, slug: unknown, nullable: boolean): void => {
    if (slug === null && nullable) return;
    if (typeof slug !== 'string' || !slugs.has(slug)) fail(key, `: unknown topic ${JSON.stringify(slug)} (topics: ${[...slugs].join(', ')}${nullable ? ', or null to classify by content' : ''})`);
  };
  const object = (key: string, v: unknown): Record<string, unknown> => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(key, 'must be an object');
    return v as Record<string, unknown>;
  };
  const config = object('', value);
  for (const key of Object.keys(config)) if (!TOPIC_KEYS.includes(key)) fail(`.${key}`, `is not a setting (known: ${TOPIC_KEYS.join(', ')})`);
  for (const [slug, label] of Object.entries(object('.rename', config.rename ?? {}))) {
    topicSlug(`.rename.${slug}`, slug, false);
    if (typeof label !== 'string' || label.trim() === '') fail(`.rename.${slug}`, 'must be the new label, a non-empty string');
  }
  for (const setting of ['keywords', 'names']) {
    for (const [slug, words] of Object.entries(object(`.${setting}`, config[setting] ?? {}))) {
      topicSlug(`.${setting}.${slug}`, slug, false);
      if (!Array.isArray(words) || words.some((w) => typeof w !== 'string' || w.trim() === '')) fail(`.${setting}.${slug}`, 'must be a list of non-empty strings');
    }
  }
  for (const [outlet, raw] of Object.entries(object('.outlets', config.outlets ?? {}))) {
    const where = `.outlets.${outlet}`;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(outlet)) fail(where, ': an outlet key is lowercase letters, digits and dashes');
    const rules = object(where, raw);
    for (const key of Object.keys(rules)) if (!OUTLET_KEYS.includes(key)) fail(`${where}.${key}`, `is not a setting (known: ${OUTLET_KEYS.join(', ')})`);
    if (rules.paths !== undefined) {
      if (!Array.isArray(rules.paths)) fail(`${where}.paths`, 'must be a list of regular expressions');
      (rules.paths as unknown[]).forEach((source, i) => {
        let pattern: RegExp | undefined;
        try {
          pattern = typeof source === 'string' ? new RegExp(source, 'u') : undefined;
        } catch (error) {
          throw new UsageError(`${at(`${where}.paths[${i}]`)}: not a valid regular expression (${(error as Error).message})`, { cause: error });
        }
        if (pattern === undefined || !/\((?!\?)/.test(pattern.source)) fail(`${where}.paths[${i}]`, 'must be a regular expression with a capture group for the section key, e.g. "^/news/([a-z]+)/"');
      });
    }
    for (const [key, entry] of Object.entries(object(`${where}.sections`, rules.sections ?? {}))) {
      if (entry === null) continue;
      if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') fail(`${where}.sections.${key}`, 'must be ["label", "topic slug" or null], or null when the key is no section');
      topicSlug(`${where}.sections.${key}`, (entry as unknown[])[1], true);
    }
    if (rules.all !== undefined) {
      const all = rules.all as unknown[];
      if (!Array.isArray(all) || all.length !== 2 || typeof all[0] !== 'string') fail(`${where}.all`, 'must be ["label", "topic slug" or null]');
      topicSlug(`${where}.all`, all[1], true);
    }
  }
  return config as TopicConfig;
}
