import type { SiteModel } from './site-model.ts';

/**
 * The site model Eleventy renders, handed over by the CLI (`provideSiteModel`) and read by
 * `.eleventy.ts` as the global data `site`. Module state, so several builds in one process work:
 * each build provides its model before it runs Eleventy.
 */
let current: SiteModel | undefined;

export function provideSiteModel(model: SiteModel | undefined): void {
  current = model;
}

/** The provided model, or undefined when Eleventy was started by hand. */
export function siteModel(): SiteModel | undefined {
  return current;
}
