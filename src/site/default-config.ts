import type { SiteConfig } from './site-config.ts';

/** The settings used when neither `clippings.config.json` nor flags say otherwise. */
export const DEFAULT_SITE_CONFIG: SiteConfig = {
  title: 'Clippings',
  description: '新闻剪报存档：按日期、话题与媒体浏览的静态网站。',
  language: 'zh-CN',
  baseUrl: 'http://localhost:8080',
  pathPrefix: '/',
  timeZone: 'Asia/Shanghai',
  outlets: [],
  pageSize: 50,
};
