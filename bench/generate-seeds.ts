/**
 * Deterministic synthetic seed files shaped like the real corpus (../shared/corpus/real):
 * five outlets with their URL shapes, 2–12 KB Chinese bodies, images (some lazy `data-src`),
 * RFI share bars, newsletter promos, "获取更多RSS" footers, the archiver's `<div>\n…\n</div>`
 * wrapper, recaptures (same URL, later timestamp, edited body) and timestamps over several years.
 *
 * File i depends only on (seed, i), so a size-N set is a prefix of a size-M set (N < M) and
 * `generateSeed(count, …)` gives a new file that is not yet in a folder of `count` files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { bodyText, mulberry32, pick, sentence, title as makeTitle, type Rng } from './chinese-text.ts';

/** Bump when the output of the generator changes, so cached seed folders are regenerated. */
export const GENERATOR_VERSION = 3;

export interface GenerateOptions {
  /** PRNG seed: same seed and count → byte-identical files. */
  readonly seed: number;
}

export interface GeneratedSeed {
  /** Path relative to the output folder: `<outlet>/<ts>-<hash>.md`. */
  readonly relPath: string;
  readonly text: string;
  readonly url: string;
  readonly capturedAt: number;
  /** True when this file recaptures the URL of an earlier file. */
  readonly recapture: boolean;
}

/** Writes `count` seed files under `dir` (subfolders per outlet); returns their relative paths. */
export function generateSeeds(dir: string, count: number, options: GenerateOptions): string[] {
  const paths: string[] = [];
  const made = new Set<string>();
  for (let i = 0; i < count; i++) {
    const s = generateSeed(i, options);
    const outletDir = join(dir, s.relPath.split('/')[0] ?? '');
    if (!made.has(outletDir)) {
      mkdirSync(outletDir, { recursive: true });
      made.add(outletDir);
    }
    writeFileSync(join(dir, s.relPath), s.text);
    paths.push(s.relPath);
  }
  return paths;
}

/** The i-th seed file of the set for `options.seed`; pass `fresh` to forbid a recapture. */
export function generateSeed(index: number, options: GenerateOptions, fresh = false): GeneratedSeed {
  const rng = rngFor(options.seed, index);
  const recaptureRoll = rng();
  if (!fresh && index > 0 && recaptureRoll < RECAPTURE_RATE) {
    const target = recaptureTarget(index, options, rng);
    if (target !== undefined) return recapture(target, index, options, rng);
  }
  return render(baseSpec(index, options), undefined);
}

/**
 * A new article (never a recapture) published at `ts` (ms since the epoch): the i-th of a day's
 * batch for the daily-cycle benchmark. Pass indexes ≥ the folder's count so the file is new.
 */
export function generateSeedAt(index: number, options: GenerateOptions, ts: number): GeneratedSeed {
  return render(baseSpec(index, options, ts), undefined);
}

/** Midnight (Asia/Shanghai) of the day after the generator's last day: where the daily batch goes. */
export const NEXT_DAY = new TZDate(2024, 6, 1, 0, 0, 0, 'Asia/Shanghai').getTime();

// ---------------------------------------------------------------------------------------------

const RECAPTURE_RATE = 0.03;
const FROM = Date.UTC(2019, 0, 1);
const TO = Date.UTC(2024, 5, 30);
const ZONE = 'Asia/Shanghai';

interface Spec {
  readonly outlet: OutletKey;
  readonly title: string;
  readonly url: string;
  readonly ts: number;
  readonly rngSeed: number;
}

type OutletKey = 'rfi' | 'dw' | 'voa' | 'bbc' | 'rfa';
const OUTLETS: readonly (readonly [OutletKey, number])[] = [
  ['rfi', 0.4],
  ['dw', 0.15],
  ['voa', 0.15],
  ['bbc', 0.15],
  ['rfa', 0.15],
];
const RFI_TOPICS = ['中国', '国际', '法国', '政治', '经济', '亚洲', '欧洲', '美洲', '非洲', '科技', '文化', '体育'];
const RFI_NESTED = ['专栏检索/要闻解说', '专栏检索/法国之窗', '专栏检索/中国观察'];
const RFA_SECTIONS = ['gangtai', 'zhengzhi', 'junshiwaijiao', 'jingmao', 'renquanfazhi', 'shehui'];
const BBC_SECTIONS = ['world', 'chinese-news', 'science', 'business', 'uk'];
const VOA_WORDS = ['china', 'us', 'trade', 'taiwan', 'hong-kong', 'election', 'covid', 'talks', 'sanctions', 'summit', 'report', 'says'];

