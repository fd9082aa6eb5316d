import type { IndexPage } from '../src/site/site-model.ts';
import { pageData, type TemplateData } from './partials/page-data.ts';
import { renderIndex } from './partials/render-index.ts';

export const data = pageData('home');

export function render({ model, site }: TemplateData<IndexPage>): string {
  return renderIndex(site.shell, model);
}
