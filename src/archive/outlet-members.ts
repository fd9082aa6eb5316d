import type { Article } from '../article/article.ts';

/** The indexes of `docs` by outlet key, in order: the members whose terms an outlet's boilerplate is counted over. */
export function outletMembers(docs: readonly Pick<Article, 'outlet'>[]): Map<string, number[]> {
  const byOutlet = new Map<string, number[]>();
  docs.forEach((doc, index) => {
    const list = byOutlet.get(doc.outlet.key);
    if (list) list.push(index);
    else byOutlet.set(doc.outlet.key, [index]);
  });
  return byOutlet;
}
