import type { Link } from './site-model.ts';
import type { SiteContext } from './make-site-context.ts';

/** Breadcrumbs from home down to a year, month or day key: 首页 › 归档 › 2023年 › 8月 › 31日. */
export function dateTrail(ctx: SiteContext, key: string): readonly Link[] {
  const known = trails.get(ctx)?.get(key);
  if (known) return known;
  const { routes } = ctx;
  const [y, m, d] = key.split('-');
  const trail: Link[] = [ctx.home, { label: '归档', url: routes.archive().url }];
  if (y) trail.push({ label: `${y}年`, url: routes.year(y).url });
  if (y && m) trail.push({ label: `${Number(m)}月`, url: routes.month(`${y}-${m}`).url });
  if (y && m && d) trail.push({ label: `${Number(d)}日`, url: routes.day(key).url });
  const cache = trails.get(ctx) ?? new Map<string, readonly Link[]>();
  trails.set(ctx, cache.set(key, trail));
  return trail;
}

/** Trails per site build and key: articles of a day share one. */
const trails = new WeakMap<SiteContext, Map<string, readonly Link[]>>();

/** "2023年8月31日" from "2023-08-31" (or a shorter key). */
export function dateLabel(key: string): string {
  const [y, m, d] = key.split('-');
  return `${y}年${m ? `${Number(m)}月` : ''}${d ? `${Number(d)}日` : ''}`;
}