function baseSpec(index: number, options: GenerateOptions, at?: number): Spec {
  const rng = rngFor(options.seed, index);
  rng(); // the recapture roll
  const outlet = pickWeighted(rng, OUTLETS);
  const drawn = FROM + Math.floor(rng() * ((TO - FROM) / 1000)) * 1000;
  const ts = at ?? drawn;
  const t = makeTitle(rng);
  const title = outlet === 'rfi' && rng() < 0.3 ? `${t} – 法国国际广播电台 - RFI` : t;
  return { outlet, title, url: urlFor(outlet, t, ts, rng), ts, rngSeed: Math.floor(rng() * 2 ** 32) };
}

function recaptureTarget(index: number, options: GenerateOptions, rng: Rng): number | undefined {
  for (let tries = 0; tries < 4; tries++) {
    const j = Math.floor(rng() * index);
    if (rngFor(options.seed, j)() >= RECAPTURE_RATE || j === 0) return j;
  }
  return undefined;
}

function recapture(target: number, index: number, options: GenerateOptions, rng: Rng): GeneratedSeed {
  const base = baseSpec(target, options);
  const later = base.ts + (1 + Math.floor(rng() * 72 * 3600)) * 1000;
  const edited = rng() < 0.7;
  const spec: Spec = { ...base, ts: later, title: edited && rng() < 0.3 ? `${base.title}（更新）` : base.title };
  const extra = edited ? `<p>（更新）${sentence(rngFor(options.seed, index + 0x9e3779b1))}</p>` : undefined;
  return { ...render(spec, extra), recapture: true };
}

function render(spec: Spec, extraParagraph: string | undefined): GeneratedSeed {
  const rng = mulberry32(spec.rngSeed);
  const targetBytes = 2048 + Math.floor(10240 * rng() ** 2.2);
  const html = bodyFor(spec, targetBytes, extraParagraph, rng);
  const wrapped = rng() < 0.95 ? `<div>\n${html}\n</div>\n` : `${html}\n`;
  const text = `<!--${spec.ts}-->\n[${spec.title}](${spec.url})\n------\n\n${wrapped}`;
  const relPath = `${spec.outlet}/${spec.ts}-${fnv1a(text).toString(16).padStart(8, '0')}.md`;
  return { relPath, text, url: spec.url, capturedAt: spec.ts, recapture: false };
}

function bodyFor(spec: Spec, targetBytes: number, extra: string | undefined, rng: Rng): string {
  const d = new TZDate(spec.ts, ZONE);
  const img = image(spec.outlet, rng);
  const paragraphs = bodyText(rng, targetBytes);
  if (extra !== undefined) paragraphs.push(extra);
  const paras = paragraphs.join('');
  switch (spec.outlet) {
    case 'rfi': {
      const share = d.getFullYear() >= 2023 ? shareBar(spec) : '';
      const promo = '<div class="o-self-promo o-self-promo--nl" data-selfpromo-newsletter></div><div data-selfpromo-app></div>';
      return `<div>${format(d, 'dd/MM/yyyy - HH:mm')}</div>${img}<p><strong>${sentence(rng)}</strong></p><div class="t-content__body u-clearfix">${paras}${promo}</div>${share}`;
    }
    case 'dw':
      return `<div><i><br>${new Date(spec.ts).toISOString()}</i></div>${img}<div><small style="color: #999;">${sentence(rng)}</small></div><p>(德国之声中文网) ${sentence(rng)}</p>${paras}<p><em>© ${d.getFullYear()}年德国之声版权声明：本文所有内容受到著作权法保护，如无德国之声特别授权，不得擅自使用。</em></p>`;
    case 'voa':
      return `<div><i>${new Date(spec.ts).toUTCString()}</i></div>${img}<div><small style="color: #999;">${sentence(rng)}</small></div>${paras}`;
    case 'bbc':
      return `${img}<div>${paras}</div><br><hr><div>获取更多RSS：<br><a href="https://feedx.net" style="color:orange" target="_blank">https://feedx.net</a> <br><a href="https://feedx.xyz" style="color:orange" target="_blank">https://feedx.xyz</a><br></div>`;
    case 'rfa':
      return `${paras.replace('</p>', `</p><ul><li><b><a class="external-link" href="https://www.rfa.org/mandarin/yataibaodao/gangtai/hx-${spec.ts}.html">${sentence(rng).slice(0, 20)}</a></b></li></ul>`)}<p>（记者：王允；编辑：申铧）</p>`;
  }
}

