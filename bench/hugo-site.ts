/**
 * Converts a folder of seed files into an equivalent Hugo site, so the benchmark can compare
 * Clippings with Hugo on the same content: one page per URL (the newest capture, as Clippings
 * merges recaptures), taxonomies topic/outlet/month/day, 50 entries per list page (as Clippings' default), RSS feeds of
 * 20 items, a sitemap, and small layouts (bench/hugo/layouts) that render what Clippings pages
 * show: title, meta, body, entry lists with summaries. Written for Debian's Hugo 0.111
 * (`paginate`, not the later `pagination.pagerSize`).
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { format } from 'date-fns';
import { TZDate } from '@date-fns/tz';

export interface HugoSite {
  readonly dir: string;
  /** Article pages written (after merging recaptures). */
  readonly pages: number;
  readonly filesRead: number;
}

/** Writes a Hugo site for the seeds under `seedDir` into `siteDir` (replaced). */
export function writeHugoSite(seedDir: string, siteDir: string): HugoSite {
  const newest = new Map<string, SeedLite>();
  let filesRead = 0;
  for (const path of seedFiles(seedDir)) {
    filesRead++;
    const seed = readSeedLite(path);
    if (seed === undefined) continue;
    const seen = newest.get(seed.url);
    if (seen === undefined || seen.ts < seed.ts || (seen.ts === seed.ts && seen.name < seed.name)) newest.set(seed.url, seed);
  }
  rmSync(siteDir, { recursive: true, force: true });
  const posts = join(siteDir, 'content', 'posts');
  mkdirSync(posts, { recursive: true });
  mkdirSync(join(siteDir, 'static'), { recursive: true });
  writeFileSync(join(siteDir, 'hugo.toml'), CONFIG);
  writeFileSync(join(siteDir, 'static', 'style.css'), 'body{max-width:40em;margin:auto;font-family:sans-serif}\n');
  writeFileSync(join(siteDir, 'content', 'posts', '_index.md'), '{"title":"全部文章"}\n');
  cpSync(new URL('./hugo/layouts', import.meta.url), join(siteDir, 'layouts'), { recursive: true });
  for (const seed of newest.values()) writeFileSync(join(posts, seed.name), frontMatter(seed) + seed.body);
  return { dir: siteDir, pages: newest.size, filesRead };
}

const ZONE = 'Asia/Shanghai';

const CONFIG = `baseURL = "https://example.org/"
languageCode = "zh-CN"
title = "Clippings"
hasCJKLanguage = true
paginate = 50
timeZone = "${ZONE}"
enableRobotsTXT = false

[params]
description = "新闻存档"

[taxonomies]
topic = "topics"
outlet = "outlets"
month = "months"
day = "days"

[services.rss]
limit = 20

[sitemap]
changefreq = "daily"

[markup.goldmark.renderer]
unsafe = true
`;

const OUTLET_NAMES: Readonly<Record<string, string>> = {
  'www.rfi.fr': 'rfi',
  'www.dw.com': 'dw',
  'www.voachinese.com': 'voa',
  'www.bbc.com': 'bbc',
  'www.rfa.org': 'rfa',
};

interface SeedLite {
  readonly name: string;
  readonly ts: number;
  readonly title: string;
  readonly url: string;
  readonly body: string;
}

function* seedFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* seedFiles(path);
    else if (entry.name.endsWith('.md') || entry.name.endsWith('.txt')) yield path;
  }
}

/** Just enough of the seed format for the bench's own files (the real parser lives in src/). */
function readSeedLite(path: string): SeedLite | undefined {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n', 4);
  const ts = Number(/^<!--(\d+)-->$/.exec(lines[0] ?? '')?.[1]);
  const link = lines[1] ?? '';
  const split = link.lastIndexOf('](');
  if (!Number.isFinite(ts) || !link.startsWith('[') || split < 0 || !link.endsWith(')')) return undefined;
  const bodyStart = lines.slice(0, 4).join('\n').length + 1;
  return {
    name: basename(path).replace(/\.txt$/, '.md'),
    ts,
    title: link.slice(1, split).replace(/ – 法国国际广播电台 - RFI$/, '').replace(/\s+/g, ' ').trim(),
    url: link.slice(split + 2, -1),
    body: text.slice(bodyStart),
  };
}

function frontMatter(seed: SeedLite): string {
  const d = new TZDate(seed.ts, ZONE);
  const url = new URL(seed.url);
  const outlet = OUTLET_NAMES[url.host] ?? url.host.replace(/^www\./, '');
  const fm = {
    title: seed.title,
    date: format(d, "yyyy-MM-dd'T'HH:mm:ssXXX"),
    source: seed.url,
    topics: [topicOf(outlet, url)],
    outlets: [outlet],
    months: [format(d, 'yyyy-MM')],
    days: [format(d, 'yyyy-MM-dd')],
  };
  return `${JSON.stringify(fm, null, 1)}\n\n`;
}

/** Roughly the per-outlet topic rule: a section from the URL path, else "其他". */
function topicOf(outlet: string, url: URL): string {
  const parts = url.pathname.split('/').filter((p) => p !== '').map((p) => decodeURIComponent(p));
  if (outlet === 'rfi' && parts[0] === 'cn' && parts.length > 2 && parts[1] !== 'contenu') return parts[parts.length - 2] ?? '其他';
  if (outlet === 'rfa' && parts.length > 3) return parts[2] ?? '其他';
  if (outlet === 'bbc') return (parts[2] ?? '').replace(/-\d+$/, '') || '其他';
  return '其他';
}
