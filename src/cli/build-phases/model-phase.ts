import type { Archive } from '../../archive/archive.ts';
import { streamSite, type StreamedSite } from '../../site/build-site.ts';
import type { SiteConfig } from '../../site/site-config.ts';
import { loadMedia, type Media } from '../load-media.ts';
import { templatesDigest } from '../templates-digest.ts';

export interface ModelledSite {
  /** Every page model but the article pages, which the digest phase builds one at a time (src/site/build-site.ts). */
  readonly site: StreamedSite;
  /** Mirrored images (`clippings images --mirror`), read from the cache file only, never the network. */
  readonly media: Media;
  /** Digest of everything templates depend on (layouts, public/, src/site/, parser version, config). */
  readonly templates: string;
  readonly withSearch: boolean;
}

/** Phase 2: the page models of the site (article pages on demand), with the mirrored-image map and the templates digest. */
export async function modelPhase(archive: Archive, config: SiteConfig, projectDir: string, parserVersion: string): Promise<ModelledSite> {
  const media = await loadMedia(config.mediaDir ?? 'media', config.pathPrefix);
  const withSearch = config.search !== false;
  const site = streamSite(archive, config, { feeds: true, search: withSearch, mirror: media.mirror });
  const templates = await templatesDigest(projectDir, parserVersion, config);
  return { site, media, templates, withSearch };
}
