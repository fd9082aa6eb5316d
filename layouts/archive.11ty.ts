import type { GroupListPage } from '../src/site/site-model.ts';
import { pageData, type TemplateData } from './partials/page-data.ts';
import { renderGroupList } from './partials/render-group-list.ts';

export const data = pageData('archive');

export function render({ model, site }: TemplateData<GroupListPage>): string {
  return renderGroupList(site.shell, model);
}
