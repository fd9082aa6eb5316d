import type { PageLink, Pagination } from './site-model.ts';
import type { Route } from './make-routes.ts';
import type { Chunk } from './paginate.ts';

/**
 * Pagination that stays put as a newest-first list grows: pages are numbered from the oldest
 * (`p/1/` holds the `size` oldest articles), so an article added at the newest end changes only the
 * newest numbered page (or starts a new one), the list's first page, and the page links of the two
 * pages below the newest. The first page (`first`) shows the newest numbered page and the one before
 * it: the newest articles, between `size + 1` and `2 × size` of them once the list is that long, and
 * never an article twice when reading on to older pages. A list that fits on one page has no
 * numbered pages.
 *
 * Nothing on a numbered page depends on how many pages there are besides its own window of links
 * (two either side, the oldest page and the first page as 最新), so it is rewritten only when its
 * own articles change (an article backdated into it or before it shifts it by one entry).
 *
 *     paginateFromOldest(newestFirst, 20, (n) => routes.homePage(n), routes.home())
 *     // → [{ number: 0, route: '/', items: newest 21–40 }, { number: 1, route: '/p/1/', items: oldest 20 }, …]
 */
export function paginateFromOldest<T>(newestFirst: readonly T[], size: number, routeOf: (page: number) => Route, first: Route): Chunk<T>[] {
  if (!Number.isSafeInteger(size) || size < 1) throw new Error(`pageSize must be a positive integer, got ${size}`);
  const n = newestFirst.length;
  const total = Math.max(1, Math.ceil(n / size));
  if (total === 1) return [{ number: 0, route: first, items: newestFirst }];
  /** Page k (1 = oldest) holds the articles ranked (k − 1)·size … k·size − 1 from the oldest, newest first. */
  const itemsOf = (k: number): readonly T[] => newestFirst.slice(Math.max(0, n - k * size), n - (k - 1) * size);
  const url = (k: number): string => (k === 0 ? first.url : routeOf(k).url);
  const chunks: Chunk<T>[] = [
    {
      number: 0,
      route: first,
      items: newestFirst.slice(0, n - Math.max(0, total - 2) * size),
      pagination: window(0, total, url),
    },
  ];
  for (let k = 1; k <= total; k++) chunks.push({ number: k, route: routeOf(k), items: itemsOf(k), pagination: window(k, total, url) });
  return chunks;
}

/**
 * Links of page `current` (0 = the first page): 最新 (the first page), pages current + 2 … current − 2
 * (on the first page: the three below the two it shows), the oldest page 1, gaps between; previous =
 * newer, next = older.
 */
function window(current: number, total: number, url: (k: number) => string): Pagination {
  // The first page shows pages total and total − 1, so its own window starts below them.
  const top = current === 0 ? total - 2 : Math.min(total, current + 2);
  const bottom = current === 0 ? Math.max(1, total - 4) : Math.max(1, current - 2);
  const pages: PageLink[] = [{ number: 0, label: '最新', url: url(0), current: current === 0 }];
  if (top >= 1 && (current === 0 ? false : top < total)) pages.push({ gap: true });
  for (let k = top; k >= bottom; k--) pages.push({ number: k, url: url(k), current: k === current });
  if (bottom > 2) pages.push({ gap: true });
  if (bottom > 1) pages.push({ number: 1, url: url(1), current: false });
  const newer = current === 0 ? undefined : current === total ? 0 : current + 1;
  const older = current === 0 ? (total > 2 ? total - 2 : undefined) : current > 1 ? current - 1 : undefined;
  return {
    current,
    pages,
    ...(newer === undefined ? {} : { prevUrl: url(newer) }),
    ...(older === undefined ? {} : { nextUrl: url(older) }),
  };
}
