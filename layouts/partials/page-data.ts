import type { PageLists, PageModel, SiteModel } from '../../src/site/site-model.ts';

/** What each page-kind template receives from Eleventy: its page model and the site. */
export interface TemplateData<P extends PageModel> {
  readonly model: P;
  readonly site: SiteModel;
}

/**
 * Front matter of a page-kind template: one output page per model of `site.lists[list]`,
 * written to the model's validated path; no collections (they cost time and are not used).
 */
export function pageData(list: keyof PageLists) {
  return {
    pagination: { data: `site.lists.${list}`, size: 1, alias: 'model' },
    permalink: (d: { model: PageModel }) => d.model.path,
    eleventyExcludeFromCollections: true,
  };
}
