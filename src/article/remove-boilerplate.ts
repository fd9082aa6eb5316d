import type { Element, ElementContent, Root, RootContent } from 'hast';
import { classOf, isElement, meaningfulChildren, normalizeSpace, rawTextUpTo, textOf, type Parent } from './hast-tools.ts';

/** Class fragments of ad slots, promos and video placeholders seen in the corpus. */
const BOILERPLATE_CLASS =
  /(?:^|[\s_-])(?:o-self-promo|m-interstitial|dfp-tag-wrapper|o-ads|bbccom_slot|bbccom_advert|adslot\w*|ad-slot|AdSlot__\w+|mpu-ad|lazyload-placeholder|player-with-placeholder\w*|newsletter\w*|social-share\w*|share-bar|news-vj-component-video__notice)(?:$|[\s_-])/i;
/** Hosts of tracking pixels and affiliate beacons. */
const TRACKER_HOST =
  /(?:^|\.)(?:amazon-adsystem\.com|doubleclick\.net|google-analytics\.com|googletagmanager\.com|scorecardresearch\.com|quantserve\.com|feedburner\.com|feedsportal\.com|pixel\.wp\.com|stats\.wp\.com|facebook\.com|chartbeat\.net|imrworldwide\.com|sb\.scorecardresearch\.com)$/i;
/** Footer lines that feed archivers and sites append to every article. */
const FOOTER_TEXT = /^(?:获取更多RSS|更多RSS|本文(?:来自|转自)RSS|Get more RSS)/;
const SHARE_TEXT = /^(?:分享|Share|分享到)\s*[:：]/;
const PROMO_TEXT = /^[（(]?欢迎.*订阅/;
/**
 * Every text FOOTER_TEXT, SHARE_TEXT or PROMO_TEXT can match starts with one of these characters (after the
 * whitespace and zero-width characters normalizeSpace drops): a cheap test that spares normalizing the text of
 * every ordinary paragraph. Keep it in step with the three patterns.
 */
const OPENING = /^[\s\u200b-\u200d\u2060\ufeff]*[获更本G分S（(欢]/;
/** Blocks whose text is compared with the patterns above; their text is read once, up to this many characters. */
const TEXT_CHECKED = new Set(['div', 'p', 'section', 'aside']);
const TEXT_CAP = 800;

/**
 * Remove what is not the article, on the raw (unsanitized) tree, while classes and data-* attributes are still
 * there to recognize it: the archiver's outer `<div>` wrapper, the RFI share bar, newsletter/app promos, ad
 * slots, feed footers ("获取更多RSS"), tracking pixels, video players and other custom elements, and a leading
 * `<h1>` that repeats the title. Mutates `tree`.
 */
export function removeBoilerplate(tree: Root, title: string): void {
  unwrapArchiverDiv(tree);
  prune(tree);
  dropRepeatedHeadline(tree, normalizeSpace(title));
}

function unwrapArchiverDiv(tree: Root): void {
  const kids = meaningfulChildren(tree);
  const only = kids[0];
  if (kids.length === 1 && isElement(only) && only.tagName === 'div' && Object.keys(only.properties).length === 0) {
    tree.children = only.children as RootContent[];
  }
}

function prune(node: Parent): void {
  const kept: ElementContent[] = [];
  for (const child of node.children as ElementContent[]) {
    if (child.type === 'comment') continue;
    if (child.type === 'element') {
      const text = TEXT_CHECKED.has(child.tagName) ? blockText(child) : undefined;
      if (isFeedFooter(child, text)) {
        dropTrailingRules(kept);
        continue;
      }
      if (isBoilerplate(child, text)) continue;
      prune(child);
    }
    kept.push(child);
  }
  node.children = kept as typeof node.children;
}

/** Text of a block, read once for all the text tests; undefined when it is long or cannot match any of them. */
interface BlockText {
  readonly rawLength: number;
  readonly text: string;
}

function blockText(el: Element): BlockText | undefined {
  const raw = rawTextUpTo(el, TEXT_CAP);
  return raw === undefined || !OPENING.test(raw) ? undefined : { rawLength: raw.length, text: normalizeSpace(raw) };
}

/** The block's normalized text when it is at most `limit` characters (and was at most 4 × `limit` raw), like shortTextOf. */
function textWithin(block: BlockText | undefined, limit: number): string | undefined {
  return block !== undefined && block.rawLength <= limit * 4 && block.text.length <= limit ? block.text : undefined;
}

/** The archiver's `<div>获取更多RSS：…</div>` footer (also when unbalanced markup nested it deeper). */
function isFeedFooter(el: Element, block: BlockText | undefined): boolean {
  if (el.tagName !== 'div' && el.tagName !== 'p') return false;
  const text = textWithin(block, 200);
  return text !== undefined && FOOTER_TEXT.test(text);
}

/** The footer is preceded by `<br><hr>`; drop them with it. */
function dropTrailingRules(kept: ElementContent[]): void {
  for (let last = kept.at(-1); last !== undefined; last = kept.at(-1)) {
    const isRule = last.type === 'element' && (last.tagName === 'br' || last.tagName === 'hr');
    const isBlank = last.type === 'text' && last.value.trim() === '';
    if (!isRule && !isBlank) return;
    kept.pop();
  }
}

function isBoilerplate(el: Element, block: BlockText | undefined): boolean {
  if (el.tagName.includes('-')) return true; // custom elements: <share-button>, <youtube-player>, <play-media>...
  for (const key in el.properties) {
    if (key.startsWith('dataSelfpromo') || key.startsWith('dataOAds') || key === 'dataRootShare' || key === 'dataDfp') return true;
  }
  const cls = classOf(el);
  if (cls !== '' && BOILERPLATE_CLASS.test(cls)) return true;
  if (el.tagName === 'img' && isTrackingPixel(el)) return true;
  if ((el.tagName === 'div' || el.tagName === 'section' || el.tagName === 'aside') && isShareBar(block)) return true;
  if (el.tagName === 'p' && isNewsletterPromo(block)) return true;
  return false;
}

function isTrackingPixel(img: Element): boolean {
  const w = String(img.properties['width'] ?? '');
  const h = String(img.properties['height'] ?? '');
  if ((w === '1' || w === '0') && (h === '1' || h === '0')) return true;
  const src = String(img.properties['src'] ?? img.properties['dataSrc'] ?? '');
  try {
    return TRACKER_HOST.test(new URL(src, 'https://invalid.example/').hostname);
  } catch {
    return false;
  }
}

/** `<div><div>分享 :</div><div><a href="https://www.facebook.com/dialog/share…">…</div></div>` */
function isShareBar(block: BlockText | undefined): boolean {
  const text = textWithin(block, 40);
  return text !== undefined && SHARE_TEXT.test(text);
}

/** NYT's "（欢迎点击此处订阅NYT简报…）" and similar one-line subscription promos. */
function isNewsletterPromo(block: BlockText | undefined): boolean {
  const text = textWithin(block, 120);
  return text !== undefined && PROMO_TEXT.test(text);
}

/** BBC bodies open with `<h1>` holding the headline again; drop it wherever it sits in the first block. */
function dropRepeatedHeadline(node: Parent, title: string): boolean {
  for (let i = 0; i < node.children.length; i++) {
    const child = node.children[i]!;
    if (child.type === 'text' && child.value.trim() !== '') return true;
    if (child.type !== 'element') continue;
    if (child.tagName === 'h1') {
      if (normalizeSpace(textOf(child)) === title) node.children.splice(i, 1);
      return true;
    }
    if (dropRepeatedHeadline(child, title)) return true;
  }
  return false;
}