function image(outlet: OutletKey, rng: Rng): string {
  const id = Math.floor(rng() * 1e9).toString(16);
  const src =
    outlet === 'rfi'
      ? `https://s.rfi.fr/media/display/${id}-2c8a-11ee/w:1280/p:16x9/${id}.jpg`
      : `https://images.weserv.nl/?url=${outlet}.example-cdn.com/image/${id}_303.jpg`;
  if (rng() < 0.1) return `<img class="lazyload" data-src="${src}" alt="${sentence(rng).slice(0, 12)}" loading="lazy">`;
  return outlet === 'rfi' ? `<img src="${src}">` : `<img src="${src}" width="100%">`;
}

function shareBar(spec: Spec): string {
  const u = encodeURIComponent(spec.url);
  const t = encodeURIComponent(spec.title);
  return `<div><div>分享 :</div><div><a href="https://www.facebook.com/dialog/share?app_id=113191652055439&amp;href=${u}&amp;locale=zh_CN" target="_blank" rel="noopener nofollow"><span></span></a><a href="whatsapp://send?text=${t}%20-%20${u}" target="_blank" rel="noopener nofollow"><span></span></a><a href="https://twitter.com/intent/tweet?url=${u}&amp;via=RFI_Cn&amp;text=${t}&amp;lang=zh-cn" target="_blank" rel="noopener nofollow"><span></span></a><span data-root-share><share-button v-on:open="openModal"></share-button><share-modal v-if="displayModal" v-on:close="closeModal"></share-modal></span></div></div>`;
}

function urlFor(outlet: OutletKey, title: string, ts: number, rng: Rng): string {
  const d = new TZDate(ts, ZONE);
  const id = 50000000 + Math.floor(rng() * 9000000);
  switch (outlet) {
    case 'rfi': {
      const r = rng();
      const topic = r < 0.08 ? 'contenu' : r < 0.12 ? pick(rng, RFI_NESTED) : pick(rng, RFI_TOPICS);
      const slug = title.replace(/[\s，。：、“”！？（）]+/g, '-').replace(/^-|-$/g, '');
      const path = topic.split('/').map(encodeURIComponent).join('/');
      return `http://www.rfi.fr//cn/${path}/${format(d, 'yyyyMMdd')}-${encodeURIComponent(slug)}`;
    }
    case 'dw':
      return `https://www.dw.com/zh/${encodeURIComponent(title)}${rng() < 0.1 ? '%20' : ''}/a-${id}`;
    case 'voa': {
      const words = [pick(rng, VOA_WORDS), pick(rng, VOA_WORDS), pick(rng, VOA_WORDS)];
      return `https://www.voachinese.com/a/${words.join('-')}-${format(d, 'MMddyyyy')}/${id}.html`;
    }
    case 'bbc':
      return `http://www.bbc.com/zhongwen/simp/${pick(rng, BBC_SECTIONS)}-${id}`;
    case 'rfa':
      return `https://www.rfa.org/mandarin/yataibaodao/${pick(rng, RFA_SECTIONS)}/${pick(rng, ['wy', 'hx', 'rc', 'ql1'])}-${format(d, 'MMddyyyyHHmmss')}.html`;
  }
}

function pickWeighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  let r = rng();
  for (const [item, w] of items) {
    if (r < w) return item;
    r -= w;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

function rngFor(seed: number, index: number): Rng {
  return mulberry32(fnv1a(`${seed}:${index}`));
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
