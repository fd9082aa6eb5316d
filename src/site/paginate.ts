import type { PageLink, Pagination } from './site-model.ts';
import type { Route } from './make-routes.ts';

export interface Chunk<T> {
  readonly number: number;
  readonly route: Route;
  readonly items: readonly T[];
  /** Absent when everything fits on one page. */
  readonly pagination?: Pagination;
}

/** Splits a list into pages of `size` (at least one page, even when empty). */
export function paginate<T>(items: readonly T[], size: number, routeOf: (page: number) => Route): Chunk<T>[] {
  if (!Number.isSafeInteger(size) || size < 1) throw new Error(`pageSize must be a positive integer, got ${size}`);
  const total = Math.max(1, Math.ceil(items.length / size));
  const urls = Array.from({ length: total }, (_, i) => routeOf(i + 1));
  return urls.map((route, i) => ({
    number: i + 1,
    route,
    items: items.slice(i * size, (i + 1) * size),
    ...(total > 1 ? { pagination: pagination(i + 1, total, urls) } : {}),
  }));
}

/** First, last, and two either side of the current page, with gaps — small even for 5,000 pages. */
function pagination(current: number, total: number, routes: readonly Route[]): Pagination {
  const pages: PageLink[] = [];
  let last = 0;
  for (let n = 1; n <= total; n++) {
    if (n !== 1 && n !== total && Math.abs(n - current) > 2) continue;
    if (n - last > 1) pages.push({ gap: true });
    pages.push({ number: n, url: url(routes, n), current: n === current });
    last = n;
  }
  return {
    current,
    total,
    pages,
    ...(current > 1 ? { prevUrl: url(routes, current - 1) } : {}),
    ...(current < total ? { nextUrl: url(routes, current + 1) } : {}),
  };
}

function url(routes: readonly Route[], n: number): string {
  const route = routes[n - 1];
  if (!route) throw new Error(`no page ${n}`);
  return route.url;
}
