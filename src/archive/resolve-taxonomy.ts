import type { Section, Topic } from '../article/article.ts';
import { DEFAULT_TAXONOMY, type OutletSections, type SectionEntry, type TaxonomyData } from '../article/topic-taxonomy.ts';
import { foldHan } from '../text/fold-han.ts';

/** The `topics` settings of clippings.config.json (checked by src/cli/check-topic-config.ts). */
export interface TopicConfig {
  /** New labels by topic slug, e.g. `{ "international": "世界" }` (slugs, and so URLs, stay). */
  readonly rename?: Readonly<Record<string, string>>;
  /**
   * Section rules by outlet key, merged over the defaults: `paths` and `all` replace the default ones,
   * `sections` entries are added or replace the entry of the same key (remap a section to a topic).
   */
  readonly outlets?: Readonly<Record<string, OutletSections>>;
  /** Title words that weigh for a topic (added to the data's keywords), by slug: see TopicDef.keywords. */
  readonly keywords?: Readonly<Record<string, readonly string[]>>;
  /** Place and people names whose mentions are classifier features of a topic (added to the data's), by slug: see TopicDef.names. */
  readonly names?: Readonly<Record<string, readonly string[]>>;
}

/** A former topic URL and where it now leads (undefined: the topics index). */
export interface TopicRedirect {
  readonly from: string;
  readonly to?: string;
}

/** The taxonomy a build uses: the default data with the config applied. */
export interface Taxonomy {
  /** In display order; the fallback is last. */
  readonly topics: readonly Topic[];
  readonly fallback: Topic;
  readonly outlets: Readonly<Record<string, OutletSections>>;
  /** Outlets whose rules the config changed: their sections are found again from the URL. */
  readonly configuredOutlets: ReadonlySet<string>;
  /** Title keywords (folded), each with the index of its topic in `topics`. */
  readonly keywords: readonly { readonly word: string; readonly topic: number }[];
  /** Place and people names (folded), each with the index of its topic: features of the classifier. */
  readonly names: readonly { readonly word: string; readonly topic: number }[];
  readonly redirects: readonly TopicRedirect[];
}

/** Applies the config's renames, section rules and keywords to the default taxonomy data. */
export function resolveTaxonomy(config: TopicConfig = {}, data: TaxonomyData = DEFAULT_TAXONOMY): Taxonomy {
  const topics = data.topics.map((t): Topic => ({ slug: t.slug, label: config.rename?.[t.slug] ?? t.label }));
  const index = new Map(topics.map((t, i) => [t.slug, i]));
  const fallback = topics[index.get(data.fallback)!]!;
  const outlets: Record<string, OutletSections> = { ...data.outlets };
  for (const [key, rules] of Object.entries(config.outlets ?? {})) {
    const base = outlets[key] ?? {};
    outlets[key] = {
      ...base,
      ...(rules.paths !== undefined ? { paths: rules.paths } : {}),
      ...(rules.all !== undefined ? { all: rules.all } : {}),
      sections: { ...base.sections, ...rules.sections },
    };
  }
  const wordsOf = (given: readonly (readonly [string, readonly string[]])[]): { word: string; topic: number }[] =>
    given
      .flatMap(([slug, words]) => words.map((word) => ({ word: foldHan(word).toLowerCase(), topic: index.get(slug)! })))
      .filter((k, i, all) => all.findIndex((o) => o.word === k.word && o.topic === k.topic) === i)
      .sort((a, b) => b.word.length - a.word.length || (a.word < b.word ? -1 : a.word > b.word ? 1 : a.topic - b.topic));
  const keywords = wordsOf([...data.topics.map((t) => [t.slug, t.keywords ?? []] as const), ...Object.entries(config.keywords ?? {})]);
  const names = wordsOf([...data.topics.map((t) => [t.slug, t.names ?? []] as const), ...Object.entries(config.names ?? {})]);
  const redirects: TopicRedirect[] = [
    ...data.topics.flatMap((t) => (t.formerSlugs ?? []).map((from) => ({ from, to: t.slug }))),
    ...data.retiredSlugs.map((from) => ({ from })),
  ];
  return { topics, fallback, outlets, configuredOutlets: new Set(Object.keys(config.outlets ?? {})), keywords, names, redirects };
}

/** The topic slug a section files its articles under; undefined: the section says nothing about the subject. */
export function sectionTopic(taxonomy: Taxonomy, outletKey: string, section: Section | undefined): string | undefined {
  if (section === undefined) return undefined;
  const rules = taxonomy.outlets[outletKey];
  const entry: SectionEntry | undefined = section.key === '' ? rules?.all : rules?.sections?.[section.key];
  return entry?.[1] ?? undefined;
}
