import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteConfig } from '../site/site-config.ts';

/**
 * A note for a site v0.1 published, when its output folder still holds v0.1's newest-first
 * `page/2/` and the config does not keep redirect pages there: this build removes those pages and
 * leaves the addresses to `_redirects`, which GitHub Pages does not read. Undefined otherwise.
 */
export function noteV01Pages(output: string, config: SiteConfig): string | undefined {
  if (config.v01PageRedirects === true || !existsSync(join(output, 'page', '2', 'index.html'))) return undefined;
  return (
    `note: ${join(output, 'page', '2')}/ is an address of v0.1's newest-first list pages. This build leaves such addresses to ` +
    `_redirects (read by Netlify, Cloudflare Pages and GitLab Pages); on a host that does not read it (GitHub Pages, a plain server), ` +
    `set "v01PageRedirects": true in clippings.config.json to keep a redirect page at each (docs/deploy.md).`
  );
}
