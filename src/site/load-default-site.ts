import { loadArchive } from '../archive/load-archive.ts';
import { buildSite } from './build-site.ts';
import { DEFAULT_SITE_CONFIG } from './default-config.ts';
import type { SiteModel } from './site-model.ts';

/** The site of `contentDir` with the default config, for Eleventy run by hand without the CLI. */
export async function loadDefaultSite(contentDir: string): Promise<SiteModel> {
  const config = DEFAULT_SITE_CONFIG;
  const archive = await loadArchive(contentDir, { timeZone: config.timeZone, outlets: config.outlets });
  return buildSite(archive, config);
}
