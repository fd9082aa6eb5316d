import type { Section } from './article.ts';
import type { OutletSections } from './topic-taxonomy.ts';

const compiled = new Map<string, RegExp>();

/**
 * The outlet's own section of an article, from its URL and the outlet's rules (src/article/topic-taxonomy.ts):
 * the first path pattern that matches gives the key, the rules' table its label (an unlisted key without
 * digits is its own label: a new section of a known outlet). Undefined when no pattern matches, the key is mapped to null, or the outlet has no rules.
 */
export function findSection(url: string, rules: OutletSections | undefined): Section | undefined {
  if (rules === undefined) return undefined;
  const path = decodedPath(url);
  for (const source of rules.paths ?? []) {
    let pattern = compiled.get(source);
    if (pattern === undefined) compiled.set(source, (pattern = new RegExp(source, 'u')));
    const key = pattern.exec(path)?.[1]?.trim();
    if (key === undefined || key === '') continue;
    const entry = rules.sections?.[key];
    if (entry === null || (entry === undefined && /\d/.test(key))) return undefined;
    return { key, label: entry?.[0] ?? key };
  }
  return rules.all === undefined ? undefined : { key: '', label: rules.all[0] };
}

/** The URL's path with each segment percent-decoded and empty segments dropped: `//cn/%E4%B8%AD…` → `/cn/中…`. */
function decodedPath(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return '';
  }
  const segments = path.split('/').filter((s) => s !== '').map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  return `/${segments.join('/')}${path.endsWith('/') && segments.length > 0 ? '/' : ''}`;
}
