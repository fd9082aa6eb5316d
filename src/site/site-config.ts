import type { OutletRule } from '../article/article.ts';
import type { TopicConfig } from '../archive/resolve-taxonomy.ts';

/** Site-wide settings: from `clippings.config.json`, overridden by CLI flags. */

export interface SiteConfig {
  readonly title: string;
  readonly description: string;
  /** BCP 47, default "zh-CN". */
  readonly language: string;
  /** Absolute origin + path the site is served from, no trailing slash, e.g. "https://user.github.io". */
  readonly baseUrl: string;
  /** "/" or "/sub/" (always starts and ends with "/"). */
  readonly pathPrefix: string;
  /** IANA zone, default "Asia/Shanghai". */
  readonly timeZone: string;
  /** Extra or overriding outlet rules. */
  readonly outlets: readonly OutletRule[];
  /** Entries per index page. */
  readonly pageSize: number;
  /** Folder of mirrored images (`clippings images --mirror`), read by builds; default "media". */
  readonly mediaDir?: string;
  /** Build the search index (src/site/search/) and the search page (default true; `--no-search` turns it off). */
  readonly search?: boolean;
  /**
   * Write a redirect page at each newest-first `<list>/page/<n>/` address v0.1 published (default
   * false): for a site v0.1 published, on a host that does not read `_redirects` (GitHub Pages).
   * Every build writes `_redirects` rules for those addresses (src/site/sitemap/render-redirect-rules.ts).
   */
  readonly v01PageRedirects?: boolean;
  /** Topic settings over the default taxonomy: rename topics, remap or add outlet sections, title keywords (docs/topics.md). */
  readonly topics?: TopicConfig;
}
